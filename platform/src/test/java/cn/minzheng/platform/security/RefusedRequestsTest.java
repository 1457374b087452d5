package cn.minzheng.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import cn.minzheng.platform.audit.Auditor;

/** Finding 29.4: refused tokens reach the trail as counted facts, written by a timer, never flooding it. */
class RefusedRequestsTest {

    record Fact(Instant periodStart, String reason, String address, long count) {
    }

    private final List<Fact> trail = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:03:05Z"));
    private final Auditor auditor = new Auditor(null, clock) {
        @Override
        public void refusedUnauthenticated(Instant periodStart, String reason, String clientAddress, long count) {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("store unavailable");
            }
            trail.add(new Fact(periodStart, reason, clientAddress, count));
        }
    };
    private final RefusedRequests refused = new RefusedRequests(auditor, clock, Duration.ofMinutes(1),
            Duration.ofMillis(20));

    @AfterEach
    void stop() {
        refused.close();
    }

    @Test
    void n_refusals_from_k_addresses_leave_at_most_k_times_reasons_records_summing_to_n_without_another_request() {
        for (int i = 0; i < 250; i++) {
            refused.refused("203.0.113." + (i % 3), i % 2 == 0 ? expired() : forged());
        }
        refused.flushEnded();
        assertThat(trail).as("nothing is written while the minute runs").isEmpty();

        clock.set(Instant.parse("2026-12-07T10:04:00Z")); // the minute has ended; no further request comes

        await().atMost(Duration.ofSeconds(10)).until(() -> trail.stream().mapToLong(Fact::count).sum() == 250);
        assertThat(trail).hasSizeLessThanOrEqualTo(3 * 2)
                .allSatisfy(fact -> assertThat(fact.periodStart()).isEqualTo(Instant.parse("2026-12-07T10:03:00Z")))
                .extracting(Fact::reason).containsOnly("expired", "signature");
        assertThat(trail).extracting(Fact::address).containsOnly("203.0.113.0", "203.0.113.1", "203.0.113.2");
    }

    @Test
    void beyond_the_cap_of_distinct_addresses_the_rest_of_the_minute_is_summed() {
        for (int i = 0; i < 150; i++) {
            refused.refused("198.51.100." + i, expired());
        }
        clock.set(Instant.parse("2026-12-07T10:04:00Z"));

        await().atMost(Duration.ofSeconds(10)).until(() -> trail.stream().mapToLong(Fact::count).sum() == 150);
        assertThat(trail).hasSize(RefusedRequests.ADDRESSES_PER_PERIOD + 1);
        assertThat(trail).filteredOn(fact -> fact.address().equals(RefusedRequests.OTHER_ADDRESSES))
                .singleElement().extracting(Fact::count).isEqualTo(50L);
    }

    @Test
    void counts_the_trail_could_not_take_are_written_by_a_later_flush() {
        failuresLeft.set(1);
        refused.refused("203.0.113.9", expired());
        refused.refused("203.0.113.9", expired());
        clock.set(Instant.parse("2026-12-07T10:04:00Z"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !trail.isEmpty());
        assertThat(trail).containsExactly(
                new Fact(Instant.parse("2026-12-07T10:03:00Z"), "expired", "203.0.113.9", 2));
    }

    @Test
    void stopping_the_service_writes_the_minute_that_is_still_running() {
        refused.refused("203.0.113.7", forged());

        refused.close();

        assertThat(trail).containsExactly(
                new Fact(Instant.parse("2026-12-07T10:03:00Z"), "signature", "203.0.113.7", 1));
    }

    private static Exception expired() {
        return new InvalidBearerTokenException("An error occurred while attempting to decode the Jwt: Jwt expired",
                new JwtValidationException("Jwt expired at 2026-12-07T09:00:00Z",
                        List.of(new OAuth2Error("invalid_token"))));
    }

    private static Exception forged() {
        return new InvalidBearerTokenException("Signed JWT rejected: Invalid signature");
    }

    static final class MutableClock extends Clock {
        private final AtomicLong millis;

        MutableClock(Instant start) {
            millis = new AtomicLong(start.toEpochMilli());
        }

        void set(Instant instant) {
            millis.set(instant.toEpochMilli());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }
}
