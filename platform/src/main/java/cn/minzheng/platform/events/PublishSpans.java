package cn.minzheng.platform.events;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import cn.minzheng.platform.trace.TraceContext;

/**
 * The relay's span for one event it sends: a child of the trace the event was decided in (the {@code traceparent}
 * stored with it in the outbox), so one trace runs from the request through the send to the consumer, whose span
 * Spring Kafka makes a child of this one (the record carries this span's {@code traceparent}). Without a tracer
 * (tracing off) the stored traceparent goes out as it was.
 */
final class PublishSpans {

    static final PublishSpans NONE = new PublishSpans(Tracer.NOOP, Propagator.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;

    PublishSpans(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Sends the event inside its publish span; the record carries the span's context. */
    <T> T send(OutboxEvent event, String topic, java.util.function.Function<OutboxEvent, T> sending) {
        if (event.traceparent() == null || tracer == Tracer.NOOP) {
            return sending.apply(event);
        }
        Span span = propagator.extract(Map.of(TraceContext.HEADER, event.traceparent()), Map::get)
                .name("publish " + event.type()).kind(Span.Kind.PRODUCER)
                .tag("messaging.system", "kafka").tag("messaging.destination.name", topic)
                .tag("messaging.message.id", event.id()).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            Map<String, String> carrier = new HashMap<>();
            propagator.inject(span.context(), carrier, Map::put);
            String traceparent = carrier.getOrDefault(TraceContext.HEADER, event.traceparent());
            return sending.apply(new OutboxEvent(event.id(), event.type(), event.subject(), event.time(), event.data(),
                    traceparent));
        } finally {
            span.end();
        }
    }
}
