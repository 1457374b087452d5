package cn.minzheng.eldercare.resident.messaging;

import java.time.LocalDate;

import cn.minzheng.platform.events.DomainEvent;

/** A resident left the care home (reason DECEASED when a death was recorded); the bed is free again. */
public record ResidentDischarged(String residentId, String facilityId, String personRef, String division,
        String reason, LocalDate dischargedOn) implements DomainEvent {

    public static final String TYPE = "minzheng.eldercare.resident.discharged.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
