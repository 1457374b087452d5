package cn.minzheng.portal.registry;

import java.util.Map;

import cn.minzheng.portal.gateway.ApiAnswer;
import cn.minzheng.portal.gateway.Caller;
import cn.minzheng.portal.gateway.Gateway;
import cn.minzheng.portal.layout.Person;
import org.springframework.stereotype.Component;

/** The registry offices of the registrar's division, for the forms that name the office acting. */
@Component
class Offices {

    private final Gateway gateway;

    Offices(Gateway gateway) {
        this.gateway = gateway;
    }

    ApiAnswer of(Caller caller, Person person) {
        return gateway.get(caller, gateway.uri("/api/registry/offices",
                Map.of("division", person.division() == null ? "" : person.division())));
    }
}
