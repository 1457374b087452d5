package cn.minzheng.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import cn.minzheng.devstack.StackSettings;
import cn.minzheng.devstack.infra.KafkaBroker;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The broker stops in the middle of 10,000 events and comes back on the same log directory: every event reaches
 * it, in order for each aggregate, and copies beyond the first are only those of batches that failed half-way
 * (consumers drop them by event id, {@link EventInbox}). Its own broker, so that stopping it disturbs no other test.
 */
class BrokerRestartTest {

    private static final String COLLECTION = "restart_probe";
    private static final int AGGREGATES = 1_000;
    private static final int EVENTS_EACH = 10;

    private final MongoTemplate mongo = EmbeddedBrokerAndStore.mongo("broker-restart");

    @Test
    void a_broker_restart_in_the_middle_of_10000_events_loses_none_and_keeps_each_aggregates_order() throws Exception {
        Path logDir = Files.createTempDirectory("restart-kafka");
        int port = StackSettings.freePort();
        int controllerPort = StackSettings.freePort();
        KafkaBroker broker = KafkaBroker.start(logDir, port, controllerPort);
        // Events 1-5 of every aggregate now, 6-10 once the broker is down: the relay publishes fast enough to
        // finish all 10,000 before the consumer has seen 3,000, so the second half makes sure that batches fail
        // while the broker is away (and that an aggregate's later events wait for its earlier ones).
        List<String> aggregates = new ArrayList<>();
        Map<String, Integer> sequence = writeOutboxes(aggregates);

        AtomicBoolean relaying = new AtomicBoolean(true);
        Map<String, List<Integer>> seen = new LinkedHashMap<>();
        int copies = 0;
        int atStop;
        String bootstrap = broker.bootstrapServers();
        String transactionalId = "restart-relay-" + UUID.randomUUID();
        var meters = new SimpleMeterRegistry();
        try (var consumer = consumer(bootstrap)) {
            // As the services run it: transactional producers, one batch one transaction. A short lease, so that a
            // batch that failed with the broker down is taken again within seconds.
            OutboxRelay relay = new OutboxRelay(mongo, () -> producer(bootstrap, transactionalId), true,
                    "assistance", List.of(COLLECTION),
                    new OutboxProperties(Duration.ofSeconds(2), Duration.ofMillis(100), 100, null, null),
                    Clock.systemUTC(), meters);
            Thread relayThread = Thread.ofVirtual().start(() -> {
                while (relaying.get()) {
                    try {
                        relay.publishPending();
                    } catch (RuntimeException brokerDown) {
                        // A producer cannot start its transactions while the broker is away: the next pass retries.
                    }
                }
            });
            try {
                copies += pollUntil(consumer, seen, sequence, 3_000);
                broker.close();
                atStop = seen.values().stream().mapToInt(List::size).sum();
                appendOutboxes(aggregates, sequence);
                // Down until a batch has failed (its records expired): the case that reordered events before.
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> meters.counter("minzheng.outbox.publish.failures").count() > 0);
                broker = KafkaBroker.start(logDir, port, controllerPort);
                copies += pollUntil(consumer, seen, sequence, AGGREGATES * EVENTS_EACH);
                // A batch is removed from its outboxes after its transaction commits, so the last events can be
                // seen a moment before they are removed: the relay empties every outbox, awaited.
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mongo.count(
                        new Query(Criteria.where("outbox.0").exists(true)), COLLECTION)).as("every outbox emptied")
                        .isZero());
            } finally {
                relaying.set(false);
                relayThread.join(Duration.ofSeconds(60));
                relay.stop();
            }
        } finally {
            broker.close();
        }

        int distinct = seen.values().stream().mapToInt(List::size).sum();
        System.out.printf("broker restart: %d events, broker stopped after %d had arrived; %d distinct on the broker,"
                + " %d copies in all (%d repeated)%n", AGGREGATES * EVENTS_EACH, atStop, distinct, copies,
                copies - distinct);
        assertThat(atStop).as("the broker stopped in the middle").isLessThan(AGGREGATES * EVENTS_EACH);
        assertThat(distinct).isEqualTo(AGGREGATES * EVENTS_EACH);
        for (List<Integer> order : seen.values()) {
            assertThat(order).as("first arrivals of one aggregate's events").isSorted().hasSize(EVENTS_EACH);
        }
    }

    /** 1,000 aggregates with events 1-5 in their outbox; event id -> its number within the aggregate. */
    private Map<String, Integer> writeOutboxes(List<String> aggregates) {
        Map<String, Integer> sequence = new HashMap<>();
        List<Document> documents = new ArrayList<>();
        for (int a = 0; a < AGGREGATES; a++) {
            String aggregate = "agg-" + a + "-" + UUID.randomUUID();
            aggregates.add(aggregate);
            documents.add(new Document("_id", aggregate).append("outbox",
                    events(aggregate, 1, EVENTS_EACH / 2, sequence)));
        }
        mongo.insert(documents, COLLECTION);
        return sequence;
    }

    /** Events 6-10 appended to each aggregate's outbox, as a later write of the same aggregate would. */
    private void appendOutboxes(List<String> aggregates, Map<String, Integer> sequence) {
        for (String aggregate : aggregates) {
            mongo.updateFirst(new Query(Criteria.where("_id").is(aggregate)), new org.springframework.data.mongodb
                    .core.query.Update().push("outbox").each(events(aggregate, EVENTS_EACH / 2 + 1, EVENTS_EACH,
                            sequence).toArray()), COLLECTION);
        }
    }

    private static List<Document> events(String aggregate, int from, int to, Map<String, Integer> sequence) {
        List<Document> outbox = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            String id = UUID.randomUUID().toString();
            sequence.put(id, n);
            outbox.add(new Document("id", id).append("type", "minzheng.assistance.probe.changed.v1")
                    .append("subject", aggregate).append("time", Date.from(Instant.now()))
                    .append("data", new Document("n", n)));
        }
        return outbox;
    }

    /** Polls until {@code distinct} different events have arrived; returns the records received meanwhile. */
    private static int pollUntil(KafkaConsumer<String, byte[]> consumer, Map<String, List<Integer>> seen,
            Map<String, Integer> sequence, int distinct) {
        int[] received = {0};
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10)).until(() -> {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                received[0]++;
                String id = new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
                List<Integer> order = seen.computeIfAbsent(record.key(), key -> new ArrayList<>());
                if (!order.contains(sequence.get(id))) {
                    order.add(sequence.get(id));
                }
            }
            return seen.values().stream().mapToInt(List::size).sum() >= distinct;
        });
        return received[0];
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap, String transactionalId) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId, ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                // Short, so that records expire while the broker is away, within the test's time.
                ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_500,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "restart-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of("minzheng.assistance"));
        return consumer;
    }
}
