package cn.minzheng.registry.marriage.messaging;

import java.time.LocalDate;
import java.util.List;

import cn.minzheng.platform.events.DomainEvent;

/** A marriage was registered (not a back-entered record); both spouses by personRef only. */
public record MarriageRegistered(String marriageId, List<String> personRefs, String officeId, String division,
        LocalDate registeredOn) implements DomainEvent {

    public static final String TYPE = "minzheng.registry.marriage.registered.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
