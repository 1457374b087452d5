package cn.minzheng.registry.appointment.messaging;

import java.time.LocalDate;

import cn.minzheng.platform.events.DomainEvent;

/**
 * A booking was cancelled: by the person, by a registrar, because the person died (DECEASED) or because the office
 * declared the day closed (OFFICE_CLOSED). Apps show it to the citizen, by personRef.
 */
public record AppointmentCancelled(String appointmentId, String personRef, String officeId, LocalDate date,
        String slot, String kind, String reason) implements DomainEvent {

    public static final String TYPE = "minzheng.registry.appointment.cancelled.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
