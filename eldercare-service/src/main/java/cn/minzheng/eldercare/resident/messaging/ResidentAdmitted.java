package cn.minzheng.eldercare.resident.messaging;

import java.time.LocalDate;

import cn.minzheng.platform.events.DomainEvent;

/** A person was admitted to a care home on a bed of a type, with the ability assessed and the care level it set. */
public record ResidentAdmitted(String residentId, String facilityId, String personRef, String division,
        String abilityLevel, String careLevel, String bedType, LocalDate admittedOn) implements DomainEvent {

    public static final String TYPE = "minzheng.eldercare.resident.admitted.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
