package cn.minzheng.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import cn.minzheng.platform.refusal.Refusal;

/**
 * China's legal calendar, right for every year it covers (2000-2100): the statutory days of the law in force that
 * year (from the lunar table), plus the State Council's schedule where one is loaded (bridging days and make-up
 * workdays). Periods are counted as the Civil Code counts them (arts. 201-203): the day of the event is not counted,
 * and a period whose last day is a holiday or rest day ends on the next working day. A year without a loaded
 * schedule counts weekends and statutory days, and every result that rests on it says it is provisional.
 *
 * <p>The schedules can be replaced while the service runs ({@link #replaceSchedules}); the lunar table and the law
 * cannot, they ship with the code.
 */
public final class LegalCalendar {

    public static final int FIRST_YEAR = StatutoryHolidays.FIRST_YEAR;
    public static final int LAST_YEAR = 2100;

    private static final LunarTable LUNAR = LunarTable.load();

    private final StatutoryHolidays statutory = new StatutoryHolidays(LUNAR);
    private final Map<Integer, Map<LocalDate, String>> statutoryDays = new ConcurrentHashMap<>();
    private volatile HolidaySchedules schedules;

    private LegalCalendar(HolidaySchedules schedules) {
        this.schedules = schedules;
    }

    public static LegalCalendar of(HolidaySchedules schedules) {
        return new LegalCalendar(schedules);
    }

    /** The years whose days differ between the schedules in use and these, which are in use from now on. */
    public synchronized Set<Integer> replaceSchedules(HolidaySchedules next) {
        Set<Integer> changed = changedYears(schedules, next);
        schedules = next;
        return changed;
    }

    static Set<Integer> changedYears(HolidaySchedules before, HolidaySchedules after) {
        Set<Integer> years = new TreeSet<>(before.years().keySet());
        years.addAll(after.years().keySet());
        years.removeIf(year -> Objects.equals(fingerprint(before, year), fingerprint(after, year)));
        return years;
    }

    private static String fingerprint(HolidaySchedules schedules, int year) {
        HolidaySchedules.Schedule schedule = schedules.years().get(year);
        return schedule == null ? null : schedule.fingerprint();
    }

    public HolidaySchedules schedules() {
        return schedules;
    }

    /** True when the State Council's schedule for this year is not loaded: statutory days and weekends only. */
    public boolean isProvisional(int year) {
        return !schedules.years().containsKey(year);
    }

    public boolean isWorkingDay(LocalDate day) {
        HolidaySchedules.Schedule schedule = schedules.years().get(requireCovered(day).getYear());
        if (schedule != null && schedule.workdays().contains(day)) {
            return true;
        }
        if (holiday(day).isPresent()) {
            return false;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The festival a day is a statutory or scheduled holiday of (bridging days count as the notice's holiday). */
    public Optional<String> holiday(LocalDate day) {
        String statutoryDay = statutoryDaysOf(requireCovered(day).getYear()).get(day);
        if (statutoryDay != null) {
            return Optional.of(statutoryDay);
        }
        HolidaySchedules.Schedule schedule = schedules.years().get(day.getYear());
        return schedule != null && schedule.holidays().contains(day) ? Optional.of("放假调休") : Optional.empty();
    }

    /** The statutory days of a year under the law in force that year, with their festivals. */
    public Map<LocalDate, String> statutoryDaysOf(int year) {
        requireCovered(year);
        return statutoryDays.computeIfAbsent(year, statutory::of);
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
        return new Deadline(end, nominalEnd, isProvisional(nominalEnd.getYear()) || isProvisional(end.getYear()));
    }

    /** What the dates of a case between these two days rest on, year by year, for the responses that show them. */
    public Basis basis(LocalDate from, LocalDate to) {
        List<YearBasis> years = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            HolidaySchedules.Schedule schedule = schedules.years().get(year);
            years.add(new YearBasis(year, StatutoryHolidays.Law.inForce(year).cited(),
                    schedule == null ? null : schedule.source()));
        }
        return new Basis(years.stream().anyMatch(y -> y.schedule() == null), List.copyOf(years));
    }

    private static LocalDate requireCovered(LocalDate day) {
        requireCovered(day.getYear());
        return day;
    }

    private static void requireCovered(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw Refusal.invalid("outside-legal-calendar", String.valueOf(year), String.valueOf(FIRST_YEAR),
                    String.valueOf(LAST_YEAR));
        }
    }

    /**
     * @param date        the day the period ends (inclusive)
     * @param nominalEnd  the day it would end if holidays did not move it
     * @param provisional the schedule of a year it rests on is not loaded: weekends and statutory days only
     */
    public record Deadline(LocalDate date, LocalDate nominalEnd, boolean provisional) {
    }

    /**
     * @param provisional some year has no loaded schedule, so its dates may still move when the notice comes out
     * @param years       per year: the law whose statutory days apply (the year it took effect) and the notice
     *                    loaded for it, or null
     */
    public record Basis(boolean provisional, List<YearBasis> years) {
    }

    public record YearBasis(int year, String law, String schedule) {
    }
}
