package cn.minzheng.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClients;
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
import org.junit.jupiter.api.Test;

import cn.minzheng.devstack.StackSettings;
import cn.minzheng.devstack.infra.MongoStore;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The store (H2-backed, which keeps its data across a restart, as in the dev run) stops under writes and comes
 * back: every write that was acknowledged is there, a writer that saw an error retries and lands once, and every
 * stored event reaches the broker. The relay keeps running through the outage.
 */
class StoreRestartTest {

    private static final int WRITES = 2_000;
    private static final String COLLECTION = "store_restart_probe";

    @Test
    void a_store_restart_under_writes_loses_no_acknowledged_write_and_no_event() throws Exception {
        Path file = Files.createTempDirectory("store-restart").resolve("store.mv");
        int port = StackSettings.freePort();
        MongoStore store = MongoStore.persistent(file, port);
        var settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port + "/faults"))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(1, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(1, TimeUnit.SECONDS)
                        .readTimeout(5, TimeUnit.SECONDS))
                .build();
        String service = "storefault" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger writerErrors = new AtomicInteger();
        AtomicBoolean relaying = new AtomicBoolean(true);
        try (var client = MongoClients.create(settings); var producer = producer()) {
            MongoTemplate mongo = new MongoTemplate(client, "faults");
            OutboxRelay relay = new OutboxRelay(mongo, producer, service, List.of(COLLECTION),
                    new OutboxProperties(Duration.ofSeconds(2), Duration.ofMillis(100), 100, null, null),
                    Clock.systemUTC(), new SimpleMeterRegistry());
            Thread relayThread = Thread.ofVirtual().start(() -> {
                while (relaying.get()) {
                    try {
                        relay.publishPending();
                    } catch (RuntimeException storeDown) {
                        // The relay's own scheduler logs and tries again on its next poll; so does this loop.
                    }
                }
            });
            Thread writer = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < WRITES; i++) {
                    write(mongo, "agg-" + i, acknowledged, writerErrors);
                }
            });

            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= WRITES / 4);
            store.close();
            await().atMost(Duration.ofSeconds(60)).until(() -> writerErrors.get() > 0);
            int atStop = acknowledged.size();
            store = MongoStore.persistent(file, port);
            writer.join(Duration.ofSeconds(120));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> mongo.count(new Query(Criteria.where("outbox.0").exists(true)), COLLECTION) == 0);
            relaying.set(false);
            relayThread.join(Duration.ofSeconds(30));

            Set<String> stored = new HashSet<>();
            mongo.findAll(Document.class, COLLECTION).forEach(d -> stored.add(d.getString("_id")));
            Set<String> published = eventsOnBroker(service, WRITES);
            System.out.printf("store restart: %d writes, store stopped after %d acknowledged, %d writer errors "
                    + "retried; %d stored, %d events on the broker%n", WRITES, atStop, writerErrors.get(),
                    stored.size(), published.size());
            assertThat(acknowledged).hasSize(WRITES);
            assertThat(stored).containsAll(acknowledged).hasSize(WRITES);
            assertThat(published).hasSize(WRITES);
        } finally {
            relaying.set(false);
            store.close();
        }
    }

    /** One aggregate with its event; on an error it tries again, and a duplicate key means an earlier try landed. */
    private static void write(MongoTemplate mongo, String id, Set<String> acknowledged, AtomicInteger errors) {
        Document document = new Document("_id", id).append("outbox", List.of(new Document("id", "evt-" + id)
                .append("type", "minzheng.storefault.probe.created.v1").append("subject", id)
                .append("time", Date.from(Instant.now())).append("data", new Document("n", 1))));
        while (true) {
            try {
                mongo.insert(document, COLLECTION);
                acknowledged.add(id);
                return;
            } catch (DuplicateKeyException landedBefore) {
                acknowledged.add(id);
                return;
            } catch (RuntimeException storeDown) {
                errors.incrementAndGet();
            }
        }
    }

    private static Set<String> eventsOnBroker(String service, int expected) {
        Set<String> ids = new HashSet<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBrokerAndStore.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "store-restart-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("minzheng." + service));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> ids.add(
                        new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)));
                return ids.size() >= expected;
            });
        }
        return ids;
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedBrokerAndStore.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
    }
}
