package cn.minzheng.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

/** Ledgers expire without a TTL index: what is past its retention goes, what is not stays. */
class RecordExpiryTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    private final InMemoryStore store = new InMemoryStore();

    @AfterEach
    void stopStore() {
        store.close();
    }

    @Test
    void records_past_their_retention_are_deleted_and_the_others_kept() {
        MongoTemplate mongo = store.template("expiry");
        insert(mongo, "processed_events", "old", "at", NOW.minus(Duration.ofDays(31)));
        insert(mongo, "processed_events", "recent", "at", NOW.minus(Duration.ofDays(29)));
        insert(mongo, "idempotency_keys", "expired", "expiresAt", NOW.minusSeconds(1));
        insert(mongo, "idempotency_keys", "live", "expiresAt", NOW.plusSeconds(3600));
        RecordExpiry expiry = new RecordExpiry(mongo, List.of(
                new ExpiringRecords("processed_events", "at", Duration.ofDays(30)),
                new ExpiringRecords("idempotency_keys", "expiresAt", Duration.ZERO)),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1));

        assertThat(expiry.purge()).isEqualTo(2);

        assertThat(ids(mongo, "processed_events")).containsExactly("recent");
        assertThat(ids(mongo, "idempotency_keys")).containsExactly("live");
        assertThat(expiry.purge()).isZero();
    }

    @Test
    void each_ledger_declares_the_index_its_expiry_needs_on_mongodb() {
        var declaration = new ExpiringRecords("processed_events", "at", Duration.ofDays(30)).indexDeclaration();

        assertThat(declaration.collection()).isEqualTo("processed_events");
        assertThat(declaration.indexes()).hasSize(1);
        assertThat(declaration.indexes().get(0).getIndexKeys().keySet()).containsExactly("at");
    }

    private static void insert(MongoTemplate mongo, String collection, String id, String field, Instant at) {
        mongo.insert(new Document("_id", id).append(field, Date.from(at)), collection);
    }

    private static List<String> ids(MongoTemplate mongo, String collection) {
        return mongo.findAll(Document.class, collection).stream().map(d -> d.getString("_id")).toList();
    }
}
