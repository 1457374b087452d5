package cn.minzheng.registry.office;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.time.LegalCalendar;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** An office's declared days: closures (which the features with work that day react to) and special openings. */
@Service
public class OfficeCalendar {

    private final Offices offices;
    private final LegalCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OfficeCalendar(Offices offices, LegalCalendar calendar, ApplicationEventPublisher events, Clock clock) {
        this.offices = offices;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Closes a day. Declaring the same closure again changes nothing on the office but lets bookings and deadlines
     * that a failed earlier request left untouched catch up.
     */
    public Office close(Office office, LocalDate date, String reason, String by) {
        boolean alreadyClosed = office.closures().stream().anyMatch(c -> c.date().equals(date));
        if (!alreadyClosed) {
            office.declareClosure(date, reason, by, clock);
            offices.save(office);
        } else if (!date.isAfter(LocalDate.now(clock))) {
            throw Refusal.invalid("date-not-future", date).on("date");
        }
        events.publishEvent(new OfficeDayClosed(office.id(), date));
        return office;
    }

    /**
     * The first day from today on which the office registers, read at the time of asking (a closure declared
     * since moves it); provisional when that day's year has no holiday schedule loaded yet.
     */
    public Optional<NextDay> nextRegistrationDay(Office office) {
        return office.nextRegistrationDay(LocalDate.now(clock), calendar)
                .map(day -> new NextDay(day, calendar.isProvisional(day.getYear())));
    }

    public record NextDay(LocalDate date, boolean provisional) {
    }

    public Office open(Office office, LocalDate date, String note, String by) {
        office.declareSpecialOpening(date, note, by, calendar, clock);
        offices.save(office);
        return office;
    }
}
