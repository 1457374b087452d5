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
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.slf4j.LoggerFactory;

import cn.minzheng.devstack.StackSettings;
import cn.minzheng.devstack.infra.KafkaBroker;
import cn.minzheng.devstack.infra.MongoStore;
import cn.minzheng.platform.events.OutboxProperties;
import cn.minzheng.platform.events.OutboxRelay;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * How fast one relay empties outboxes: N aggregates with 3 pending events each in the embedded MongoDB-wire store,
 * published to the real embedded broker. Everything (store, broker, relay) shares this JVM and the machine's two
 * cores, so the figure is a floor for a service instance whose store and broker run elsewhere. The count is
 * checked on the broker (end offsets), not taken from the relay's word.
 */
final class OutboxRelayBenchmark {

    private static final String COLLECTION = "aggregates";
    private static final int EVENTS_PER_AGGREGATE = 3;

    private OutboxRelayBenchmark() {
    }

    static void run(int aggregates) throws Exception {
        Path kafkaDir = Files.createTempDirectory("bench-kafka");
        try (MongoStore store = MongoStore.inMemory();
                KafkaBroker broker = KafkaBroker.start(kafkaDir, StackSettings.freePort(), StackSettings.freePort());
                MongoClient client = MongoClients.create(store.uri("bench"));
                KafkaProducer<String, byte[]> producer = producer(broker)) {
            MongoTemplate mongo = new MongoTemplate(client, "bench");
            OutboxRelay relay = new OutboxRelay(mongo, producer, "bench", List.of(COLLECTION),
                    new OutboxProperties(Duration.ofSeconds(60), Duration.ofMillis(100), 2_000, null, null),
                    Clock.systemUTC(), new SimpleMeterRegistry());

            // The relay runs as in a service (its own thread, started once); the count is read on the broker.
            fill(mongo, 2_000);
            relay.start(); // warm-up: JIT, connections, topic creation
            awaitOnBroker(broker, 2_000L * EVENTS_PER_AGGREGATE);
            long before = endOffsets(broker);

            fill(mongo, aggregates);
            Instant start = Instant.now();
            relay.nudge(COLLECTION); // as a service's own writes do
            awaitOnBroker(broker, before + (long) aggregates * EVENTS_PER_AGGREGATE);
            awaitEmptyOutboxes(mongo); // published and removed: the relay's whole work
            Duration took = Duration.between(start, Instant.now());
            relay.stop();
            long onBroker = endOffsets(broker) - before;
            int published = (int) onBroker;
            long leftInOutboxes = mongo.getCollection(COLLECTION).countDocuments(new Document("outbox.0",
                    new Document("$exists", true)));
            report(aggregates, published, onBroker, leftInOutboxes, took);
        }
    }

    private static void fill(MongoTemplate mongo, int aggregates) {
        Instant now = Instant.now();
        for (int from = 0; from < aggregates; from += 1_000) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
            for (int i = from; i < Math.min(aggregates, from + 1_000); i++) {
                String id = UUID.randomUUID().toString();
                List<Document> outbox = new ArrayList<>();
                for (int e = 0; e < EVENTS_PER_AGGREGATE; e++) {
                    outbox.add(new Document("id", UUID.randomUUID().toString())
                            .append("type", "minzheng.bench.subsidy.paid.v1").append("subject", id)
                            .append("time", Date.from(now)).append("data", new Document("amount", "1130.00")
                                    .append("month", "2026-11").append("personRef", UUID.randomUUID().toString())));
                }
                bulk.insert(new Document("_id", id).append("version", 1).append("outbox", outbox));
            }
            bulk.execute();
        }
    }

    private static KafkaProducer<String, byte[]> producer(KafkaBroker broker) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
    }

    /** Polls the broker's end offsets until they reach the count (an hour at most: a stuck relay fails loudly). */
    private static void awaitOnBroker(KafkaBroker broker, long count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofHours(1));
        while (endOffsetsOrZero(broker) < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the relay published fewer than " + count + " events in an hour");
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // the next look at the broker
        }
    }

    private static void awaitEmptyOutboxes(MongoTemplate mongo) {
        Instant deadline = Instant.now().plus(Duration.ofHours(1));
        while (mongo.getCollection(COLLECTION).countDocuments(new Document("outbox.0",
                new Document("$exists", true))) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the relay left outboxes unremoved for an hour");
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // the next look at the store
        }
    }

    private static long endOffsetsOrZero(KafkaBroker broker) throws Exception {
        try {
            return endOffsets(broker);
        } catch (java.util.concurrent.ExecutionException topicNotCreatedYet) {
            return 0;
        }
    }

    private static long endOffsets(KafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            var partitions = admin.describeTopics(List.of("minzheng.bench")).allTopicNames().get()
                    .get("minzheng.bench").partitions().stream()
                    .map(p -> new TopicPartition("minzheng.bench", p.partition()))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
    }

    private static void report(int aggregates, int published, long onBroker, long left, Duration took)
            throws Exception {
        double perSecond = published / (took.toNanos() / 1e9);
        String report = """
                Outbox relay benchmark (%s)
                  aggregates             %d (%d events each)
                  events published       %d (by broker end offsets)
                  events on the broker   %d (end offsets)
                  outboxes left          %d
                  time                   %d ms
                  throughput             %.0f events/s   (target: >= 2000)
                  machine                %d cores; store, broker and relay in one JVM
                """.formatted(Instant.now(), aggregates, EVENTS_PER_AGGREGATE, published, onBroker, left,
                took.toMillis(), perSecond, Runtime.getRuntime().availableProcessors());
        Path out = Path.of("benchmarks/target/outbox-relay-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LoggerFactory.getLogger("benchmark.report").info("\n{}", report);
    }
}
