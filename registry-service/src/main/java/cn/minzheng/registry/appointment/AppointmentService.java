package cn.minzheng.registry.appointment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.claims.ExclusiveClaims;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.registry.office.Office;
import cn.minzheng.registry.office.OfficeDayClosed;
import cn.minzheng.registry.party.Party;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Booking and cancelling. The order of the writes is what keeps the rules without transactions: take a place
 * (atomic on the slot), write the appointment, then claim "this person, this kind" for it; a lost claim race
 * discards the appointment and gives the place back. A crash between the first two steps can leave one place
 * taken by nobody (fewer bookings, never more).
 */
@Service
public class AppointmentService {

    static final String OFFICE_CLOSED = "OFFICE_CLOSED";

    private final Appointments appointments;
    private final Slots slots;
    private final BookingWindow window;
    private final ExclusiveClaims claims;
    private final LegalCalendar calendar;
    private final Clock clock;

    AppointmentService(Appointments appointments, Slots slots, BookingWindow window, MongoTemplate mongo,
            LegalCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.appointments = appointments;
        this.slots = slots;
        this.window = window;
        this.claims = new ExclusiveClaims(mongo, "booking_claims");
        this.clock = clock;
    }

    public Appointment book(Office office, LocalDate date, String slot, Appointment.Kind kind, Party person,
            String by, String channel) {
        if (office.band(slot).isEmpty()) {
            throw Refusal.invalid("invalid-request", office.name(),
                    String.join(", ", office.bands().stream().map(b -> b.slot()).toList())).as("unknown-slot")
                    .on("slot");
        }
        requireBookable(office, date);
        slots.open(office, date);
        if (!slots.take(office.id(), date, slot)) {
            throw Refusal.conflict("slot-full", date, slot, office.name());
        }
        Appointment appointment = Appointment.book(office.id(), office.division(), date, slot, kind, person, by,
                channel, clock);
        try {
            appointments.insert(appointment);
        } catch (RuntimeException failed) {
            slots.giveBack(office.id(), date, slot);
            throw failed;
        }
        Optional<ExclusiveClaims.Conflict> conflict = claims.claim(appointment.claimKey(), appointment.id(),
                (holder, key) -> stillBooked(holder));
        if (conflict.isPresent()) {
            appointments.discard(appointment.id());
            slots.giveBack(office.id(), date, slot);
            Appointment other = appointments.get(conflict.get().holder());
            throw Refusal.conflict("already-booked", Refusal.term("appointment." + kind), other.date(),
                    other.slot(), other.id());
        }
        return appointment;
    }

    public Appointment cancel(Appointment appointment, String by, String reason) {
        appointment.cancel(by, reason, clock);
        appointments.save(appointment);
        slots.giveBack(appointment.officeId(), appointment.date(), appointment.slot());
        claims.release(appointment.claimKey(), appointment.id());
        return appointment;
    }

    public Appointment attendance(Appointment appointment, boolean attended, String by) {
        appointment.attendance(attended, by, clock);
        appointments.save(appointment);
        claims.release(appointment.claimKey(), appointment.id());
        return appointment;
    }

    /** A death cancels the person's future bookings (their places go back to others). */
    public int cancelAllOf(String personRef, String by) {
        LocalDate today = LocalDate.now(clock);
        int cancelled = 0;
        for (Appointment appointment : appointments.of(personRef)) {
            if (appointment.isActive(today)) {
                cancel(appointment, by, "DECEASED");
                cancelled++;
            }
        }
        return cancelled;
    }

    /** The office closed the day: its active bookings are cancelled (OFFICE_CLOSED) and their places given back. */
    @EventListener
    public void onClosure(OfficeDayClosed closed) {
        for (Appointment appointment : appointments.atOffice(closed.officeId(), closed.date())) {
            if (appointment.isActive(LocalDate.now(clock))) {
                cancel(appointment, "system:office-closed", OFFICE_CLOSED);
            }
        }
    }

    public boolean isPopular(LocalDate date) {
        return window.isPopular(date);
    }

    public ZonedDateTime opensAt(LocalDate date) {
        return window.opensAt(date, clock.getZone());
    }

    private void requireBookable(Office office, LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        if (date.isBefore(today)) {
            throw Refusal.conflict("date-passed", date);
        }
        office.requireRegistersOn(date, calendar);
        ZonedDateTime opensAt = opensAt(date);
        if (clock.instant().isBefore(opensAt.toInstant())) {
            throw Refusal.conflict("booking-not-open", date, opensAt.toOffsetDateTime());
        }
    }

    private boolean stillBooked(String appointmentId) {
        return appointments.find(appointmentId).map(a -> a.isActive(LocalDate.now(clock))).orElse(false);
    }
}
