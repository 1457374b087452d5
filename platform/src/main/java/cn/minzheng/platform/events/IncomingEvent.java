package cn.minzheng.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A CloudEvent read from Kafka binary mode: the attributes a consumer needs and the data as a JSON tree, from
 * which each consumer reads only the fields it needs into its own record (no shared event jar; unknown fields are
 * simply not read).
 */
public record IncomingEvent(String id, String type, String source, String subject, OffsetDateTime time,
        JsonNode data) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Refuses (without retry: it will not get better) a record that is not a CloudEvent with JSON data. */
    public static IncomingEvent from(ConsumerRecord<String, byte[]> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null || !"1.0".equals(header(record, "ce_specversion"))) {
            throw new InvalidEventException("not a CloudEvent 1.0 (ce_id, ce_type, ce_specversion)");
        }
        try {
            String time = header(record, "ce_time");
            JsonNode data = record.value() == null ? JSON.nullNode() : JSON.readTree(record.value());
            return new IncomingEvent(id, type, header(record, "ce_source"), header(record, "ce_subject"),
                    time == null ? null : OffsetDateTime.parse(time), data);
        } catch (JacksonException | DateTimeParseException e) {
            throw new InvalidEventException("event " + id + " has unreadable data or time");
        }
    }

    /** The record's CloudEvent type ({@code ce_type}), or null when it has none. */
    static String typeOf(ConsumerRecord<String, byte[]> record) {
        return header(record, "ce_type");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A poison message: it goes to the dead-letter topic at once and the partition moves on. */
    /** A text field the consumer cannot do without; a missing or blank one makes the event invalid (to the DLT). */
    public String requiredText(String field) {
        String value = data().path(field).asString(null);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(type + " " + id + " lacks " + field);
        }
        return value;
    }

    /** A date field ({@code 2026-05-01}) the consumer cannot do without. */
    public java.time.LocalDate requiredDate(String field) {
        try {
            return java.time.LocalDate.parse(requiredText(field));
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidEventException(type + " " + id + " has a bad " + field);
        }
    }

    public static class InvalidEventException extends RuntimeException {

        public InvalidEventException(String message) {
            super(message);
        }
    }
}
