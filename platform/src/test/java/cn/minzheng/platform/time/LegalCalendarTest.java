package cn.minzheng.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.minzheng.platform.refusal.Refusal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.DefaultResourceLoader;

/** The legal calendar the services really load: the shipped schedules, the law in force, the lunar table. */
class LegalCalendarTest {

    static final LegalCalendar CALENDAR = LegalCalendar.of(
            HolidaySchedules.read(new DefaultResourceLoader().getResource(LegalTimeProperties.SHIPPED)));

    @ParameterizedTest(name = "{0} + {1} days ends {2}")
    @CsvSource({
            "2026-11-02, 30, 2026-12-02",  // an ordinary Wednesday: the start day is not counted
            "2026-10-22, 30, 2026-11-23",  // nominal end Saturday 11-21, moves to Monday
            "2026-09-01, 30, 2026-10-08",  // nominal end 10-01, National Day: first working day after the holiday
            "2025-09-01, 30, 2025-10-09",  // 2025's National Day holiday ran to 10-08
            "2026-01-16, 30, 2026-02-24",  // nominal end 02-15, Spring Festival ran 02-15 to 02-23
            "2026-01-15, 30, 2026-02-14",  // 02-14 is a Saturday worked before Spring Festival: the period ends there
            "2025-12-31, 1, 2026-01-04",   // New Year 01-01..03; 01-04 is a worked Sunday
            "2025-01-27, 1, 2025-02-05",   // Spring Festival 2025
            "2021-09-01, 17, 2021-09-18",  // 2021: Saturday 09-18 worked before Mid-Autumn
            "2022-03-03, 30, 2022-04-02",  // 2022: Saturday 04-02 worked before Qingming
            "2022-03-04, 30, 2022-04-06",  // 2022: Qingming 04-03..05
            "2023-12-01, 30, 2024-01-02",  // 2023-12-31 Sunday, 2024-01-01 New Year
            "2024-05-10, 1, 2024-05-11"})  // 2024: Saturday 05-11 worked after Labour Day
    void a_period_ending_on_a_holiday_ends_on_the_next_working_day(LocalDate event, int days, LocalDate end) {
        LegalCalendar.Deadline deadline = CALENDAR.periodOfDays(event, days);

        assertThat(deadline.date()).isEqualTo(end);
        assertThat(deadline.nominalEnd()).isEqualTo(event.plusDays(days));
        assertThat(deadline.provisional()).isFalse();
    }

