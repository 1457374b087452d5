package cn.minzheng.portal.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;

/**
 * The workbench's sessions in the portal's own MongoDB database, so any portal instance serves any request. A
 * session holds the person's tokens (the backend-for-frontend keeps them out of the browser), so its attributes are
 * stored as one serialized value, never as readable fields. Expired sessions are never returned; a TTL index removes
 * them on MongoDB, and a timer does on a store without TTL indexes. The serialized attributes are sealed
 * ({@link SessionSeal}, AES-GCM under the deployment's key): the tokens are unreadable at rest.
 *
 * <p>A page view reads its session and, as a rule, changes nothing in it. So a save writes the attributes only when
 * one was set or removed (a new {@code revision}), and otherwise only moves the idle clock, at most once a
 * {@link #TOUCH} (a session may so live up to a minute past its 30 idle ones). A read takes the document without its
 * attributes and reuses this instance's copy of them when the revision is the one it last read or wrote; another
 * instance's change has a new revision and is read in full. Measured by {@code ./mz bench portal}: the session was a
 * fifth of the portal's CPU per page before.
 */
public class MongoSessionRepository implements SessionRepository<MongoSession> {

    static final String COLLECTION = "sessions";
    static final Duration TOUCH = Duration.ofMinutes(1);
    private static final int CACHED_AT_MOST = 10_000;

    private record Attributes(long revision, Map<String, Object> values) {
    }

    private final MongoTemplate mongo;
    private final Duration maxInactive;
    private final Clock clock;
    private final SessionSeal seal;
    private final Map<String, Attributes> read = new ConcurrentHashMap<>();

    public MongoSessionRepository(MongoTemplate mongo, Duration maxInactive, Clock clock, String sessionKey) {
        this.mongo = mongo;
        this.maxInactive = maxInactive;
        this.clock = clock;
        this.seal = new SessionSeal(sessionKey);
        mongo.indexOps(COLLECTION).createIndex(new Index("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
    }

    @Override
    public MongoSession createSession() {
        MapSession session = new MapSession();
        session.setCreationTime(clock.instant());
        session.setLastAccessedTime(clock.instant());
        session.setMaxInactiveInterval(maxInactive);
        return new MongoSession(session, 0, null, true);
    }

    @Override
    public void save(MongoSession session) {
        if (!session.getId().equals(session.originalId())) {
            // A new id after login (session fixation protection): the old document must not outlive it.
            deleteById(session.originalId());
        }
        Instant accessed = session.getLastAccessedTime();
        if (!session.dirty()) {
            if (session.storedLastAccessed() == null
                    || Duration.between(session.storedLastAccessed(), accessed).compareTo(TOUCH) >= 0) {
                mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", session.getId()), Updates.combine(
                        Updates.set("lastAccessedAt", Date.from(accessed)),
                        Updates.set("expiresAt", Date.from(accessed.plus(session.getMaxInactiveInterval())))));
            }
            return;
        }
        Map<String, Object> attributes = new HashMap<>();
        session.getAttributeNames().forEach(name -> attributes.put(name, session.getAttribute(name)));
        long revision = session.revision() + 1;
        Document document = new Document("_id", session.getId())
                .append("revision", revision)
                .append("createdAt", Date.from(session.getCreationTime()))
                .append("lastAccessedAt", Date.from(accessed))
                .append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
                .append("expiresAt", Date.from(accessed.plus(session.getMaxInactiveInterval())))
                .append("attributes", new Binary(seal.seal(serialize(attributes))));
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", session.getId()), document,
                new ReplaceOptions().upsert(true));
        remember(session.getId(), new Attributes(revision, attributes));
    }

    @Override
    public MongoSession findById(String id) {
        Document document = mongo.getCollection(COLLECTION).find(Filters.eq("_id", id))
                .projection(Projections.exclude("attributes")).first();
        if (document == null) {
            read.remove(id);
            return null;
        }
        if (!document.getDate("expiresAt").toInstant().isAfter(clock.instant())) {
            deleteById(id);
            return null;
        }
        long revision = ((Number) document.get("revision", 0L)).longValue();
        Attributes attributes = read.get(id);
        if (attributes == null || attributes.revision() != revision) {
            Document full = mongo.getCollection(COLLECTION).find(Filters.eq("_id", id))
                    .projection(Projections.include("attributes")).first();
            if (full == null) {
                return null;
            }
            byte[] opened = seal.open(full.get("attributes", Binary.class).getData());
            attributes = new Attributes(revision, opened == null ? Map.of() : deserialize(opened));
            remember(id, attributes);
        }
        MapSession session = new MapSession(id);
        session.setCreationTime(document.getDate("createdAt").toInstant());
        Instant lastAccessed = document.getDate("lastAccessedAt").toInstant();
        session.setLastAccessedTime(lastAccessed);
        session.setMaxInactiveInterval(Duration.ofSeconds(((Number) document.get("maxInactiveSeconds")).longValue()));
        attributes.values().forEach(session::setAttribute);
        return new MongoSession(session, revision, lastAccessed, false);
    }

    @Override
    public void deleteById(String id) {
        read.remove(id);
        mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }

    /** The embedded dev store has no TTL index: this keeps its sessions collection from growing. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    public void removeExpired() {
        mongo.remove(Query.query(Criteria.where("expiresAt").lt(Date.from(clock.instant()))), COLLECTION);
        read.clear();
    }

    private void remember(String id, Attributes attributes) {
        if (read.size() >= CACHED_AT_MOST) {
            read.clear();
        }
        read.put(id, attributes);
    }

    private static byte[] serialize(Map<String, Object> attributes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject((Serializable) attributes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deserialize(byte[] data) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            // Only the kinds of objects the portal puts in a session: the JDK's, Spring's and its own.
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter(
                    "java.**;org.springframework.**;cn.minzheng.**;maxdepth=20;!*"));
            return (Map<String, Object>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            // A session written by an older portal whose classes changed: the person logs in again.
            return Map.of();
        }
    }
}
