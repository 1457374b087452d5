package cn.minzheng.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Periods counted against the calendar the services really load (minzheng-legal-calendar.yml). */
class LegalCalendarTest {

    private static final LegalCalendar CALENDAR = load();

    private static LegalCalendar load() {
        try {
            var environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("calendar", new ClassPathResource("minzheng-legal-calendar.yml"))
                    .forEach(environment.getPropertySources()::addLast);
            var properties = new Binder(ConfigurationPropertySources.get(environment))
                    .bind("minzheng.legal-calendar", LegalCalendarProperties.class).get();
            return LegalCalendar.from(properties);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} + {1} days ends {2}")
    @CsvSource({
            "2026-11-02, 30, 2026-12-02",  // an ordinary Wednesday: the start day is not counted
            "2026-10-22, 30, 2026-11-23",  // nominal end Saturday 11-21, moves to Monday
            "2026-09-01, 30, 2026-10-08",  // nominal end 10-01, National Day: first working day after the holiday
            "2025-09-01, 30, 2025-10-09",  // 2025's National Day holiday ran to 10-08
            "2026-01-16, 30, 2026-02-24",  // nominal end 02-15, Spring Festival ran 02-15 to 02-23
            "2026-01-15, 30, 2026-02-14",  // 02-14 is a Saturday worked before Spring Festival: the period ends there
            "2025-12-31, 1, 2026-01-04",   // New Year 01-01..03; 01-04 is a worked Sunday
            "2025-01-27, 1, 2025-02-05"})  // Spring Festival 2025
    void a_period_ending_on_a_holiday_ends_on_the_next_working_day(LocalDate event, int days, LocalDate end) {
        LegalCalendar.Deadline deadline = CALENDAR.periodOfDays(event, days);

        assertThat(deadline.date()).isEqualTo(end);
        assertThat(deadline.nominalEnd()).isEqualTo(event.plusDays(days));
        assertThat(deadline.provisional()).isFalse();
    }

    @Test
    void make_up_workdays_are_working_days_and_holidays_on_weekdays_are_not() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 10))).as("Saturday worked").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 5))).as("Monday holiday").isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 11, 23))).as("plain Monday").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 11, 22))).as("plain Sunday").isFalse();
    }

    @Test
    void a_year_without_a_published_schedule_counts_weekends_only_and_says_so() {
        LegalCalendar.Deadline deadline = CALENDAR.periodOfDays(LocalDate.of(2026, 12, 2), 30);

        assertThat(deadline.date()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(deadline.provisional()).isTrue();
        assertThat(CALENDAR.isProvisional(2027)).isTrue();
        assertThat(CALENDAR.isProvisional(2026)).isFalse();
    }

    @Test
    void a_period_in_months_ends_on_the_last_day_of_a_shorter_month() {
        assertThat(CALENDAR.periodOfMonths(LocalDate.of(2026, 1, 31), 1).nominalEnd())
                .isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(CALENDAR.periodOfMonths(LocalDate.of(2026, 1, 31), 1).date())
                .as("02-28 is a worked Saturday").isEqualTo(LocalDate.of(2026, 2, 28));
    }
}
