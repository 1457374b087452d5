package cn.minzheng.registry.appointment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "预约 Appointments", description = "登记预约：名额、预约、取消与到场。 Booking: places, bookings, cancellation and attendance.")
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

    @Operation(summary = "某日预约名额 Places on a day",
            description = "登记处某日各时段的名额和余量，及该日是否办理登记；无需登录。\n"
                    + "Each band's capacity and places left, and whether the office registers that day; no login.")
    @GetMapping("/api/registry/offices/{id}/slots")
    DayPlaces places(@PathVariable String id, @RequestParam LocalDate date) {
        Office office = offices.get(id);
        boolean open = office.registersOn(date, calendar);
        return new DayPlaces(office.id(), date, open, appointments.isPopular(date),
                appointments.opensAt(date).toOffsetDateTime(), open ? slots.places(office, date) : List.of());
    }
}
