package cn.minzheng.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import org.mockito.Mockito;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;

class ClockConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ClockConfiguration.class)
            .withBean(MongoTemplate.class, () -> Mockito.mock(MongoTemplate.class));

    @Test
    void a_fixed_clock_stands_still_at_the_configured_beijing_time() {
        context.withPropertyValues("minzheng.clock.fixed=2025-06-10T09:00:00+08:00").run(run -> {
            Clock clock = run.getBean(Clock.class);
            assertThat(OffsetDateTime.now(clock)).isEqualTo(OffsetDateTime.parse("2025-06-10T09:00:00+08:00"));
            assertThat(clock.getZone().getId()).isEqualTo("Asia/Shanghai");
        });
    }

    @Test
    void an_offset_clock_runs_ahead_of_real_time() {
        context.withPropertyValues("minzheng.clock.offset=P30D").run(run -> {
            Duration ahead = Duration.between(Instant.now(), run.getBean(Clock.class).instant());
            assertThat(ahead).isBetween(Duration.ofDays(30).minusMinutes(1), Duration.ofDays(30).plusMinutes(1));
        });
    }

    @Test
    void a_movable_clock_may_start_on_a_given_day_and_then_runs_and_moves_forward() {
        context.withPropertyValues("minzheng.clock.start=2026-12-02T01:00:00Z").run(run -> {
            Clock clock = run.getBean(Clock.class);
            assertThat(clock).isInstanceOf(MovableClock.class);
            assertThat(Duration.between(Instant.parse("2026-12-02T01:00:00Z"), clock.instant()))
                    .isBetween(Duration.ZERO, Duration.ofMinutes(1));
            ((MovableClock) clock).advance(Duration.ofDays(31));
            assertThat(OffsetDateTime.now(clock).toLocalDate()).hasToString("2027-01-02");
        });
    }

    @Test
    void production_configuration_refuses_a_moved_clock() {
        context.withPropertyValues("spring.profiles.active=prod", "minzheng.clock.offset=P30D")
                .run(run -> assertThat(run).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("dev runs and tests only"));
    }

    @Test
    void without_settings_the_clock_is_the_system_clock_in_beijing() {
        context.run(run -> {
            Clock clock = run.getBean(Clock.class);
            assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
            assertThat(clock.getZone().getId()).isEqualTo("Asia/Shanghai");
        });
    }

    @Test
    void times_are_read_to_the_millisecond_as_the_store_keeps_them() {
        context.run(run -> {
            Instant now = run.getBean(Clock.class).instant();
            assertThat(now.getNano() % 1_000_000).isZero();
        });
    }

    /** An offset in months or years is that calendar period, not its days part (P1M was read as zero days). */
    @Test
    void an_offset_of_a_month_moves_the_clock_a_calendar_month() {
        java.time.Clock system = java.time.Clock.fixed(java.time.Instant.parse("2026-01-31T04:00:00Z"),
                java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(ClockConfiguration.parseOffset("P1M", system)).isEqualTo(java.time.Duration.ofDays(28));
        assertThat(ClockConfiguration.parseOffset("P1Y", system)).isEqualTo(java.time.Duration.ofDays(365));
        assertThat(ClockConfiguration.parseOffset("P10D", system)).isEqualTo(java.time.Duration.ofDays(10));
        assertThat(ClockConfiguration.parseOffset("PT2H", system)).isEqualTo(java.time.Duration.ofHours(2));
    }
}
