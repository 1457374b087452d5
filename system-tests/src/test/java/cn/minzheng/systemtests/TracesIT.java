package cn.minzheng.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import cn.minzheng.systemtests.OtlpReceiver.ReceivedSpan;
import cn.minzheng.testsupport.TestIdNumbers;
import org.junit.jupiter.api.Test;

/**
 * One trace from a request at the gateway through the producing service and its event to the consuming services'
 * work, as the processes export it over OTLP (here to a receiver in the test JVM): the relay's send span is a child
 * of the request's trace (the traceparent stored with the outbox event), and each consumer's span a child of the
 * send span.
 */
class TracesIT extends ThroughTheGateway {

    @Test
    void a_death_recorded_at_the_gateway_is_one_trace_through_funeral_its_event_and_the_offices_that_react() {
        String traceId = HexFormat.of().formatHex(UUID.randomUUID().toString().replace("-", "").getBytes(), 0, 16);
        String admin = tokens.user("admin");
        LocalDate today = OffsetDateTime.parse(gateway.get("/api/funeral/dev/clock", admin).json().path("now")
                .asString()).atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
        String deceased = TestIdNumbers.male("320404", today.minusYears(90).minusDays(traceId.hashCode() & 0xff));
        var recorded = gateway.send(gateway.request("/api/funeral/deaths", tokens.user("funeral-home-operator"))
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + traceId.substring(0, 16) + "-01")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"idNumber":"%s","name":"钱老伯","dateOfDeath":"%s","place":"家中","divisionCode":"320404001007"}"""
                        .formatted(deceased, today))));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);

        // Each process exports in its own batches (every 500 ms here): the whole trace is there once all have.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> oneTrace(traceId));
    }

    private static void oneTrace(String traceId) {
        List<ReceivedSpan> trace = RunningPlatform.traces().spans().stream()
                .filter(span -> span.traceId().equals(traceId)).toList();
        assertThat(trace).anySatisfy(span -> {
            assertThat(span.service()).isEqualTo("gateway");
            assertThat(span.kind()).isEqualTo("SPAN_KIND_SERVER");
        });
        // The gateway carried the trace on (its own span is the parent, not the caller's header passed through).
        List<String> gatewaySpans = trace.stream().filter(span -> span.service().equals("gateway"))
                .map(ReceivedSpan::spanId).toList();
        assertThat(trace).anySatisfy(span -> {
            assertThat(span.service()).isEqualTo("funeral-service");
            assertThat(span.kind()).isEqualTo("SPAN_KIND_SERVER");
            assertThat(gatewaySpans).contains(span.parentSpanId());
        });
        var published = publish(traceId);
        assertThat(published).as("funeral's publish span").isPresent();
        ReceivedSpan publish = published.get();
        assertThat(publish.service()).isEqualTo("funeral-service");
        assertThat(consumersOf(traceId)).allSatisfy(span -> assertThat(span.parentSpanId())
                .isEqualTo(publish.spanId())).extracting(ReceivedSpan::service)
                .contains("assistance-service", "eldercare-service", "registry-service");
    }

    private static java.util.Optional<ReceivedSpan> publish(String traceId) {
        return RunningPlatform.traces().spans().stream().filter(span -> span.traceId().equals(traceId))
                .filter(span -> span.name().equals("publish minzheng.funeral.death.recorded.v1")).findFirst();
    }

    /** The consumers of funeral's topic in this trace (events the offices publish in turn have their own parents). */
    private static List<ReceivedSpan> consumersOf(String traceId) {
        return RunningPlatform.traces().spans().stream().filter(span -> span.traceId().equals(traceId))
                .filter(span -> span.kind().equals("SPAN_KIND_CONSUMER"))
                .filter(span -> span.name().startsWith("minzheng.funeral ")).toList();
    }
}
