package cn.minzheng.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The one {@link Clock} every rule reads; never {@code LocalDate.now()} without it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ClockProperties.class, LegalTimeProperties.class})
public class ClockConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    Clock clock(ClockProperties properties, Environment environment) {
        boolean moved = properties.fixed() != null || properties.offset() != null || properties.movable()
                || properties.start() != null;
        if (moved && Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            throw new IllegalStateException("minzheng.clock.fixed, .offset and .movable are for dev runs and "
                    + "tests only; remove them from the production configuration");
        }
        // Millisecond ticks: the store keeps times to the millisecond, so a time in the answer to a POST is the one
        // every later read returns (with nanoseconds the two differed).
        Clock system = Clock.tick(Clock.system(properties.zone()), Duration.ofMillis(1));
        if (properties.fixed() != null) {
            log.warn("The clock is FIXED at {} (dev/test configuration)", properties.fixed());
            return Clock.fixed(properties.fixed().toInstant(), properties.zone());
        }
        if (properties.movable() || properties.start() != null) {
            Duration offset = properties.start() != null ? Duration.between(system.instant(), properties.start())
                    : properties.offset() == null ? Duration.ZERO : parseOffset(properties.offset(), system);
            log.warn("The clock is MOVABLE (dev/test configuration), offset {}", offset);
            return new MovableClock(system, offset);
        }
        if (properties.offset() != null) {
            Duration offset = parseOffset(properties.offset(), system);
            log.warn("The clock is OFFSET by {} (dev/test configuration)", offset);
            return Clock.offset(system, offset);
        }
        return system;
    }

    @Bean
    LegalCalendar legalCalendar(LegalTimeProperties properties) {
        return LegalCalendar.of(HolidaySchedules.read(properties.schedules()));
    }

    @Bean
    ScheduleChanges scheduleChanges(LegalCalendar calendar, LegalTimeProperties properties, MongoTemplate mongo,
            List<LegalDatesRecalculation> recalculations) {
        return new ScheduleChanges(calendar, properties, mongo, recalculations);
    }

    /**
     * An ISO-8601 offset: a duration ({@code PT2H}) or a calendar period ({@code P1M}, {@code P1Y2M10D}) counted
     * from the system's now, so that a month is the calendar month it says (not its days part).
     */
    static Duration parseOffset(String text, Clock system) {
        try {
            if (text.contains("T")) {
                return Duration.parse(text);
            }
            java.time.ZonedDateTime now = java.time.ZonedDateTime.now(system);
            return Duration.between(now, now.plus(Period.parse(text)));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("minzheng.clock.offset must be ISO-8601 such as P30D or PT2H: " + text, e);
        }
    }
}
