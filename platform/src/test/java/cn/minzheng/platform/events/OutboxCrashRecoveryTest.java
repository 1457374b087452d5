package cn.minzheng.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
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
 * A relay killed part-way never loses an event and repeats at most what it had sent: killed before publishing, the
 * next relay publishes the events once; killed after publishing but before removing them, the next relay publishes
 * them exactly once more, and then never again.
 */
class OutboxCrashRecoveryTest {

    private static final String COLLECTION = "crash_probe";
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final MongoTemplate mongo = EmbeddedBrokerAndStore.mongo("relay-crash");

    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> topic;
    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

    @BeforeEach
    void open() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedBrokerAndStore.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
        topic = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedBrokerAndStore.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
                "crash-test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        topic.subscribe(List.of("minzheng.assistance"));
    }

    @AfterEach
    void close() {
        producer.close();
        topic.close();
    }

    @Test
    void a_relay_killed_before_publishing_loses_nothing_the_next_one_publishes_once() {
        String aggregate = "agg-" + UUID.randomUUID();
        String eventId = writeStateChangeWithEvent(aggregate);

        int sent = relay(failing(producer, "send"), Clock.systemUTC()).publishPending();
        assertThat(sent).isZero();
        assertThat(outboxOf(aggregate)).hasSize(1);

        // The crashed relay's lease runs out; another instance takes over.
        assertThat(relay(producer, Clock.offset(Clock.systemUTC(), LEASE.plusSeconds(1))).publishPending())
                .isGreaterThanOrEqualTo(1);
        assertThat(outboxOf(aggregate)).isEmpty();
        assertThat(copiesOnBroker(eventId, 1)).isEqualTo(1);
    }

    @Test
    void a_relay_killed_after_publishing_but_before_removing_causes_exactly_one_more_copy() {
        String aggregate = "agg-" + UUID.randomUUID();
        String eventId = writeStateChangeWithEvent(aggregate);

        assertThat(relay(failing(producer, "flush"), Clock.systemUTC()).publishPending()).isZero();
        assertThat(outboxOf(aggregate)).as("not removed: the relay died before it could").hasSize(1);

        Clock later = Clock.offset(Clock.systemUTC(), LEASE.plusSeconds(1));
        relay(producer, later).publishPending();
        assertThat(outboxOf(aggregate)).isEmpty();
        relay(producer, Clock.offset(Clock.systemUTC(), LEASE.multipliedBy(3))).publishPending();

        assertThat(copiesOnBroker(eventId, 2)).isEqualTo(2);
    }

    private String writeStateChangeWithEvent(String aggregate) {
        String eventId = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", aggregate).append("status", "CHANGED").append("outbox", List.of(
                new Document("id", eventId).append("type", "minzheng.assistance.probe.changed.v1")
                        .append("subject", aggregate).append("time", Date.from(Instant.now()))
                        .append("data", new Document("n", 1)))), COLLECTION);
        return eventId;
    }

    private List<?> outboxOf(String aggregate) {
        return mongo.findById(aggregate, Document.class, COLLECTION).getList("outbox", Document.class);
    }

    private long copiesOnBroker(String eventId, int expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            topic.poll(Duration.ofMillis(200)).forEach(received::add);
            return copies(eventId) >= expected;
        });
        // One more poll, so that a further copy already on the broker would be counted too.
        topic.poll(Duration.ofSeconds(2)).forEach(received::add);
        return copies(eventId);
    }

    private long copies(String eventId) {
        return received.stream().filter(r -> r.headers().lastHeader("ce_id") != null
                && eventId.equals(new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)))
                .count();
    }

    private OutboxRelay relay(Producer<String, byte[]> producer, Clock clock) {
        return new OutboxRelay(mongo, producer, "assistance", List.of(COLLECTION), new OutboxProperties(LEASE,
                Duration.ofMillis(100), 100, null, null), clock, new SimpleMeterRegistry());
    }

    /** The producer as a relay dying at that call sees it: everything before it happened, the call fails. */
    @SuppressWarnings("unchecked")
    private static Producer<String, byte[]> failing(Producer<String, byte[]> real, String dyingAt) {
        return (Producer<String, byte[]>) Proxy.newProxyInstance(Producer.class.getClassLoader(),
                new Class<?>[] {Producer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("send") && dyingAt.equals("send")) {
                        throw new IllegalStateException("relay killed before publishing");
                    }
                    try {
                        Object result = method.invoke(real, args);
                        if (method.getName().equals("flush") && dyingAt.equals("flush")) {
                            throw new IllegalStateException("relay killed after publishing");
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
