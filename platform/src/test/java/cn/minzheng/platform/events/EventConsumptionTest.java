package cn.minzheng.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;


import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The platform's consumer setup on the real broker: idempotent by event id, poison and failures to the DLT. */
@SpringBootTest(classes = {PlatformTestService.class, EventConsumptionTest.ProbeListener.class})
class EventConsumptionTest {

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        PlatformTestService.properties(registry, "consumption-test");
    }

    private static final String TOPIC = "probe.events";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EventInbox inbox;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @TestConfiguration
    static class ProbeListener {

        @Bean
        Object probeConsumer(EventInbox inbox, MongoTemplate mongo) {
            EventHandlers handlers = EventHandlers.create().on("minzheng.funeral.death.recorded.v1", event -> {
                if (event.data().path("fail").asBoolean()) {
                    throw new IllegalStateException("downstream refused");
                }
                // Not idempotent on purpose: only the inbox's ledger keeps a redelivery from counting twice.
                mongo.upsert(new Query(Criteria.where("_id").is(event.subject())), new Update().inc("effects", 1),
                        "probe_effects");
            });
            return new Object() {
                @KafkaListener(topics = TOPIC, containerFactory = "eventListenerFactory")
                void on(ConsumerRecord<String, byte[]> record) {
                    inbox.receive(record, handlers);
                }
            };
        }
    }

    private static void send(String key, String id, String json) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                EmbeddedBrokerAndStore.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            var record = new ProducerRecord<>(TOPIC, key, json.getBytes(StandardCharsets.UTF_8));
            if (id != null) {
                record.headers().add("ce_id", id.getBytes()).add("ce_specversion", "1.0".getBytes())
                        .add("ce_type", "minzheng.funeral.death.recorded.v1".getBytes())
                        .add("ce_source", "/minzheng/funeral".getBytes()).add("ce_subject", key.getBytes());
            }
            producer.send(record);
        }
    }

    private int effects(String subject) {
        Document doc = mongo.findById(subject, Document.class, "probe_effects");
        return doc == null ? 0 : doc.getInteger("effects");
    }

    private static List<String> deadLetterKeys(Duration within, int atLeast) {
        List<String> keys = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBrokerAndStore.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC + ".dlt"));
            await().atMost(within).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> keys.add(r.key()));
                return keys.size() >= atLeast;
            });
        }
        return keys;
    }

    @Test
    void a_redelivered_event_changes_nothing_the_second_time() {
        String subject = "person-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        String later = "person-" + UUID.randomUUID();

        send(subject, id, "{\"dateOfDeath\":\"2026-11-20\",\"unknownField\":1}");
        send(subject, id, "{\"dateOfDeath\":\"2026-11-20\",\"unknownField\":1}");
        send(later, UUID.randomUUID().toString(), "{}");

        await().atMost(Duration.ofSeconds(60)).until(() -> effects(later) == 1);
        assertThat(effects(subject)).isEqualTo(1);
    }

    @Test
    void a_poison_message_lands_in_the_dead_letter_topic_and_the_partition_keeps_flowing() {
        String poison = "poison-" + UUID.randomUUID();
        String failing = "failing-" + UUID.randomUUID();
        String after = "after-" + UUID.randomUUID();

        send(poison, null, "not even json");
        send(failing, UUID.randomUUID().toString(), "{\"fail\":true}");
        send(after, UUID.randomUUID().toString(), "{}");

        await().atMost(Duration.ofSeconds(60)).until(() -> effects(after) == 1);
        assertThat(deadLetterKeys(Duration.ofSeconds(30), 2)).contains(poison, failing);
        assertThat(effects(failing)).isZero();
        // What the dead-letter and lag alerts read (deploy/prometheus/alerts.yml).
        assertThat(meters.counter("minzheng.events.dead.lettered", "topic", TOPIC).count()).isGreaterThanOrEqualTo(2);
        assertThat(meters.find("kafka.consumer.fetch.manager.records.lag.max").gauges()).isNotEmpty();
    }

    /**
     * A consumer dies in the middle of a polled batch, after handling half of it and before committing: the next
     * consumer of the group gets the whole batch again, and the ledger makes the handled half change nothing.
     */
    @Test
    void a_consumer_crashing_mid_batch_leaves_every_effect_exactly_once() {
        String topic = "crash.events." + UUID.randomUUID();
        String group = "crash-group-" + UUID.randomUUID();
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                EmbeddedBrokerAndStore.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 100; i++) {
                String subject = "crash-" + run + "-" + i;
                var record = new ProducerRecord<>(topic, subject, "{}".getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_id", UUID.randomUUID().toString().getBytes())
                        .add("ce_specversion", "1.0".getBytes())
                        .add("ce_type", "minzheng.funeral.death.recorded.v1".getBytes())
                        .add("ce_source", "/minzheng/funeral".getBytes()).add("ce_subject", subject.getBytes());
                producer.send(record);
            }
        }
        EventHandlers counting = EventHandlers.create().on("minzheng.funeral.death.recorded.v1", event ->
                mongo.upsert(new Query(Criteria.where("_id").is(event.subject())), new Update().inc("effects", 1),
                        "probe_effects"));

        List<ConsumerRecord<String, byte[]>> batch = pollAll(topic, group, 100);
        batch.subList(0, 50).forEach(record -> inbox.receive(record, counting));
        // The first consumer is gone without committing; the next one of the group starts from the beginning.
        List<ConsumerRecord<String, byte[]>> again = pollAll(topic, group, 100);
        again.forEach(record -> inbox.receive(record, counting));

        for (int i = 0; i < 100; i++) {
            assertThat(effects("crash-" + run + "-" + i)).as("effects of event " + i).isEqualTo(1);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> pollAll(String topic, String group, int count) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBrokerAndStore.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
                return records.size() >= count;
            });
        }
        return records;
    }
}
