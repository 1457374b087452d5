package cn.minzheng.funeral.callback;

import cn.minzheng.platform.audit.Auditor;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.stereotype.Component;

/**
 * What an integration client may do: act only once registered, and only for its registered divisions (403,
 * audited, otherwise), like an officer outside their division.
 */
@Component
public class IntegrationClients {

    private final CallbackClients clients;
    private final Auditor auditor;

    IntegrationClients(CallbackClients clients, Auditor auditor) {
        this.clients = clients;
        this.auditor = auditor;
    }

    /** The client's registration, when it acts for the division. */
    public CallbackClient requireActsFor(String clientId, DivisionCode division, String resourceType) {
        CallbackClient client = clientId == null ? null : clients.find(clientId).orElse(null);
        if (client == null || !client.actsFor(division)) {
            auditor.denied("OUTSIDE_DIVISION", resourceType, division.value());
            throw Refusal.forbidden("outside-division");
        }
        return client;
    }
}