    /**
     * The statutory days of each year under the law in force that year (全国年节及纪念日放假办法, 2013 amendment for
     * 2014-2024, 2024 amendment from 2025), written out by hand from the published calendars.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2021|01-01 02-12 02-13 02-14 04-04 05-01 06-14 09-21 10-01 10-02 10-03",
            "2022|01-01 02-01 02-02 02-03 04-05 05-01 06-03 09-10 10-01 10-02 10-03",
            "2023|01-01 01-22 01-23 01-24 04-05 05-01 06-22 09-29 10-01 10-02 10-03",
            "2024|01-01 02-10 02-11 02-12 04-04 05-01 06-10 09-17 10-01 10-02 10-03",
            "2025|01-01 01-28 01-29 01-30 01-31 04-04 05-01 05-02 05-31 10-06 10-01 10-02 10-03",
            "2026|01-01 02-16 02-17 02-18 02-19 04-05 05-01 05-02 06-19 09-25 10-01 10-02 10-03",
            "2027|01-01 02-05 02-06 02-07 02-08 04-05 05-01 05-02 06-09 09-15 10-01 10-02 10-03",
            "2028|01-01 01-25 01-26 01-27 01-28 04-04 05-01 05-02 05-28 10-03 10-01 10-02",
            "2029|01-01 02-12 02-13 02-14 02-15 04-04 05-01 05-02 06-16 09-22 10-01 10-02 10-03",
            "2030|01-01 02-02 02-03 02-04 02-05 04-05 05-01 05-02 06-05 09-12 10-01 10-02 10-03"})
    void every_year_has_the_statutory_days_of_its_law(int year, String days) {
        Set<LocalDate> expected = Arrays.stream(days.split(" ")).map(d -> LocalDate.parse(year + "-" + d))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(new TreeSet<>(CALENDAR.statutoryDaysOf(year).keySet())).isEqualTo(expected);
        expected.forEach(day -> assertThat(CALENDAR.isWorkingDay(day)).as(day + " is a holiday").isFalse());
        assertThat(CALENDAR.isProvisional(year)).as("provisional without its notice").isEqualTo(year > 2026);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {2021, 2022, 2023, 2024, 2025, 2026})
    void each_published_schedule_rests_every_statutory_day_and_makes_up_only_weekends(int year) {
        HolidaySchedules.Schedule schedule = CALENDAR.schedules().years().get(year);

        assertThat(schedule.source()).contains(year + "年部分节假日安排的通知");
        assertThat(schedule.holidays()).containsAll(CALENDAR.statutoryDaysOf(year).keySet());
        assertThat(schedule.workdays()).allSatisfy(day -> assertThat(day.getDayOfWeek())
                .isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        assertThat(schedule.workdays()).allSatisfy(day -> assertThat(CALENDAR.isWorkingDay(day)).isTrue());
    }

    @Test
    void lunar_edge_cases_fall_on_the_almanac_day() {
        LunarTable lunar = LunarTable.load();
        assertThat(lunar.newYearsEve(2025)).as("除夕 2025 is 腊月廿九").isEqualTo(LocalDate.of(2025, 1, 28));
        assertThat(lunar.date(2024, 12, 29)).isEqualTo(LocalDate.of(2025, 1, 28));
        assertThat(lunar.date(2028, 5, 5)).as("端午 2028 in the regular fifth month, before 闰五月")
                .isEqualTo(LocalDate.of(2028, 5, 28));
        assertThat(lunar.date(2028, 6, 1)).as("the leap month lies between").isEqualTo(LocalDate.of(2028, 7, 22));
        assertThat(lunar.date(2027, 1, 1)).as("ICU4J 77.1 says Feb 7").isEqualTo(LocalDate.of(2027, 2, 6));
        assertThat(lunar.date(2030, 1, 1)).as("ICU4J 77.1 says Feb 2").isEqualTo(LocalDate.of(2030, 2, 3));
        assertThat(CALENDAR.holiday(LocalDate.of(2025, 1, 28))).contains("春节");
    }

    @Test
    void the_law_in_force_decides_which_spring_festival_days_are_statutory() {
        assertThat(CALENDAR.statutoryDaysOf(2013)).as("2008-2013: 除夕 to 初二")
                .containsKeys(LocalDate.of(2013, 2, 9), LocalDate.of(2013, 2, 10), LocalDate.of(2013, 2, 11))
                .doesNotContainKey(LocalDate.of(2013, 2, 12));
        assertThat(CALENDAR.statutoryDaysOf(2024)).as("2014-2024: 初一 to 初三, no 除夕")
                .doesNotContainKey(LocalDate.of(2024, 2, 9)).containsKey(LocalDate.of(2024, 2, 12))
                .doesNotContainKey(LocalDate.of(2024, 5, 2));
    }

    @ParameterizedTest(name = "{0} + {1} days ends {2} (provisional)")
    @CsvSource({
            "2026-12-02, 30, 2027-01-04",  // 2027-01-01 New Year's Day, then a weekend
            "2027-01-04, 30, 2027-02-03",  // the certificate deadline of a divorce applied for 2026-12-02
            "2027-01-07, 30, 2027-02-09",  // nominal 02-06 is 初一: 除夕 02-05 to 初三 02-08
            "2026-11-02, 60, 2027-01-04",  // a foundling notice
            "2029-12-30, 3, 2030-01-02"})
    void a_year_without_its_notice_counts_weekends_and_statutory_days_and_says_so(LocalDate event, int days,
            LocalDate end) {
        LegalCalendar.Deadline deadline = CALENDAR.periodOfDays(event, days);

        assertThat(deadline.date()).isEqualTo(end);
        assertThat(deadline.provisional()).isTrue();
        LegalCalendar.Basis basis = CALENDAR.basis(event, end);
        assertThat(basis.provisional()).isTrue();
        assertThat(basis.years().getLast().schedule()).isNull();
        assertThat(basis.years().getLast().law()).isEqualTo("2025");
    }

    @Test
    void a_period_in_months_ends_on_the_last_day_of_a_shorter_month() {
        assertThat(CALENDAR.periodOfMonths(LocalDate.of(2026, 1, 31), 1).nominalEnd())
                .isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(CALENDAR.periodOfMonths(LocalDate.of(2026, 1, 31), 1).date())
                .as("02-28 is a worked Saturday").isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void a_loaded_schedule_replaces_the_provisional_year_and_names_what_changed() {
        LegalCalendar calendar = LegalCalendar.of(CALENDAR.schedules());
        HolidaySchedules with2027 = HolidaySchedules.parse(new ByteArrayInputStream("""
                schedules:
                  2027:
                    source: 国务院办公厅关于2027年部分节假日安排的通知（测试）
                    holidays: [2027-01-01/2027-01-03, 2027-02-03/2027-02-10]
                    workdays: [2027-02-20]
                """.getBytes(StandardCharsets.UTF_8)), "test");

        Set<Integer> changed = calendar.replaceSchedules(with2027);

        assertThat(changed).contains(2027, 2021, 2026);
        assertThat(calendar.isProvisional(2027)).isFalse();
        assertThat(calendar.periodOfDays(LocalDate.of(2027, 1, 4), 30).date()).isEqualTo(LocalDate.of(2027, 2, 11));
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 20))).isTrue();
        assertThat(calendar.replaceSchedules(with2027)).isEmpty();
    }

    @Test
    void a_schedule_without_its_notice_or_with_a_bad_day_is_not_loaded() {
        assertThatThrownBy(() -> HolidaySchedules.parse(new ByteArrayInputStream(
                "schedules:\n  2027:\n    holidays: [2027-01-01]\n".getBytes(StandardCharsets.UTF_8)), "test"))
                .hasMessageContaining("source");
        assertThatThrownBy(() -> HolidaySchedules.parse(new ByteArrayInputStream(
                "schedules:\n  2027:\n    source: x\n    holidays: [2027-02-30]\n".getBytes(StandardCharsets.UTF_8)),
                "test")).hasMessageContaining("not a date");
    }

    @Test
    void a_date_outside_the_calendar_is_refused_not_guessed() {
        assertThatThrownBy(() -> CALENDAR.periodOfDays(LocalDate.of(2100, 12, 30), 30))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("outside-legal-calendar"));
    }
}
