package cn.minzheng.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic of the test broker from its beginning, the way another service would, and sends CloudEvents onto
 * topics as other services would (binary mode, {@code ce_*} headers), for tests of producers and consumers.
 */
public final class TopicRecords implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

    /** On the test broker of this JVM. */
    public TopicRecords(String topic) {
        this(TestInfrastructure.get().kafkaBootstrapServers(), topic);
    }

    public TopicRecords(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls until the records received so far satisfy the condition (or fails after the timeout). */
    public List<ConsumerRecord<String, byte[]>> awaitUntil(Duration timeout,
            Predicate<List<ConsumerRecord<String, byte[]>>> condition) {
        await().atMost(timeout).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            return condition.test(received);
        });
        return List.copyOf(received);
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String type(ConsumerRecord<String, byte[]> record) {
        return header(record, "ce_type");
    }

    public static String body(ConsumerRecord<String, byte[]> record) {
        return record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
    }

    /** Sends a CloudEvent in binary mode as another service's relay would. */
    public static void sendCloudEvent(String topic, String key, String type, String id, String json) {
        sendCloudEvent(TestInfrastructure.get().kafkaBootstrapServers(), topic, key, type, id, json);
    }

    public static void sendCloudEvent(String bootstrapServers, String topic, String key, String type, String id,
            String json) {
        sendCloudEvent(bootstrapServers, topic, key, type, id, json, null);
    }

    /** With a W3C {@code traceparent} header, as a producer inside a trace sends it. */
    public static void sendCloudEvent(String bootstrapServers, String topic, String key, String type, String id,
            String json, String traceparent) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers),
                new StringSerializer(), new ByteArraySerializer())) {
            var record = new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8))
                    .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                    .add("ce_type", type.getBytes(StandardCharsets.UTF_8))
                    .add("ce_source", ("/minzheng/" + topic.substring(topic.indexOf('.') + 1))
                            .getBytes(StandardCharsets.UTF_8))
                    .add("ce_subject", key.getBytes(StandardCharsets.UTF_8))
                    .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            if (traceparent != null) {
                record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
