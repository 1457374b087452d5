package cn.minzheng.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import cn.minzheng.platform.store.CollectionIndexes;
import cn.minzheng.platform.store.DeclaresIndexes;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Appends to and reads the chain. Appending needs no transaction: the next sequence number is the record's
 * {@code _id}, so when two instances race for it the database refuses the second insert and it retries on the
 * new head. Records are never updated or deleted by the platform; retention is at least 180 days (no TTL index).
 */
public class AuditTrail implements DeclaresIndexes {

    private static final int MAX_ATTEMPTS = 50;

    private final MongoTemplate mongo;
    /** The last record this instance wrote: the next append tries to chain onto it without reading the head. */
    private volatile AuditRecord lastWritten;
    private final ReentrantLock appending = new ReentrantLock();

    public AuditTrail(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The auditors' queries: by period, by actor, and a citizen's own records by personRef. */
    @Override
    public CollectionIndexes indexDeclaration() {
        return DeclaresIndexes.indexes("audit", DeclaresIndexes.index("at"), DeclaresIndexes.index("actor"),
                DeclaresIndexes.index("subjectRef"));
    }

    /**
     * Appends one record. Within an instance appends take turns (a lock), so the threads of a burst do not race
     * each other for the same sequence number: under 5,000 concurrent requests that race cost every request up
     * to 50 failed inserts and head reads. Between instances the unique sequence still decides; the loser walks
     * forward from the number it lost to the new head by id, instead of sorting the collection.
     */
    public AuditRecord append(AuditEntry entry) {
        appending.lock();
        try {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                Optional<AuditRecord> head = Optional.ofNullable(lastWritten).or(this::head);
                AuditRecord next = AuditRecord.chain(head.map(r -> r.sequence() + 1).orElse(1L),
                        head.map(AuditRecord::hash).orElse(AuditRecord.GENESIS), entry);
                try {
                    lastWritten = mongo.insert(next);
                    return next;
                } catch (DuplicateKeyException raced) {
                    // another instance took this sequence number: chain onto the newest record from there on
                    lastWritten = headFrom(next.sequence());
                }
            }
        } finally {
            appending.unlock();
        }
        throw new IllegalStateException("could not append to the audit trail after " + MAX_ATTEMPTS + " attempts");
    }

    /** The newest record, found by walking forward from a sequence number known to be taken. */
    private AuditRecord headFrom(long taken) {
        AuditRecord newest = null;
        for (long sequence = taken; ; sequence++) {
            AuditRecord record = mongo.findById(sequence, AuditRecord.class);
            if (record == null) {
                return newest;
            }
            newest = record;
        }
    }

    /**
     * The newest record, without sorting the trail: sequence numbers run 1, 2, 3... without gaps (records are never
     * deleted), so the head is found by doubling and then halving a sequence number, about 2 log2(n) reads by
     * {@code _id}: 40 for a trail of a million records, on the embedded store as on MongoDB.
     */
    private Optional<AuditRecord> head() {
        if (!taken(1)) {
            return Optional.empty();
        }
        long low = 1;
        long high = 2;
        while (taken(high)) {
            low = high;
            high *= 2;
        }
        // taken(low) and not taken(high): the head lies in [low, high).
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (taken(middle)) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return Optional.ofNullable(mongo.findById(low, AuditRecord.class));
    }

    private boolean taken(long sequence) {
        return cn.minzheng.platform.store.ById.exists(mongo, "audit", sequence);
    }

    public List<AuditRecord> find(AuditQuery query, long offset, int limit) {
        return mongo.find(query.toQuery().with(Sort.by("_id")).skip(offset).limit(limit), AuditRecord.class);
    }

    public long count(AuditQuery query) {
        return mongo.count(query.toQuery(), AuditRecord.class);
    }

    /** Walks the chain from the start and reports the first record whose link or content does not hold. */
    public Verification verify() {
        long expected = 1;
        String previous = AuditRecord.GENESIS;
        try (var records = mongo.stream(new Query().with(Sort.by("_id")), AuditRecord.class)) {
            for (var iterator = records.iterator(); iterator.hasNext(); expected++) {
                AuditRecord record = iterator.next();
                if (record.sequence() != expected) {
                    return Verification.broken(expected - 1, expected, "record " + expected + " is missing");
                }
                if (!record.previousHash().equals(previous)) {
                    return Verification.broken(expected - 1, expected, "link to the previous record is broken");
                }
                if (!record.hashMatches()) {
                    return Verification.broken(expected - 1, expected, "record content was changed");
                }
                previous = record.hash();
            }
        }
        return new Verification(true, expected - 1, null, null);
    }

    /**
     * @param firstBroken the sequence number of the first record that fails, if any
     */
    public record Verification(boolean intact, long recordsChecked, Long firstBroken, String reason) {

        static Verification broken(long checked, long sequence, String reason) {
            return new Verification(false, checked, sequence, reason);
        }
    }

    /** Filters of {@code GET /audit}; any may be null. */
    public record AuditQuery(Instant from, Instant to, String actor, String subjectRef) {

        Query toQuery() {
            Criteria criteria = new Criteria();
            if (from != null || to != null) {
                Criteria at = Criteria.where("at");
                if (from != null) {
                    at = at.gte(from);
                }
                if (to != null) {
                    at = at.lt(to);
                }
                criteria = at;
            }
            Query query = new Query(criteria);
            if (actor != null) {
                query.addCriteria(Criteria.where("actor").is(actor));
            }
            if (subjectRef != null) {
                query.addCriteria(Criteria.where("subjectRef").is(subjectRef));
            }
            return query;
        }
    }
}
