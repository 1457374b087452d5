package cn.minzheng.registry.adoption.messaging;

import java.time.LocalDate;
import java.util.List;

import cn.minzheng.platform.events.DomainEvent;

/** An adoption was registered: the adopters and the child by personRef only. */
public record AdoptionRegistered(String adoptionId, List<String> adopterPersonRefs, String childPersonRef,
        String officeId, String division, LocalDate registeredOn) implements DomainEvent {

    public static final String TYPE = "minzheng.registry.adoption.registered.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
