package cn.minzheng.platform.events;

import java.util.Collection;
import java.util.Optional;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * A collection of one kind of aggregate, named as the collection it is ({@code Households}, {@code Payrolls}): read
 * by id (404 problem when unknown), and written only through {@link OutboxWrites}, so every save keeps state and
 * events together and refuses a stale version. Subclasses add the queries their feature needs.
 */
public abstract class AggregateCollection<T extends OutboxAggregate> {

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
        return Criteria.where("division").regex("^" + division.scopePrefix());
    }

    public Optional<T> find(String id) {
        return Optional.ofNullable(mongo.findById(id, type, collection));
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

    public void save(T aggregate) {
        writes.update(aggregate, aggregate.id(), collection);
    }
}
