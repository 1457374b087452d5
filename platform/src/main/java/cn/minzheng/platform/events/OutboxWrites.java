package cn.minzheng.platform.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import com.mongodb.MongoBulkWriteException;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Saves an aggregate and its registered events in one single-document write (there are no transactions): state
 * fields are set and events pushed onto {@code outbox} only if the version is still the one read, so a state change
 * and its event are never separated and concurrent edits never overwrite each other. Never a whole-document
 * replace: the relay removes published events from the same document meanwhile.
 */
public class OutboxWrites {

    /** Fields the relay owns or this class maintains; state writes leave them alone. */
    private static final Set<String> NOT_STATE = Set.of("_id", "_class", "version", "outbox", "outboxLease");

    private final MongoTemplate mongo;
    private final BiConsumer<String, List<Object>> eventsWritten;
    private final BiConsumer<String, List<Object>> bulkWritten;

    /**
     * {@code eventsWritten} is told the collection and the ids of the documents after every write that added events
     * (the relay then reads exactly those documents, by {@code _id}); {@code bulkWritten} after a bulk insert (the
     * relay may hold a bulk writer back until delivery keeps up).
     */
    public OutboxWrites(MongoTemplate mongo, BiConsumer<String, List<Object>> eventsWritten,
            BiConsumer<String, List<Object>> bulkWritten) {
        this.mongo = mongo;
        this.eventsWritten = eventsWritten;
        this.bulkWritten = bulkWritten;
    }

    /** Inserts a new aggregate (version 0) with its first events; a duplicate id is a {@link DuplicateKeyException}. */
    public void insert(OutboxAggregate aggregate, String collection) {
        boolean hasEvents = !aggregate.registeredEvents().isEmpty();
        Document document = newDocument(aggregate);
        mongo.insert(document, collection);
        aggregate.saved(1);
        if (hasEvents) {
            eventsWritten.accept(collection, List.of(document.get("_id")));
        }
    }

    /**
     * Inserts many new aggregates in one bulk write; those whose id already exists are skipped (so re-running a
     * batch creates nothing twice). Returns how many were new.
     */
    public int insertAllNew(Collection<? extends OutboxAggregate> aggregates, String collection) {
        if (aggregates.isEmpty()) {
            return 0;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        List<Object> ids = new ArrayList<>(aggregates.size());
        boolean hasEvents = false;
        for (OutboxAggregate aggregate : aggregates) {
            hasEvents |= !aggregate.registeredEvents().isEmpty();
            Document document = newDocument(aggregate);
            ids.add(document.get("_id"));
            bulk.insert(document);
        }
        int inserted;
        try {
            inserted = bulk.execute().getInsertedCount();
        } catch (org.springframework.data.mongodb.BulkOperationException e) {
            boolean onlyDuplicates = e.getErrors().stream().allMatch(error -> error.getCode() == 11000);
            if (!onlyDuplicates) {
                throw e;
            }
            inserted = e.getResult().getInsertedCount();
        } catch (DuplicateKeyException e) {
            if (!(e.getCause() instanceof MongoBulkWriteException bulkError)) {
                throw e;
            }
            inserted = bulkError.getWriteResult().getInsertedCount();
        }
        aggregates.forEach(aggregate -> aggregate.saved(1));
        if (hasEvents) {
            bulkWritten.accept(collection, ids);
        }
        return inserted;
    }

    /** Writes the state and appends the registered events, unless someone else saved since this was read. */
    public void update(OutboxAggregate aggregate, Object id, String collection) {
        write(aggregate, id, collection);
    }

    private void write(OutboxAggregate aggregate, Object id, String collection) {
        Document state = new Document();
        mongo.getConverter().write(aggregate, state);
        Update update = new Update().inc("version", 1);
        state.forEach((field, value) -> {
            if (!NOT_STATE.contains(field)) {
                update.set(field, value);
            }
        });
        // Fields the aggregate no longer has (null) are removed rather than left stale.
        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(aggregate.getClass())
                .forEach(property -> {
                    if (!NOT_STATE.contains(property.getFieldName()) && !state.containsKey(property.getFieldName())
                            && !property.isTransient()) {
                        update.unset(property.getFieldName());
                    }
                });
        List<Document> events = aggregate.registeredEvents().stream().map(OutboxWrites::toDocument).toList();
        if (!events.isEmpty()) {
            update.push("outbox").each(events.toArray());
        }
        Criteria selection = Criteria.where("_id").is(id);
        long modified = mongo.updateFirst(new Query(selection.and("version").is(aggregate.version())), update,
                collection).getModifiedCount();
        if (modified == 0) {
            throw new OptimisticLockingFailureException("changed concurrently");
        }
        aggregate.saved(aggregate.version() + 1);
        if (!events.isEmpty()) {
            eventsWritten.accept(collection, List.of(id));
        }
    }

    private Document newDocument(OutboxAggregate aggregate) {
        Document document = new Document();
        mongo.getConverter().write(aggregate, document);
        document.remove("_class");
        document.put("version", 1L);
        document.put("outbox", aggregate.registeredEvents().stream().map(OutboxWrites::toDocument).toList());
        return document;
    }

    /** Explicit field names: the relay reads exactly these ({@code id}, not a mapped {@code _id}). */
    static Document toDocument(OutboxEvent event) {
        Document document = new Document("id", event.id()).append("type", event.type())
                .append("subject", event.subject()).append("time", Date.from(event.time()))
                .append("data", new Document(event.data()));
        if (event.traceparent() != null) {
            document.append("traceparent", event.traceparent());
        }
        return document;
    }
}
