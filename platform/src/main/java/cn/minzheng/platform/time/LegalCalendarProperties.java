package cn.minzheng.platform.time;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The State Council's published holiday schedule per year (minzheng-legal-calendar.yml): holidays as dates or
 * ranges ({@code 2026-02-15/2026-02-23}) and make-up workdays (weekend days that are worked).
 */
@ConfigurationProperties("minzheng.legal-calendar")
public record LegalCalendarProperties(Map<Integer, Year> years) {

    public LegalCalendarProperties {
        years = years == null ? Map.of() : Map.copyOf(years);
    }

    public record Year(List<String> holidays, List<String> workdays) {

        public Year {
            holidays = holidays == null ? List.of() : List.copyOf(holidays);
            workdays = workdays == null ? List.of() : List.copyOf(workdays);
        }
    }
}
