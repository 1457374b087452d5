package cn.minzheng.testsupport;

import cn.minzheng.platform.time.HolidaySchedules;
import cn.minzheng.platform.time.LegalCalendar;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The legal calendar the services load (the shipped schedules), for controller slices: real, not a mock; and the
 * service clock, standing on the tests' known Wednesday (a slice that needs another day mocks its own).
 */
@TestConfiguration(proxyBeanMethods = false)
public class SliceCalendar {

    @Bean
    java.time.Clock sliceClock() {
        return java.time.Clock.fixed(java.time.Instant.parse("2026-12-02T01:00:00Z"),
                java.time.ZoneId.of("Asia/Shanghai"));
    }

    @Bean
    LegalCalendar legalCalendar() {
        return LegalCalendar.of(HolidaySchedules.shipped());
    }
}
