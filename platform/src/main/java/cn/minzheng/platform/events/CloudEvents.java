package cn.minzheng.platform.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import cn.minzheng.platform.trace.TraceContext;

/** Turns outbox events into CloudEvents 1.0 records in Kafka binary mode (attributes in {@code ce_*} headers). */
final class CloudEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI source;
    private final String topic;

    CloudEvents(String serviceName) {
        this.source = URI.create("/minzheng/" + serviceName);
        this.topic = topicOf(serviceName);
    }

    static String topicOf(String serviceName) {
        return "minzheng." + serviceName;
    }

    String topic() {
        return topic;
    }

    ProducerRecord<String, byte[]> record(OutboxEvent event) {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(event.id())
                .withSource(source)
                .withType(event.type())
                .withSubject(event.subject())
                .withTime(event.time().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(JSON.writeValueAsBytes(event.data()))
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(topic, event.subject())
                .writeBinary(cloudEvent);
        if (event.traceparent() != null) {
            record.headers().add(TraceContext.HEADER, event.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
