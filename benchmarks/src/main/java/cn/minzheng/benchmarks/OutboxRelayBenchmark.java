package cn.minzheng.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import cn.minzheng.devstack.StackSettings;
import cn.minzheng.devstack.infra.KafkaBroker;
import cn.minzheng.devstack.infra.MongoStore;
import cn.minzheng.platform.events.OutboxProperties;
import cn.minzheng.platform.events.OutboxRelay;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * How fast one relay empties outboxes, and whether that depends on the size of the collection (issue 13): for each
 * size, a collection already holding that many published documents gets N new aggregates with 3 events each,
 * written as a service writes them (bulk insert, ids handed to the relay), and the relay publishes them to the real
 * embedded broker in transactions, as the services run it. Everything (store, broker, relay) shares this JVM and
 * the machine's two cores, so the figure is a floor for a service instance whose store and broker run elsewhere.
 * Events are counted on the broker by a read-committed consumer, not taken from the relay's word; at the end no
 * outbox may be left.
 */
final class OutboxRelayBenchmark {

    private static final String COLLECTION = "aggregates";
    private static final int EVENTS_PER_AGGREGATE = 3;
    private static final String TOPIC = "minzheng.bench";

    private OutboxRelayBenchmark() {
    }

    /** {@code sizes}: documents already in the collection for each run (default 10,000 and 1,000,000). */
    static void run(int aggregates, List<Integer> sizes) throws Exception {
        StringBuilder report = new StringBuilder("Outbox relay benchmark (" + Instant.now() + ")\n");
        runOnce(aggregates, 10_000); // warm-up of this JVM (JIT), not reported: else the first size runs cold
        for (int size : sizes) {
            report.append(runOnce(aggregates, size));
        }
        report.append("  machine: %d cores; store, broker and relay in one JVM%n"
                .formatted(Runtime.getRuntime().availableProcessors()));
        Reports.write("outbox-relay-report.txt", report);
    }

    private static String runOnce(int aggregates, int existing) throws Exception {
        Path kafkaDir = Files.createTempDirectory("bench-kafka");
        try (MongoStore store = MongoStore.inMemory();
                KafkaBroker broker = KafkaBroker.start(kafkaDir, StackSettings.freePort(), StackSettings.freePort());
                MongoClient client = MongoClients.create(store.uri("bench"));
                var counter = new CommittedEvents(broker.bootstrapServers(), TOPIC)) {
            MongoTemplate mongo = new MongoTemplate(client, "bench");
            String transactionalId = "bench-outbox-" + UUID.randomUUID();
            OutboxRelay relay = new OutboxRelay(mongo, () -> producer(broker, transactionalId), true, "bench",
                    List.of(COLLECTION), new OutboxProperties(Duration.ofSeconds(60), Duration.ofMillis(100), 2_000,
                            null, null), Clock.systemUTC(), new SimpleMeterRegistry());
            fillPublished(mongo, existing);
            relay.start();
            // Warm-up (JIT, connections, topic creation), then the measured batch.
            for (int i = 0; i < 5; i++) {
                relay.nudge(COLLECTION, write(mongo, 2_000));
            }
            counter.awaitAtLeast(10_000L * EVENTS_PER_AGGREGATE, Duration.ofMinutes(10));
            long before = counter.count();

            Instant start = Instant.now();
            List<Object> written = new ArrayList<>();
            for (int from = 0; from < aggregates; from += 1_000) {
                List<Object> ids = write(mongo, Math.min(1_000, aggregates - from));
                relay.nudge(COLLECTION, ids); // as OutboxWrites does
                written.addAll(ids);
            }
            counter.awaitAtLeast(before + (long) aggregates * EVENTS_PER_AGGREGATE, Duration.ofHours(1));
            long left = awaitRemoved(mongo, written);
            Duration took = Duration.between(start, Instant.now());
            relay.stop();
            long published = counter.count() - before;
            double perSecond = published / (took.toNanos() / 1e9);
            return """
                      collection of %,d published documents + %,d new aggregates x %d events:
                        %,d events on the broker (read committed) and removed from their outboxes in %d ms \
                    (writing included): %,.0f events/s; outboxes left %d
                    """.formatted(existing, aggregates, EVENTS_PER_AGGREGATE, published, took.toMillis(), perSecond,
                    left);
        }
    }

    /**
     * Waits until the relay removed the published events from the written documents (read by {@code _id}, so the
     * benchmark's own looking costs no scan); returns how many still hold events after a minute.
     */
    private static long awaitRemoved(MongoTemplate mongo, List<Object> ids) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        long left;
        do {
            left = 0;
            for (int from = 0; from < ids.size(); from += 5_000) {
                var query = new Query(Criteria.where("_id").in(ids.subList(from, Math.min(ids.size(), from + 5_000))));
                query.fields().include("outbox");
                left += mongo.find(query, Document.class, COLLECTION).stream()
                        .filter(d -> !d.getList("outbox", Document.class, List.of()).isEmpty()).count();
            }
            if (left > 0) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // the next look at the store
            }
        } while (left > 0 && Instant.now().isBefore(deadline));
        return left;
    }

    /** Documents whose events went out long ago: what a service's collection mostly holds. */
    private static void fillPublished(MongoTemplate mongo, int documents) {
        for (int from = 0; from < documents; from += 5_000) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
            for (int i = from; i < Math.min(documents, from + 5_000); i++) {
                bulk.insert(new Document("_id", "old-" + i).append("version", 3).append("status", "PAID")
                        .append("amount", "1130.00").append("outbox", List.of()));
            }
            bulk.execute();
        }
    }

    /** New aggregates with their events, in one bulk insert; returns their ids. */
    private static List<Object> write(MongoTemplate mongo, int aggregates) {
        Instant now = Instant.now();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < aggregates; i++) {
            String id = UUID.randomUUID().toString();
            List<Document> outbox = new ArrayList<>();
            for (int e = 0; e < EVENTS_PER_AGGREGATE; e++) {
                outbox.add(new Document("id", UUID.randomUUID().toString())
                        .append("type", "minzheng.bench.subsidy.paid.v1").append("subject", id)
                        .append("time", Date.from(now)).append("data", new Document("amount", "1130.00")
                                .append("month", "2026-11").append("personRef", UUID.randomUUID().toString())));
            }
            bulk.insert(new Document("_id", id).append("version", 1).append("outbox", outbox));
            ids.add(id);
        }
        bulk.execute();
        return ids;
    }

    private static KafkaProducer<String, byte[]> producer(KafkaBroker broker, String transactionalId) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId),
                new StringSerializer(), new ByteArraySerializer());
    }
}
