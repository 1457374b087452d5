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
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Binary;
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
 * them on MongoDB, and a timer does on a store without TTL indexes.
 */
public class MongoSessionRepository implements SessionRepository<MapSession> {

    static final String COLLECTION = "sessions";
    private final MongoTemplate mongo;
    private final Duration maxInactive;
    private final Clock clock;

    public MongoSessionRepository(MongoTemplate mongo, Duration maxInactive, Clock clock) {
        this.mongo = mongo;
        this.maxInactive = maxInactive;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index("expiresAt", org.springframework.data.domain.Sort.Direction.ASC)
                .expire(Duration.ZERO));
    }

    @Override
    public MapSession createSession() {
        MapSession session = new MapSession();
        session.setCreationTime(clock.instant());
        session.setLastAccessedTime(clock.instant());
        session.setMaxInactiveInterval(maxInactive);
        return session;
    }

    @Override
    public void save(MapSession session) {
        if (!session.getId().equals(session.getOriginalId())) {
            // A new id after login (session fixation protection): the old document must not outlive it.
            mongo.remove(byId(session.getOriginalId()), COLLECTION);
        }
        Map<String, Object> attributes = new HashMap<>();
        session.getAttributeNames().forEach(name -> attributes.put(name, session.getAttribute(name)));
        Document document = new Document("_id", session.getId())
                .append("createdAt", Date.from(session.getCreationTime()))
                .append("lastAccessedAt", Date.from(session.getLastAccessedTime()))
                .append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
                .append("expiresAt", Date.from(session.getLastAccessedTime().plus(session.getMaxInactiveInterval())))
                .append("attributes", new Binary(serialize(attributes)));
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", session.getId()), document,
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    @Override
    public MapSession findById(String id) {
        Document document = mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
        if (document == null) {
            return null;
        }
        if (!document.getDate("expiresAt").toInstant().isAfter(clock.instant())) {
            deleteById(id);
            return null;
        }
        MapSession session = new MapSession(id);
        session.setCreationTime(document.getDate("createdAt").toInstant());
        session.setLastAccessedTime(document.getDate("lastAccessedAt").toInstant());
        session.setMaxInactiveInterval(Duration.ofSeconds(((Number) document.get("maxInactiveSeconds")).longValue()));
        deserialize(document.get("attributes", Binary.class).getData()).forEach(session::setAttribute);
        return session;
    }

    @Override
    public void deleteById(String id) {
        mongo.remove(byId(id), COLLECTION);
    }

    /** The embedded dev store has no TTL index: this keeps its sessions collection from growing. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    public void removeExpired() {
        mongo.remove(Query.query(Criteria.where("expiresAt").lt(Date.from(clock.instant()))), COLLECTION);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
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
