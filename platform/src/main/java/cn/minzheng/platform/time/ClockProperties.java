package cn.minzheng.platform.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform's clock. {@code fixed} or {@code offset} (ISO-8601: {@code P30D}, {@code PT2H}) move it so that time
 * rules (notice periods, cooling-off, deadlines) can be exercised through a running platform; both are refused
 * in production configuration.
 *
 * @param zone   the bureau's zone: legal dates are Beijing dates
 * @param fixed  a frozen instant, for dev runs and tests only
 * @param offset a shift from the real time, for dev runs and tests only
 * @param start  with {@code movable}: the instant the movable clock starts at (tests that need a known weekday)
 * @param movable whether an admin may move the clock forward while the service runs ({@code POST
 *                /api/<service>/dev/clock}), for dev runs and system tests only
 */
@ConfigurationProperties("minzheng.clock")
public record ClockProperties(ZoneId zone, OffsetDateTime fixed, String offset, boolean movable, Instant start) {

    public ClockProperties {
        if (zone == null) {
            zone = ZoneId.of("Asia/Shanghai");
        }
        if (offset != null && offset.isBlank()) {
            offset = null;
        }
    }
}
