package cn.minzheng.registry.appointment;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a date can be booked. Ordinary dates open {@code horizonDays} ahead at midnight. Popular dates (5/20, 2/14,
 * 七夕 and other "lucky" days) open all at once at a set time, so that a rush meets a known moment instead of a
 * midnight refresh: {@code popularDates} holds recurring {@code MM-dd} days and single {@code yyyy-MM-dd} dates (七夕
 * follows the lunar calendar, so each year's date is listed).
 */
@ConfigurationProperties("minzheng.registry.appointments")
public record BookingWindow(@DefaultValue("60") int horizonDays,
        @DefaultValue({"05-20", "02-14", "2026-08-19", "2027-08-08"}) List<String> popularDates,
        @DefaultValue("30") int popularOpensDaysBefore, @DefaultValue("09:00") LocalTime popularOpensAt) {

    public boolean isPopular(LocalDate date) {
        return popularDates.stream().anyMatch(entry -> entry.length() == 5
                ? MonthDay.parse("--" + entry).equals(MonthDay.from(date))
                : LocalDate.parse(entry).equals(date));
    }

    public ZonedDateTime opensAt(LocalDate date, ZoneId zone) {
        return isPopular(date) ? date.minusDays(popularOpensDaysBefore).atTime(popularOpensAt).atZone(zone)
                : date.minusDays(horizonDays).atStartOfDay(zone);
    }
}
