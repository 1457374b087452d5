package cn.minzheng.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.minzheng.platform.audit.Auditor;

/**
 * Every request refused before any caller was known reaches the audit trail, as a counted fact: a bearer token
 * refused (forged, tampered, expired, another issuer's; the reason says which) or a login-free write that did not
 * come through the gateway ({@value #NOT_THROUGH_GATEWAY}). Per period (a minute) there is one record per reason
 * and client address with how many were refused. A token-guessing attack of any size therefore shows in full (the counts add up to every refusal) while a flood
 * writes at most ({@value #ADDRESSES_PER_PERIOD} + 1) × reasons records a period: beyond that many distinct
 * addresses, the rest of the period's refusals are summed under {@value #OTHER_ADDRESSES}.
 *
 * <p>A timer writes each period once it has ended, so the facts are on the trail within a period and one flush
 * interval of the last refusal, whether or not another request comes. If the trail cannot be written, the counts
 * are kept for the next flush; on shutdown everything counted so far is written.
 */
final class RefusedRequests implements AutoCloseable {

    static final int ADDRESSES_PER_PERIOD = 100;
    static final String OTHER_ADDRESSES = "(other addresses)";

    private static final Logger log = LoggerFactory.getLogger(RefusedRequests.class);

    private final Auditor auditor;
    private final Clock clock;
    private final long periodMillis;
    private final ScheduledExecutorService timer;
    /** Counts by period start (epoch millis), then client address, then reason. */
    private final TreeMap<Long, Map<String, Map<String, Long>>> counted = new TreeMap<>();

    RefusedRequests(Auditor auditor, Clock clock, Duration period, Duration flushInterval) {
        this.auditor = auditor;
        this.clock = clock;
        this.periodMillis = period.toMillis();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "refused-requests");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::flushEnded, flushInterval.toMillis(), flushInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    static final String NOT_THROUGH_GATEWAY = "not-through-gateway";

    /** A refused bearer token; the reason is a word of ours, as the library's message may quote its claims. */
    void refused(String clientAddress, Exception e) {
        refused(clientAddress, reasonOf(e));
    }

    void refused(String clientAddress, String reason) {
        log.debug("Refused a request without a valid token from {}: {}", clientAddress, reason);
        synchronized (this) {
            add(counted, periodOf(clock.millis()), clientAddress, reason, 1);
        }
    }

    /** Writes the periods that have ended. */
    void flushEnded() {
        flush(periodOf(clock.millis()));
    }

    /** Writes every count of periods starting before {@code before}; what cannot be written stays counted. */
    private void flush(long before) {
        Map<Long, Map<String, Map<String, Long>>> ended;
        synchronized (this) {
            ended = new TreeMap<>(counted.headMap(before));
            counted.headMap(before).clear();
        }
        ended.forEach((start, byAddress) -> byAddress.forEach((address, byReason) -> byReason.forEach(
                (reason, count) -> write(start, address, reason, count))));
    }

    private void write(long start, String address, String reason, long count) {
        try {
            auditor.refusedUnauthenticated(Instant.ofEpochMilli(start), reason, address, count);
            log.warn("Refused {} request(s) without a valid token from {} in the period from {}: {}", count, address,
                    Instant.ofEpochMilli(start), reason);
        } catch (RuntimeException unwritten) {
            log.error("Could not audit {} refused request(s) yet, kept for the next flush: {}", count,
                    unwritten.toString());
            synchronized (this) {
                add(counted, start, address, reason, count);
            }
        }
    }

    private static void add(TreeMap<Long, Map<String, Map<String, Long>>> counted, long period, String address,
            String reason, long count) {
        Map<String, Map<String, Long>> byAddress = counted.computeIfAbsent(period, p -> new LinkedHashMap<>());
        String key = byAddress.containsKey(address) || byAddress.size() < ADDRESSES_PER_PERIOD ? address
                : OTHER_ADDRESSES;
        byAddress.computeIfAbsent(key, k -> new TreeMap<>()).merge(reason, count, Long::sum);
    }

    private long periodOf(long millis) {
        return millis - Math.floorMod(millis, periodMillis);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        flush(Long.MAX_VALUE);
    }

    /** expired, signature, algorithm, issuer, audience, not-yet-valid, malformed, or invalid. */
    static String reasonOf(Exception e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("expired")) {
            return "expired";
        }
        if (message.contains("nbf") || message.contains("not before") || message.contains("not yet")) {
            return "not-yet-valid";
        }
        if (message.contains("aud")) {
            return "audience";
        }
        if (message.contains("iss")) {
            return "issuer";
        }
        if (message.contains("algorithm") || message.contains("alg") || message.contains("unsupported")) {
            return "algorithm";
        }
        if (message.contains("signature") || message.contains("key")) {
            return "signature";
        }
        if (message.contains("malformed") || message.contains("parse") || message.contains("decode")) {
            return "malformed";
        }
        return "invalid";
    }
}
