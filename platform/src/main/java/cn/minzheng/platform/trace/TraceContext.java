package cn.minzheng.platform.trace;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

/**
 * W3C trace context ({@code traceparent: 00-<trace id>-<span id>-<flags>}) of the work in progress. Spans are
 * Micrometer Tracing's, on OpenTelemetry (the platform only reads the current one): Spring's HTTP observation
 * continues or starts the trace of a request, Spring Kafka's listener observation continues the trace a record
 * carries, and the outbox stores the current traceparent with each event so the relay's send span continues it
 * (traces leave the process over OTLP when an endpoint is configured; docs/operations.md).
 */
public final class TraceContext {

    public static final String HEADER = "traceparent";

    private TraceContext() {
    }

    /** The current span's traceparent, or null outside any span. */
    public static String current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(HEADER);
    }
}
