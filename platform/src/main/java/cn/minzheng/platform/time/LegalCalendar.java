package cn.minzheng.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * China's legal calendar: statutory holidays, make-up workdays, and periods counted as the Civil Code counts them
 * (arts. 201-203): the day of the event is not counted, and a period whose last day is a holiday or rest day ends
 * on the next working day. A year with no published schedule counts weekends only, and its results say so.
 */
public final class LegalCalendar {

    private final Map<Integer, Set<LocalDate>> holidays;
    private final Map<Integer, Set<LocalDate>> workdays;

    private LegalCalendar(Map<Integer, Set<LocalDate>> holidays, Map<Integer, Set<LocalDate>> workdays) {
        this.holidays = holidays;
        this.workdays = workdays;
    }

    public static LegalCalendar from(LegalCalendarProperties properties) {
        Map<Integer, Set<LocalDate>> holidays = new HashMap<>();
        Map<Integer, Set<LocalDate>> workdays = new HashMap<>();
        properties.years().forEach((year, schedule) -> {
            holidays.put(year, dates(schedule.holidays()));
            workdays.put(year, dates(schedule.workdays()));
        });
        return new LegalCalendar(Map.copyOf(holidays), Map.copyOf(workdays));
    }

    private static Set<LocalDate> dates(Iterable<String> entries) {
        Set<LocalDate> dates = new HashSet<>();
        for (String entry : entries) {
            String[] range = entry.trim().split("/");
            LocalDate from = LocalDate.parse(range[0]);
            LocalDate to = range.length > 1 ? LocalDate.parse(range[1]) : from;
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                dates.add(day);
            }
        }
        return Set.copyOf(dates);
    }

    /** True when the State Council has not published this year's schedule (weekends only are known). */
    public boolean isProvisional(int year) {
        return !holidays.containsKey(year);
    }

    public boolean isWorkingDay(LocalDate day) {
        int year = day.getYear();
        if (workdays.getOrDefault(year, Set.of()).contains(day)) {
            return true;
        }
        if (holidays.getOrDefault(year, Set.of()).contains(day)) {
            return false;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    public LocalDate nextWorkingDayFrom(LocalDate day) {
        LocalDate candidate = day;
        while (!isWorkingDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    /** The last day of a period of {@code days} days that starts with an event on {@code eventDate}. */
    public Deadline periodOfDays(LocalDate eventDate, int days) {
        return deadline(eventDate.plusDays(days));
    }

    /** Months end on the same-numbered day, or the month's last day when it has none (art. 202). */
    public Deadline periodOfMonths(LocalDate eventDate, int months) {
        return deadline(eventDate.plusMonths(months));
    }

    private Deadline deadline(LocalDate nominalEnd) {
        LocalDate end = nextWorkingDayFrom(nominalEnd);
        boolean provisional = isProvisional(nominalEnd.getYear()) || isProvisional(end.getYear());
        return new Deadline(end, nominalEnd, provisional);
    }

    /**
     * @param date        the day the period ends (inclusive)
     * @param nominalEnd  the day it would end if holidays did not move it
     * @param provisional the year's holiday schedule was not yet published: weekends only were taken into account
     */
    public record Deadline(LocalDate date, LocalDate nominalEnd, boolean provisional) {
    }
}
