package cn.minzheng.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;

import cn.minzheng.platform.store.InMemoryStore;


/** Two service instances appending in a burst: every append lands, and the chain stays one unbroken line. */
class AuditTrailTest {

    private final InMemoryStore store = new InMemoryStore();
    private final MongoClient client = store.client();

    @AfterEach
    void stopStore() {
        store.close();
    }

    @Test
    void concurrentAppendsFromTwoInstancesFormOneIntactChain() throws Exception {
        AuditTrail first = new AuditTrail(new MongoTemplate(client, "audit"));
        AuditTrail second = new AuditTrail(new MongoTemplate(client, "audit"));
        int perThread = 40;
        List<Future<?>> writers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                AuditTrail trail = t % 2 == 0 ? first : second;
                String actor = "officer-" + t;
                writers.add(threads.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        trail.append(entry(actor, i));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        }

        AuditTrail.Verification verification = first.verify();
        assertThat(verification.intact()).as(verification.reason()).isTrue();
        assertThat(verification.recordsChecked()).isEqualTo(8L * perThread);
        assertThat(first.count(new AuditTrail.AuditQuery(null, null, "officer-3", null))).isEqualTo(perThread);
    }

    @Test
    void aChangedRecordBreaksTheChainAtThatRecord() {
        MongoTemplate mongo = new MongoTemplate(client, "audit");
        AuditTrail trail = new AuditTrail(mongo);
        for (int i = 0; i < 3; i++) {
            trail.append(entry("officer", i));
        }
        mongo.getCollection("audit").updateOne(new org.bson.Document("_id", 2L),
                new org.bson.Document("$set", new org.bson.Document("actor", "someone-else")));

        AuditTrail.Verification verification = trail.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken()).isEqualTo(2L);
    }

    /** A restarted instance finds the head by _id (doubling, then halving), for any length of trail. */
    @Test
    void aRestartedInstanceChainsOntoTheHeadWhateverTheLength() {
        MongoTemplate mongo = new MongoTemplate(client, "audit");
        AuditTrail filling = new AuditTrail(mongo);
        int appended = 0;
        for (int length : new int[] {1, 2, 3, 37, 64, 65, 100}) {
            while (appended < length) {
                filling.append(entry("filler", appended++));
            }
            AuditRecord next = new AuditTrail(mongo).append(entry("restarted", appended++));

            assertThat(next.sequence()).isEqualTo(length + 1);
            filling = new AuditTrail(mongo);
        }
        assertThat(new AuditTrail(mongo).append(entry("restarted", 0)).sequence()).isEqualTo(appended + 1);
        assertThat(filling.verify().intact()).isTrue();
    }

    @Test
    void theFirstRecordOfAnEmptyTrailIsOne() {
        assertThat(new AuditTrail(new MongoTemplate(client, "audit")).append(entry("first", 0)).sequence())
                .isEqualTo(1);
    }

    private static AuditEntry entry(String actor, int i) {
        return new AuditEntry(Instant.now(), actor, List.of("registrar"), "320404", "appointment.booked",
                "Appointment", "a-" + i, "OK", "req-" + i, null);
    }
}
