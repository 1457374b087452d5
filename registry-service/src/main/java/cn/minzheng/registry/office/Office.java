package cn.minzheng.registry.office;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.time.LegalCalendar;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A registry office. Since the 2025 regulations any office may register anyone (全国通办), so an office's division
 * only says where it is and whose statistics its registrations count in; it restricts no one.
 *
 * <p>It registers on its opening weekdays that are legal working days, on make-up workdays (the State Council's
 * worked weekend days) and on the days it declares as special openings (5/20, 七夕, 2/14 on a weekend); never on a
 * day it declares closed.
 */
@Document("offices")
public class Office extends OutboxAggregate {

    @Id
    private final String id;
    private final String code;
    private final String name;
    private final DivisionCode division;
    private final String address;
    private final Set<DayOfWeek> openingDays;
    private final List<TimeBand> bands;
    private final List<DayNote> specialOpenings;
    private final List<DayNote> closures;

    /** Why an office does not register on a day, most specific first. */
    public enum Closed {
        DECLARED_CLOSURE, HOLIDAY, NOT_AN_OPENING_DAY
    }

    /** The registration year ahead is searched for the next open day; an office closed all of it has none. */
    private static final int SEARCH_DAYS = 366;

    @PersistenceCreator
    Office(String id, String code, String name, DivisionCode division, String address, Set<DayOfWeek> openingDays,
            List<TimeBand> bands, List<DayNote> specialOpenings, List<DayNote> closures) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.division = division;
        this.address = address;
        this.openingDays = Set.copyOf(openingDays);
        this.bands = List.copyOf(bands);
        this.specialOpenings = specialOpenings == null ? new ArrayList<>() : new ArrayList<>(specialOpenings);
        this.closures = closures == null ? new ArrayList<>() : new ArrayList<>(closures);
    }

    public static Office open(String code, String name, DivisionCode division, String address, Set<DayOfWeek> openingDays,
            List<TimeBand> bands) {
        return new Office("office-" + code, code, name, division, address, openingDays, bands, List.of(), List.of());
    }

    public boolean registersOn(LocalDate date, LegalCalendar calendar) {
        return closedOn(date, calendar).isEmpty();
    }

    /** Why the office does not register that day, or empty when it does. */
    public Optional<Closed> closedOn(LocalDate date, LegalCalendar calendar) {
        if (note(closures, date).isPresent()) {
            return Optional.of(Closed.DECLARED_CLOSURE);
        }
        if (note(specialOpenings, date).isPresent()) {
            return Optional.empty();
        }
        if (!calendar.isWorkingDay(date)) {
            return Optional.of(Closed.HOLIDAY);
        }
        boolean makeUpWorkday = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        return openingDays.contains(date.getDayOfWeek()) || makeUpWorkday ? Optional.empty()
                : Optional.of(Closed.NOT_AN_OPENING_DAY);
    }

    /** The first day on or after {@code from} that the office registers, if any within a year. */
    public Optional<LocalDate> nextRegistrationDay(LocalDate from, LegalCalendar calendar) {
        for (int d = 0; d < SEARCH_DAYS; d++) {
            if (registersOn(from.plusDays(d), calendar)) {
                return Optional.of(from.plusDays(d));
            }
        }
        return Optional.empty();
    }

    /** A registry act (or a booking) on a day the office does not register: 409 naming the next day it does. */
    public void requireRegistersOn(LocalDate date, LegalCalendar calendar) {
        Optional<Closed> closed = closedOn(date, calendar);
        if (closed.isPresent()) {
            Object next = nextRegistrationDay(date.plusDays(1), calendar).map(Object.class::cast)
                    .orElse(Refusal.term("office.no-open-day"));
            throw Refusal.conflict("office-closed", name, date, Refusal.term("office.closed." + closed.get()), next);
        }
    }

    /** Declares a day closed (a closure wins over a special opening of the same day, which it replaces). */
    public void declareClosure(LocalDate date, String reason, String by, Clock clock) {
        requireFuture(date, clock);
        if (note(closures, date).isPresent()) {
            throw Refusal.conflict("already-declared", date).as("already-declared.closure");
        }
        specialOpenings.removeIf(note -> note.date().equals(date));
        closures.add(new DayNote(date, reason, by, clock.instant()));
        closures.sort(Comparator.comparing(DayNote::date));
    }

    /** Declares a day open that would otherwise not be (a weekend or holiday with many couples, 5/20, 七夕). */
    public void declareSpecialOpening(LocalDate date, String note, String by, LegalCalendar calendar, Clock clock) {
        requireFuture(date, clock);
        if (note(closures, date).isPresent()) {
            throw Refusal.conflict("already-declared", date).as("already-declared.closed");
        }
        if (registersOn(date, calendar)) {
            throw Refusal.conflict("already-declared", date).as("already-declared.open");
        }
        specialOpenings.add(new DayNote(date, note, by, clock.instant()));
        specialOpenings.sort(Comparator.comparing(DayNote::date));
    }

    private static void requireFuture(LocalDate date, Clock clock) {
        if (!date.isAfter(LocalDate.now(clock))) {
            throw Refusal.invalid("date-not-future", date).on("date");
        }
    }

    private static Optional<DayNote> note(List<DayNote> notes, LocalDate date) {
        return notes.stream().filter(note -> note.date().equals(date)).findFirst();
    }

    public Optional<TimeBand> band(String slot) {
        return bands.stream().filter(b -> b.slot().equals(slot)).findFirst();
    }

    @Override
    public String id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public DivisionCode division() {
        return division;
    }

    public String address() {
        return address;
    }

    public Set<DayOfWeek> openingDays() {
        return openingDays;
    }

    public List<TimeBand> bands() {
        return bands;
    }

    public List<DayNote> specialOpenings() {
        return List.copyOf(specialOpenings);
    }

    public List<DayNote> closures() {
        return List.copyOf(closures);
    }
}
