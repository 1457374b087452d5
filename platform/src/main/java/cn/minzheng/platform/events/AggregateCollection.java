package cn.minzheng.platform.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.store.CollectionIndexes;
import cn.minzheng.platform.store.DeclaresIndexes;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A collection of one kind of aggregate, named as the collection it is ({@code Households}, {@code Payrolls}): read
 * by id (404 problem when unknown), and written only through {@link OutboxWrites}, so every save keeps state and
 * events together and refuses a stale version. Subclasses add the queries their feature needs.
 */
public abstract class AggregateCollection<T extends OutboxAggregate> implements DeclaresIndexes {

    protected final MongoTemplate mongo;
    protected final String collection;
    private final OutboxWrites writes;
    private final Class<T> type;
    private final String noun;

    protected AggregateCollection(MongoTemplate mongo, OutboxWrites writes, Class<T> type, String collection,
            String noun) {
        this.mongo = mongo;
        this.writes = writes;
        this.type = type;
        this.collection = collection;
        this.noun = noun;
    }

    /**
     * The indexes this collection's queries need on a real MongoDB, one per query shape not by {@code _id}
     * (created at start; {@code IndexCoverageTest} checks every shape the tests sent has one). Build them with
     * {@link DeclaresIndexes#index}.
     */
    protected List<Index> indexes() {
        return List.of();
    }

    /**
     * This collection's indexes and the relay's: a partial index on documents with pending events, so that the
     * relay's claim reads only those on a real MongoDB.
     */
    @Override
    public final CollectionIndexes indexDeclaration() {
        Index pending = DeclaresIndexes.index("outbox.0")
                .partial(PartialIndexFilter.of(Criteria.where("outbox.0").exists(true)));
        List<Index> all = new ArrayList<>(indexes());
        all.add(pending);
        return new CollectionIndexes(collection, all);
    }

    /** The MongoDB collection, which the outbox relay watches. */
    public String collectionName() {
        return collection;
    }

    /**
     * Records whose {@code division} lies inside the given one, at any level of GB/T 2260 (a province's records
     * too). The one way a collection scopes by division: an anchored prefix, which an index on {@code division}
     * serves.
     */
    protected static Criteria within(DivisionCode division) {
        return within("division", division);
    }

    /** The same on another field that holds a division code (a funeral home's, a household registration's). */
    protected static Criteria within(String field, DivisionCode division) {
        return Criteria.where(field).regex("^" + division.scopePrefix());
    }

    /**
     * How many records of a query there are per value of {@code fields} (joined by '|'), streamed in batches with
     * only those fields read: statistics never load a whole collection, nor whole records.
     */
    protected java.util.SortedMap<String, Long> countBy(Query query, String... fields) {
        query.fields().include(fields);
        java.util.SortedMap<String, Long> counts = new java.util.TreeMap<>();
        try (var documents = mongo.stream(query.cursorBatchSize(2_000), org.bson.Document.class, collection)) {
            documents.forEach(document -> counts.merge(java.util.Arrays.stream(fields)
                    .map(field -> String.valueOf(document.get(field))).collect(java.util.stream.Collectors.joining("|")),
                    1L, Long::sum));
        }
        return counts;
    }

    /** One page of a query, in a stable order (by {@code _id}, so paging never skips or repeats a record). */
    protected List<T> page(Query query, long offset, int limit) {
        return mongo.find(query.with(Sort.by("_id")).skip(offset).limit(limit), type, collection);
    }

    /** Records within the division and, when a value is given, with {@code field} equal to it (a worklist's filter). */
    protected static Query within(DivisionCode division, String field, Object value) {
        return new Query(value == null ? within(division) : Criteria.where(field).is(value).andOperator(
                within(division)));
    }

    /** One page of a query, the latest by {@code field} first (then by {@code _id}, so paging never repeats). */
    protected List<T> latestFirst(Query query, String field, long offset, int limit) {
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, field, "_id")).skip(offset).limit(limit), type,
                collection);
    }

    protected long count(Query query) {
        return mongo.count(query, type, collection);
    }

    public Optional<T> find(String id) {
        return Optional.ofNullable(mongo.findById(id, type, collection));
    }

    /**
     * The aggregates with these ids that exist, by id, in one query: what a loop of {@link #find} would read, in one
     * round trip instead of one per id.
     */
    public java.util.Map<String, T> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, T> found = new java.util.HashMap<>();
        for (T aggregate : mongo.find(new org.springframework.data.mongodb.core.query.Query(
                Criteria.where("_id").in(ids)), type, collection)) {
            found.put(aggregate.id(), aggregate);
        }
        return found;
    }

    public T get(String id) {
        return find(id).orElseThrow(() -> Refusal.notFound("not-found", Refusal.term(noun), id).as("not-found.id"));
    }

    /** A new aggregate; its id must be new ({@link DuplicateKeyException} otherwise). */
    public void insert(T aggregate) {
        writes.insert(aggregate, collection);
    }

    /** False when an aggregate with this (derived) id exists already: a retried command found its earlier result. */
    public boolean insertIfAbsent(T aggregate) {
        try {
            writes.insert(aggregate, collection);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    /** Many new aggregates in one bulk write; existing ids are skipped. Returns how many were new. */
    public int insertAllNew(Collection<? extends T> aggregates) {
        return writes.insertAllNew(aggregates, collection);
    }

    /**
     * One conditional update on {@code {_id, version}} (MongoDB's optimistic concurrency): a writer that read an
     * older version, however long ago, is refused ({@code OptimisticLockingFailureException}) and overwrites nothing.
     */
    public void save(T aggregate) {
        writes.update(aggregate, aggregate.id(), collection);
    }
}
