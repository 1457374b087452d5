package cn.minzheng.testsupport;

import cn.minzheng.platform.time.HolidaySchedules;
import cn.minzheng.platform.time.LegalCalendar;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The legal calendar the services load (the shipped schedules), for controller slices: real, not a mock. */
@TestConfiguration(proxyBeanMethods = false)
public class SliceCalendar {

    @Bean
    LegalCalendar legalCalendar() {
        return LegalCalendar.of(HolidaySchedules.shipped());
    }
}
