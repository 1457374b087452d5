package cn.minzheng.registry.appointment.web;

import java.time.Instant;
import java.time.LocalDate;

import cn.minzheng.registry.appointment.Appointment;
import cn.minzheng.registry.party.PartyView;

/** An appointment as staff and the person see it (ID number masked). */
record AppointmentResponse(String id, String officeId, LocalDate date, String slot, Appointment.Kind kind,
        PartyView person, Appointment.Status status, String channel, Instant bookedAt, String cancelReason) {

    static AppointmentResponse of(Appointment appointment) {
        return new AppointmentResponse(appointment.id(), appointment.officeId(), appointment.date(),
                appointment.slot(), appointment.kind(), PartyView.of(appointment.person()), appointment.status(),
                appointment.channel(), appointment.bookedAt(), appointment.cancelReason());
    }
}
