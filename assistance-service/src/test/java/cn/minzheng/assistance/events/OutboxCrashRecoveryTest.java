package cn.minzheng.assistance.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.minzheng.platform.events.OutboxProperties;
import cn.minzheng.platform.events.OutboxRelay;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestInfrastructure;
import cn.minzheng.testsupport.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A relay killed part-way never loses an event and repeats at most what it had sent: killed before publishing, the
 * next relay publishes the events once; killed after publishing but before removing them, the next relay publishes
 * them exactly once more, and then never again.
 */
@ServiceTest
class OutboxCrashRecoveryTest {

    private static final String COLLECTION = "crash_probe";
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Autowired
    MongoTemplate mongo;

    private KafkaProducer<String, byte[]> producer;
    private TopicRecords topic;

    @BeforeEach
    void open() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
        topic = new TopicRecords("minzheng.assistance");
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
        var records = topic.awaitUntil(Duration.ofSeconds(30), received -> received.stream()
                .filter(r -> eventId.equals(TopicRecords.header(r, "ce_id"))).count() >= expected);
        // One more poll, so that a further copy already on the broker would be counted too.
        records = topic.awaitUntil(Duration.ofSeconds(5), received -> true);
        return records.stream().filter(r -> eventId.equals(TopicRecords.header(r, "ce_id"))).count();
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
