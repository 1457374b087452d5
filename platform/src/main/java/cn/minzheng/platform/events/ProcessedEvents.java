package cn.minzheng.platform.events;

import java.time.Clock;
import java.util.Date;

import org.bson.Document;

import cn.minzheng.platform.store.ById;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The ledger that makes a consumer idempotent: the ids of the events this service has acted on, by {@code _id}
 * (one index lookup on every store). {@link EventInbox} reads it before the work and writes it after, so a
 * redelivery is skipped without touching any aggregate.
 */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;
    private final Clock clock;

    public ProcessedEvents(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public boolean seen(String eventId) {
        return ById.exists(mongo, COLLECTION, eventId);
    }

    /** Records that the work of this event is done; a second record of the same id is harmless. */
    public void record(IncomingEvent event) {
        try {
            mongo.insert(new Document("_id", event.id()).append("type", event.type())
                    .append("at", Date.from(clock.instant())), COLLECTION);
        } catch (DuplicateKeyException alreadyRecorded) {
            // Two deliveries of one event raced past the check; both did idempotent work, one record is enough.
        }
    }
}
