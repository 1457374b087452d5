package cn.minzheng.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The platform's outbox relay, running in this service against the real broker and store. */
@SpringBootTest(classes = {PlatformTestService.class, OutboxRelayTest.ProbeCollection.class})
@TestPropertySource(properties = {"minzheng.events.outbox.lease=PT2S",
        "minzheng.events.outbox.sweep-interval=PT0.2S", "minzheng.events.outbox.full-sweep-interval=PT0.2S"})
class OutboxRelayTest {

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        PlatformTestService.properties(registry, "relay-test");
    }

    private static final String COLLECTION = "relay_probe";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    /** A collection of aggregates that only this test writes: the relay finds it without being told. */
    @TestConfiguration
    static class ProbeCollection {

        static final class Probe extends OutboxAggregate {

            @Override
            public String id() {
                return "probe";
            }
        }

        @Bean
        AggregateCollection<Probe> probes(MongoTemplate mongo, OutboxWrites writes) {
            return new AggregateCollection<>(mongo, writes, Probe.class, COLLECTION, "probe") {
            };
        }
    }

    @Test
    void the_relay_watches_every_aggregate_collection_without_a_list_in_configuration() {
        assertThat(relay.collections()).containsExactly(COLLECTION);
    }

    private KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

    @BeforeEach
    void subscribe() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBrokerAndStore.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of("minzheng.platformtest"));
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    private static Document event(String type, String subject, int n) {
        return new Document("id", UUID.randomUUID().toString()).append("type", type).append("subject", subject)
                .append("time", Date.from(Instant.now())).append("data", new Document("n", n));
    }

    private List<ConsumerRecord<String, byte[]>> receivedFor(String key) {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        return received.stream().filter(r -> key.equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void an_aggregates_events_go_out_in_order_as_cloudevents_and_leave_its_outbox() {
        String aggregate = "household-" + UUID.randomUUID();
        List<Document> events = List.of(event("minzheng.platformtest.household.reviewed.v1", aggregate, 1),
                event("minzheng.platformtest.assistance.approved.v1", aggregate, 2),
                event("minzheng.platformtest.subsidy.paid.v1", aggregate, 3));
        mongo.insert(new Document("_id", aggregate).append("status", "APPROVED").append("outbox", events), COLLECTION);

        await().atMost(Duration.ofSeconds(30)).until(() -> receivedFor(aggregate).size() >= 3);

        var records = receivedFor(aggregate);
        assertThat(records).extracting(r -> header(r, "ce_id"))
                .containsExactly(events.stream().map(e -> e.getString("id")).toArray(String[]::new));
        assertThat(header(records.get(0), "ce_specversion")).isEqualTo("1.0");
        assertThat(header(records.get(0), "ce_type")).isEqualTo("minzheng.platformtest.household.reviewed.v1");
        assertThat(header(records.get(0), "ce_source")).isEqualTo("/minzheng/platformtest");
        assertThat(header(records.get(0), "ce_subject")).isEqualTo(aggregate);
        assertThat(new String(records.get(2).value(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":3}");
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxOf(aggregate).isEmpty());
        assertThat(mongo.findById(aggregate, Document.class, COLLECTION).getString("status")).isEqualTo("APPROVED");
    }

    @Test
    void events_left_by_a_crashed_instance_go_out_when_its_lease_runs_out_and_not_before() {
        String aggregate = "household-" + UUID.randomUUID();
        Document leftover = event("minzheng.platformtest.assistance.changed.v1", aggregate, 4);
        Instant leaseEnds = Instant.now().plusSeconds(3);
        mongo.insert(new Document("_id", aggregate).append("outbox", List.of(leftover))
                .append("outboxLease", new Document("owner", "crashed-instance").append("until", Date.from(leaseEnds))),
                COLLECTION);

        await().atMost(Duration.ofSeconds(30)).until(() -> receivedFor(aggregate).size() >= 1);

        assertThat(Instant.now()).isAfterOrEqualTo(leaseEnds);
        assertThat(receivedFor(aggregate)).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxOf(aggregate).isEmpty());
    }

    private List<?> outboxOf(String aggregate) {
        Document doc = mongo.findOne(new Query(Criteria.where("_id").is(aggregate)), Document.class, COLLECTION);
        return doc == null ? List.of() : doc.getList("outbox", Document.class);
    }
}
