package cn.minzheng.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/**
 * Every bearer token the gateway refuses (forged, tampered, expired, another issuer's) is counted: at once in the
 * metric {@value #METRIC} per reason (what alerts and dashboards read), and per client address in one log line
 * per address and period (a minute), written by a timer within one flush interval of the period's end. The gateway
 * has no store of its own, so these are its record; a refused token never reaches a service. Beyond
 * {@value #ADDRESSES_PER_PERIOD} distinct addresses in a period the rest are summed in one line, so that a flood
 * cannot fill the log. The token itself is never logged, only a reason word of ours.
 */
final class RefusedTokenLog implements AutoCloseable {

    static final String METRIC = "minzheng.gateway.refused.tokens";
    static final int ADDRESSES_PER_PERIOD = 100;
    static final String OTHER_ADDRESSES = "(other addresses)";

    /** Fragments of Spring Security's descriptions of a failed token and the reason word each stands for. */
    private static final List<Map.Entry<String, String>> REASONS = List.of(Map.entry("expired", "expired"),
            Map.entry("used before", "not-yet-valid"), Map.entry("aud claim", "audience"),
            Map.entry("iss claim", "issuer"), Map.entry("algorithm", "signature"),
            Map.entry("signature", "signature"), Map.entry("malformed", "malformed"),
            Map.entry("serialization", "malformed"));

    private static final Logger log = LoggerFactory.getLogger(RefusedTokenLog.class);

    private final MeterRegistry meters;
    private final Clock clock;
    private final long periodMillis;
    private final ScheduledExecutorService timer;
    /** Refusals by period start (epoch millis), then client address, then reason. */
    private final TreeMap<Long, Map<String, Map<String, Long>>> counted = new TreeMap<>();

    RefusedTokenLog(MeterRegistry meters, Clock clock, Duration period, Duration flushInterval) {
        this.meters = meters;
        this.clock = clock;
        this.periodMillis = period.toMillis();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "refused-token-log");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::logEnded, flushInterval.toMillis(), flushInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void refused(String clientAddress, Exception e) {
        String reason = reasonOf(e);
        Counter.builder(METRIC).description("Bearer tokens the gateway refused, by reason").tag("reason", reason)
                .register(meters).increment();
        long millis = clock.millis();
        synchronized (this) {
            var byAddress = counted.computeIfAbsent(millis - Math.floorMod(millis, periodMillis),
                    start -> new LinkedHashMap<>());
            String key = byAddress.containsKey(clientAddress) || byAddress.size() < ADDRESSES_PER_PERIOD
                    ? clientAddress : OTHER_ADDRESSES;
            byAddress.computeIfAbsent(key, k -> new TreeMap<>()).merge(reason, 1L, Long::sum);
        }
    }

    /** Logs the periods that have ended, one line per address. */
    void logEnded() {
        long millis = clock.millis();
        log(millis - Math.floorMod(millis, periodMillis));
    }

    private void log(long before) {
        Map<Long, Map<String, Map<String, Long>>> ended;
        synchronized (this) {
            ended = new TreeMap<>(counted.headMap(before));
            counted.headMap(before).clear();
        }
        ended.forEach((start, byAddress) -> byAddress.forEach((address, byReason) -> log.warn(
                "Refused {} bearer token(s) from {} in the period from {}: {}",
                byReason.values().stream().mapToLong(Long::longValue).sum(), address, Instant.ofEpochMilli(start),
                byReason)));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        log(Long.MAX_VALUE);
    }

    /** A reason word for Spring Security's description of what failed; never the token or its claims. */
    static String reasonOf(Exception e) {
        String description = e instanceof OAuth2AuthenticationException oauth && oauth.getError() != null
                && oauth.getError().getDescription() != null ? oauth.getError().getDescription() : e.getMessage();
        String lower = String.valueOf(description).toLowerCase(Locale.ROOT);
        return REASONS.stream().filter(reason -> lower.contains(reason.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("invalid");
    }
}
