package cn.minzheng.platform.events;

import java.time.Clock;
import java.util.Date;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The ledger that makes a consumer idempotent: an event id is recorded once ({@code _id} is unique), so a
 * redelivered event is recognised and skipped. Record it in the same single-document write as the effect where
 * the effect is not naturally idempotent, or just before an idempotent upsert.
 */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;
    private final Clock clock;

    public ProcessedEvents(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** True the first time this event id is seen; false for every redelivery. */
    public boolean firstDelivery(IncomingEvent event) {
        try {
            mongo.insert(new Document("_id", event.id()).append("type", event.type())
                    .append("at", Date.from(clock.instant())), COLLECTION);
            return true;
        } catch (DuplicateKeyException redelivered) {
            return false;
        }
    }
}
