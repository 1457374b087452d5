package cn.minzheng.platform.events;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import cn.minzheng.platform.trace.TraceContext;

/**
 * An event waiting in its aggregate's {@code outbox}. {@code type} is a stable string
 * ({@code minzheng.<service>.<noun>.<verb>.v1}), never a class name; {@code subject} is the aggregate id (the Kafka
 * key, so one aggregate's events stay in order); {@code data} must never hold a raw ID number (use personRef);
 * {@code traceparent} (W3C, may be null) goes out as a Kafka header.
 */
public record OutboxEvent(String id, String type, String subject, Instant time, Map<String, Object> data,
        String traceparent) {

    /** Records become the JSON tree stored in the outbox; absent (null) fields are left out, as the schemas say. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    /** A new event; it carries the trace context of the work that caused it (a request or a consumed event). */
    public static OutboxEvent of(DomainEvent event, String subject, Clock clock) {
        Map<String, Object> data = JSON.convertValue(event, new TypeReference<Map<String, Object>>() { });
        return new OutboxEvent(UUID.randomUUID().toString(), event.type(), subject, Instant.now(clock),
                Map.copyOf(data), TraceContext.current());
    }
}
