package cn.minzheng.registry.appointment.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.minzheng.registry.appointment.AppointmentService;
import cn.minzheng.registry.appointment.Slots;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.registry.office.Office;
import cn.minzheng.registry.office.Offices;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public: the free places of an office on a date, as the booking page shows them before anyone logs in. */
@RestController
class SlotController {

    private final Offices offices;
    private final Slots slots;
    private final AppointmentService appointments;

    private final LegalCalendar calendar;

    SlotController(Offices offices, Slots slots, AppointmentService appointments, LegalCalendar calendar) {
        this.calendar = calendar;
        this.offices = offices;
        this.slots = slots;
        this.appointments = appointments;
    }

    record DayPlaces(String officeId, LocalDate date, boolean officeOpen, boolean popular, OffsetDateTime bookingOpensAt,
            List<Slots.Place> slots) {
    }

    @GetMapping("/api/registry/offices/{id}/slots")
    DayPlaces places(@PathVariable String id, @RequestParam LocalDate date) {
        Office office = offices.get(id);
        boolean open = office.registersOn(date, calendar);
        return new DayPlaces(office.id(), date, open, appointments.isPopular(date),
                appointments.opensAt(date).toOffsetDateTime(), open ? slots.places(office, date) : List.of());
    }
}
