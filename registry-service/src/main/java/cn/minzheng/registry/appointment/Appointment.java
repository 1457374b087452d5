package cn.minzheng.registry.appointment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.registry.appointment.messaging.AppointmentCancelled;
import cn.minzheng.registry.party.Party;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/** One person's booking of a place: booked, then cancelled, attended or missed (a no-show). */
@Document("appointments")
public class Appointment extends OutboxAggregate {

    public enum Kind {
        MARRIAGE, DIVORCE_APPLICATION, DIVORCE_CERTIFICATE
    }

    public enum Status {
        BOOKED, CANCELLED, ATTENDED, NO_SHOW
    }

    @Id
    private final String id;
    private final String officeId;
    private final DivisionCode division;
    private final LocalDate date;
    private final String slot;
    private final Kind kind;
    private final Party person;
    private final String bookedBy;
    private final String channel;
    private final Instant bookedAt;
    private Status status;
    private String closedBy;
    private Instant closedAt;
    private String cancelReason;

    @PersistenceCreator
    Appointment(String id, String officeId, DivisionCode division, LocalDate date, String slot, Kind kind, Party person,
            String bookedBy, String channel, Instant bookedAt, Status status, String closedBy, Instant closedAt,
            String cancelReason) {
        this.id = id;
        this.officeId = officeId;
        this.division = division;
        this.date = date;
        this.slot = slot;
        this.kind = kind;
        this.person = person;
        this.bookedBy = bookedBy;
        this.channel = channel;
        this.bookedAt = bookedAt;
        this.status = status;
        this.closedBy = closedBy;
        this.closedAt = closedAt;
        this.cancelReason = cancelReason;
    }

    static Appointment book(String officeId, DivisionCode division, LocalDate date, String slot, Kind kind, Party person,
            String by, String channel, Clock clock) {
        return new Appointment("apt-" + UUID.randomUUID(), officeId, division, date, slot, kind, person, by, channel,
                clock.instant(), Status.BOOKED, null, null, null);
    }

    /** Still holding a place: booked for today or later. A booking for a past day that nobody closed holds nothing. */
    public boolean isActive(LocalDate today) {
        return status == Status.BOOKED && !date.isBefore(today);
    }

    void cancel(String by, String reason, Clock clock) {
        if (status != Status.BOOKED) {
            throw Refusal.conflict("wrong-status", Refusal.term("appointment." + status))
                    .as("wrong-status.cancel");
        }
        status = Status.CANCELLED;
        cancelReason = reason;
        closedBy = by;
        closedAt = clock.instant();
        register(new AppointmentCancelled(id, person.personRef(), officeId, date, slot, kind.name(), reason), clock);
    }

    /** The registrar marks on (or after) the day whether the person came; a no-show counts in the statistics. */
    void attendance(boolean attended, String by, Clock clock) {
        if (status != Status.BOOKED) {
            throw Refusal.conflict("wrong-status", Refusal.term("appointment." + status))
                    .as("wrong-status.attendance");
        }
        if (LocalDate.now(clock).isBefore(date)) {
            throw Refusal.conflict("not-yet", date);
        }
        status = attended ? Status.ATTENDED : Status.NO_SHOW;
        closedBy = by;
        closedAt = clock.instant();
    }

    String claimKey() {
        return person.personRef() + "/" + kind;
    }

    @Override
    public String id() {
        return id;
    }

    public String officeId() {
        return officeId;
    }

    public DivisionCode division() {
        return division;
    }

    public LocalDate date() {
        return date;
    }

    public String slot() {
        return slot;
    }

    public Kind kind() {
        return kind;
    }

    public Party person() {
        return person;
    }

    public String bookedBy() {
        return bookedBy;
    }

    public String channel() {
        return channel;
    }

    public Instant bookedAt() {
        return bookedAt;
    }

    public Status status() {
        return status;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public Instant closedAt() {
        return closedAt;
    }
}
