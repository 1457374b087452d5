package cn.minzheng.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mongodb.MongoBulkWriteException;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Which relay instance publishes a document's events right now: one small document per leased aggregate in the
 * {@code outbox_leases} collection, keyed {@code <collection>/<id>}. Taking a lease is an insert, which the unique
 * {@code _id} makes atomic, and releasing it a delete by {@code _id}: no conditional update on the aggregate
 * collection, which the embedded store would answer with a scan of the whole collection. The lease collection
 * holds only the leases of batches in flight, so the rare query on it that is not by {@code _id} (taking over a
 * lease that ran out) scans a few thousand documents at most.
 */
final class OutboxLeases {

    static final String COLLECTION = "outbox_leases";

    /** The leases a claim got, and the documents it could not lease with the time their lease runs out. */
    record Claim(String token, Set<Object> leased, Map<Object, Instant> heldElsewhere) {
    }

    private final MongoTemplate mongo;
    private final String owner;
    private final Duration lease;
    private final Clock clock;

    OutboxLeases(MongoTemplate mongo, String owner, Duration lease, Clock clock) {
        this.mongo = mongo;
        this.owner = owner;
        this.lease = lease;
        this.clock = clock;
    }

    Claim claim(String collection, List<Object> ids) {
        Instant now = Instant.now(clock);
        String token = UUID.randomUUID().toString();
        Date until = Date.from(now.plus(lease));
        Set<Integer> refused = insert(collection, ids, token, until);
        Set<Object> leased = new HashSet<>();
        Map<Object, Instant> held = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!refused.contains(i)) {
                leased.add(ids.get(i));
            }
        }
        if (!refused.isEmpty()) {
            List<Object> taken = refused.stream().map(ids::get).toList();
            Map<String, Object> byKey = new LinkedHashMap<>();
            taken.forEach(id -> byKey.put(key(collection, id), id));
            for (Document existing : mongo.find(new Query(Criteria.where("_id").in(byKey.keySet())), Document.class,
                    COLLECTION)) {
                Object id = byKey.get(existing.getString("_id"));
                Date existingUntil = existing.getDate("until");
                // A lease of this very relay is left from a batch that failed half-way (the store went away
                // before it was released): nothing of that batch is in flight any more, so it is taken at once.
                boolean own = owner.equals(existing.getString("owner"));
                if (!own && existingUntil.toInstant().isAfter(now) || !takeOver(existing, token, until)) {
                    held.put(id, existingUntil.toInstant());
                } else {
                    leased.add(id);
                }
            }
        }
        return new Claim(token, leased, held);
    }

    /** The documents of a claim whose lease is still this claim's (after a batch slower than half the lease). */
    Set<Object> stillHeld(String collection, Claim claim) {
        Map<String, Object> byKey = keys(collection, claim.leased());
        Set<Object> held = new HashSet<>();
        for (Document lease : mongo.find(new Query(Criteria.where("_id").in(byKey.keySet())), Document.class,
                COLLECTION)) {
            if (claim.token().equals(lease.getString("token"))) {
                held.add(byKey.get(lease.getString("_id")));
            }
        }
        return held;
    }

    /** Gives up the leases of a claim (by {@code _id}): published, or failed and to be tried again. */
    void release(String collection, Set<Object> ids) {
        if (!ids.isEmpty()) {
            mongo.remove(new Query(Criteria.where("_id").in(keys(collection, ids).keySet())), COLLECTION);
        }
    }

    private Set<Integer> insert(String collection, List<Object> ids, String token, Date until) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        ids.forEach(id -> bulk.insert(new Document("_id", key(collection, id)).append("owner", owner)
                .append("token", token).append("until", until)));
        Set<Integer> refused = new HashSet<>();
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            e.getErrors().forEach(error -> refused.add(duplicate(error.getCode(), error.getIndex(), e)));
        } catch (DuplicateKeyException e) {
            if (!(e.getCause() instanceof MongoBulkWriteException bulkError)) {
                throw e;
            }
            bulkError.getWriteErrors().forEach(error -> refused.add(duplicate(error.getCode(), error.getIndex(), e)));
        }
        return refused;
    }

    private static int duplicate(int code, int index, RuntimeException e) {
        if (code != 11000) {
            throw e;
        }
        return index;
    }

    /** A lease that ran out passes to this claim, unless another instance took it over first. */
    private boolean takeOver(Document expired, String token, Date until) {
        return mongo.updateFirst(new Query(Criteria.where("_id").is(expired.get("_id")).and("token")
                .is(expired.getString("token"))), new Update().set("owner", owner).set("token", token)
                .set("until", until), COLLECTION).getModifiedCount() == 1;
    }

    private static Map<String, Object> keys(String collection, Set<Object> ids) {
        Map<String, Object> byKey = new LinkedHashMap<>();
        ids.forEach(id -> byKey.put(key(collection, id), id));
        return byKey;
    }

    static String key(String collection, Object id) {
        return collection + "/" + id;
    }
}
