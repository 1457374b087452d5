package cn.minzheng.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Leases across instances, now kept in {@code outbox_leases} (taken by insert, released by delete, both by
 * {@code _id}): a document leased by another instance is left alone until that lease runs out, and two relays
 * working the same documents at once publish each event once.
 */
class OutboxLeaseTest {

    private static final String COLLECTION = "lease_probe";
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final MongoTemplate mongo = EmbeddedBrokerAndStore.mongo("relay-lease");
    private KafkaProducer<String, byte[]> producerA;
    private KafkaProducer<String, byte[]> producerB;
    private KafkaConsumer<String, byte[]> topic;
    private final Map<String, Integer> copies = new HashMap<>();

    @BeforeEach
    void open() {
        producerA = producer();
        producerB = producer();
        topic = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedBrokerAndStore.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
                "lease-test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        topic.subscribe(List.of("minzheng.leasetest"));
    }

    @AfterEach
    void close() {
        producerA.close();
        producerB.close();
        topic.close();
    }

    @Test
    void a_document_leased_by_another_instance_waits_for_that_lease_to_run_out() {
        String aggregate = "agg-" + UUID.randomUUID();
        String eventId = write(aggregate);
        mongo.insert(new Document("_id", OutboxLeases.key(COLLECTION, aggregate)).append("owner", "crashed-instance")
                .append("token", "t-1").append("until", Date.from(Instant.now().plus(LEASE))),
                OutboxLeases.COLLECTION);

        assertThat(relay(producerA, Clock.systemUTC()).publishPending()).isZero();
        assertThat(outboxOf(aggregate)).hasSize(1);

        assertThat(relay(producerA, Clock.offset(Clock.systemUTC(), LEASE.plusSeconds(1))).publishPending())
                .isEqualTo(1);
        assertThat(outboxOf(aggregate)).isEmpty();
        assertThat(mongo.findById(OutboxLeases.key(COLLECTION, aggregate), Document.class, OutboxLeases.COLLECTION))
                .as("the lease is released once published").isNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> copiesOf(eventId) >= 1);
    }

    @Test
    void two_relays_on_the_same_documents_at_once_publish_each_event_once() throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            events.add(write("agg-" + i + "-" + UUID.randomUUID()));
        }
        OutboxRelay a = relay(producerA, Clock.systemUTC());
        OutboxRelay b = relay(producerB, Clock.systemUTC());

        int sent;
        try (var pool = Executors.newFixedThreadPool(2)) {
            var first = pool.submit(a::publishPending);
            var second = pool.submit(b::publishPending);
            sent = first.get() + second.get();
        }

        assertThat(sent).isEqualTo(2_000);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            topic.poll(Duration.ofMillis(200)).forEach(this::count);
            return events.stream().allMatch(copies::containsKey);
        });
        topic.poll(Duration.ofSeconds(1)).forEach(this::count);
        assertThat(events).allSatisfy(e -> assertThat(copies.get(e)).isEqualTo(1));
        assertThat(mongo.getCollection(OutboxLeases.COLLECTION).countDocuments()).isZero();
    }

    private String write(String aggregate) {
        String eventId = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", aggregate).append("outbox", List.of(new Document("id", eventId)
                .append("type", "minzheng.leasetest.probe.changed.v1").append("subject", aggregate)
                .append("time", Date.from(Instant.now())).append("data", new Document("n", 1)))), COLLECTION);
        return eventId;
    }

    private List<?> outboxOf(String aggregate) {
        return mongo.findById(aggregate, Document.class, COLLECTION).getList("outbox", Document.class);
    }

    private int copiesOf(String eventId) {
        topic.poll(Duration.ofMillis(200)).forEach(this::count);
        return copies.getOrDefault(eventId, 0);
    }

    private void count(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record) {
        var id = record.headers().lastHeader("ce_id");
        if (id != null) {
            copies.merge(new String(id.value(), StandardCharsets.UTF_8), 1, Integer::sum);
        }
    }

    private OutboxRelay relay(KafkaProducer<String, byte[]> producer, Clock clock) {
        return new OutboxRelay(mongo, producer, "leasetest", List.of(COLLECTION), new OutboxProperties(LEASE,
                Duration.ofMillis(100), 100, null, null), clock, new SimpleMeterRegistry());
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedBrokerAndStore.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
    }
}
