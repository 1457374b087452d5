package cn.minzheng.platform.claims;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * At most one holder per key, kept with single-document atomicity only (the embedded store has no transactions,
 * DESIGN.md §3): a claim is a document {@code {_id: key, holder}}, so the unique {@code _id} decides races between
 * instances. A claim can outlive its holder (a crash between the claim and the holder's own write, or a holder that
 * let go without releasing); the caller's {@code stillHolds(holder, key)} tells, and a stale claim is taken over
 * with a conditional update, so two takers cannot both win.
 */
public final class ExclusiveClaims {

    private final MongoTemplate mongo;
    private final String collection;
    private final Duration inFlight;

    /** For holders written before they claim: a claim always points at an existing holder. */
    public ExclusiveClaims(MongoTemplate mongo, String collection) {
        this(mongo, collection, Duration.ZERO);
    }

    /**
     * For holders written after they claim: a claim younger than {@code inFlight} is live even though its holder
     * is not there yet (its request is still running), so a concurrent claimer cannot mistake it for a leftover.
     */
    public ExclusiveClaims(MongoTemplate mongo, String collection, Duration inFlight) {
        this.mongo = mongo;
        this.collection = collection;
        this.inFlight = inFlight;
    }

    /** A key already held by someone else. */
    public record Conflict(String key, String holder) {
    }

    /** Claims the key for the holder; the conflict when another live holder has it. Claiming twice is a no-op. */
    public Optional<Conflict> claim(String key, String holder, BiPredicate<String, String> stillHolds) {
        try {
            mongo.insert(new Document("_id", key).append("holder", holder).append("at", new Date()), collection);
            return Optional.empty();
        } catch (DuplicateKeyException taken) {
            Document claim = mongo.findById(key, Document.class, collection);
            if (claim == null) {
                return claim(key, holder, stillHolds);
            }
            String current = claim.getString("holder");
            if (holder.equals(current)) {
                return Optional.empty();
            }
            Date at = claim.getDate("at");
            boolean young = at != null && at.toInstant().isAfter(Instant.now().minus(inFlight));
            if (current != null && (young || stillHolds.test(current, key))) {
                return Optional.of(new Conflict(key, current));
            }
            long takenOver = mongo.updateFirst(new Query(Criteria.where("_id").is(key).and("holder").is(current)),
                    new Update().set("holder", holder).set("at", new Date()), collection).getModifiedCount();
            return takenOver == 1 ? Optional.empty() : claim(key, holder, stillHolds);
        }
    }

    /** Claims every key or none (the ones claimed so far are released on a conflict). */
    public Optional<Conflict> claimAll(List<String> keys, String holder, BiPredicate<String, String> stillHolds) {
        List<String> claimed = new ArrayList<>();
        for (String key : keys) {
            Optional<Conflict> conflict = claim(key, holder, stillHolds);
            if (conflict.isPresent()) {
                claimed.forEach(k -> release(k, holder));
                return conflict;
            }
            claimed.add(key);
        }
        return Optional.empty();
    }

    public Optional<String> holder(String key) {
        Document claim = mongo.findById(key, Document.class, collection);
        return Optional.ofNullable(claim).map(c -> c.getString("holder"));
    }

    /** Lets go of the key if this holder has it (a no-op otherwise, so it is safe to repeat). */
    public void release(String key, String holder) {
        mongo.remove(new Query(Criteria.where("_id").is(key).and("holder").is(holder)), collection);
    }
}
