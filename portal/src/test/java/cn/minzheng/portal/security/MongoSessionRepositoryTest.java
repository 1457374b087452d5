package cn.minzheng.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The workbench's sessions in MongoDB: found while fresh, gone when idle too long, tokens never readable. */
class MongoSessionRepositoryTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(uri), "portal");
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T02:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private final MongoSessionRepository sessions = new MongoSessionRepository(mongo, Duration.ofMinutes(30), clock, KEY);

    @AfterEach
    void stop() {
        server.shutdown();
    }

    @Test
    void a_session_is_found_by_any_instance_until_it_has_been_idle_for_thirty_minutes() {
        MongoSession session = sessions.createSession();
        session.setAttribute("token", "secret-access-token");
        sessions.save(session);

        MongoSessionRepository another = new MongoSessionRepository(mongo, Duration.ofMinutes(30), clock, KEY);
        assertThat(another.findById(session.getId()).<String>getAttribute("token")).isEqualTo("secret-access-token");
        Document stored = mongo.getCollection(MongoSessionRepository.COLLECTION).find().first();
        assertThat(stored.toJson()).as("tokens are not stored as plain fields").doesNotContain("secret-access-token");

        now.set(now.get().plus(Duration.ofMinutes(30)));
        assertThat(another.findById(session.getId())).isNull();
        assertThat(mongo.getCollection(MongoSessionRepository.COLLECTION).countDocuments()).isZero();
    }

    @Test
    void a_new_id_after_login_leaves_no_copy_under_the_old_one() {
        MongoSession session = sessions.createSession();
        sessions.save(session);
        String before = session.getId();
        session.changeSessionId();
        sessions.save(session);

        assertThat(sessions.findById(before)).isNull();
        assertThat(sessions.findById(session.getId())).isNotNull();
    }

    @Test
    void a_page_view_that_changes_nothing_writes_nothing_and_another_instances_change_is_seen() {
        MongoSession session = sessions.createSession();
        session.setAttribute("token", "first");
        sessions.save(session);
        Document stored = mongo.getCollection(MongoSessionRepository.COLLECTION).find().first();

        now.set(now.get().plusSeconds(20));
        MongoSession viewed = sessions.findById(session.getId());
        viewed.setLastAccessedTime(now.get());
        sessions.save(viewed);
        assertThat(mongo.getCollection(MongoSessionRepository.COLLECTION).find().first())
                .as("read within a minute, changed nothing: not written").isEqualTo(stored);

        MongoSessionRepository another = new MongoSessionRepository(mongo, Duration.ofMinutes(30), clock, KEY);
        MongoSession elsewhere = another.findById(session.getId());
        elsewhere.setAttribute("token", "refreshed");
        another.save(elsewhere);
        assertThat(sessions.findById(session.getId()).<String>getAttribute("token")).isEqualTo("refreshed");

        now.set(now.get().plus(Duration.ofMinutes(29)));
        MongoSession later = sessions.findById(session.getId());
        later.setLastAccessedTime(now.get());
        sessions.save(later);
        now.set(now.get().plus(Duration.ofMinutes(29)));
        assertThat(sessions.findById(session.getId())).as("the idle clock was moved by the touch").isNotNull();
    }

    @Test
    void the_tokens_are_sealed_at_rest_and_a_session_sealed_with_another_key_reads_as_empty() {
        MongoSession session = sessions.createSession();
        session.setAttribute("token", "secret-access-token");
        sessions.save(session);
        byte[] stored = mongo.getCollection(MongoSessionRepository.COLLECTION).find().first()
                .get("attributes", org.bson.types.Binary.class).getData();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("not even inside the serialized bytes").doesNotContain("secret-access-token");

        MongoSessionRepository otherKey = new MongoSessionRepository(mongo, Duration.ofMinutes(30), clock,
                "HwEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=");
        assertThat(otherKey.findById(session.getId()).getAttributeNames()).as("the person logs in again").isEmpty();
    }
}
