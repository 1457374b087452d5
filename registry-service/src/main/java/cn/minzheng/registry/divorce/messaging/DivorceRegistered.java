package cn.minzheng.registry.divorce.messaging;

import java.time.LocalDate;
import java.util.List;

import cn.minzheng.platform.events.DomainEvent;

/** A divorce was registered after its cooling-off period; the marriage it dissolved and both parties by personRef. */
public record DivorceRegistered(String divorceId, String marriageId, List<String> personRefs, String officeId,
        String division, LocalDate registeredOn) implements DomainEvent {

    public static final String TYPE = "minzheng.registry.divorce.registered.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
