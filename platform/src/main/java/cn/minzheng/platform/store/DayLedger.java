package cn.minzheng.platform.store;

import java.time.LocalDate;
import java.util.Optional;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A projection that keeps one day per key, in its own collection, read and written by {@code _id} only: the first
 * day recorded stays (a redelivered or repeated event changes nothing), and a removal forgets the key (removing twice
 * changes nothing). Services keep their own record of another service's facts with it, e.g. who died on which day,
 * by personRef; the meaning of the day stays with the service.
 */
public final class DayLedger {

    private final MongoTemplate mongo;
    private final String collection;
    private final String dayField;

    /** {@code dayField}: the day's name in the stored documents, e.g. {@code dateOfDeath}. */
    public DayLedger(MongoTemplate mongo, String collection, String dayField) {
        this.mongo = mongo;
        this.collection = collection;
        this.dayField = dayField;
    }

    /** Records the day once, with the event that told it (for tracing). */
    public void record(String key, LocalDate day, String eventId) {
        mongo.upsert(new Query(Criteria.where("_id").is(key)), new Update().setOnInsert(dayField, day.toString())
                .setOnInsert("eventId", eventId), collection);
    }

    public void remove(String key) {
        mongo.remove(new Query(Criteria.where("_id").is(key)), collection);
    }

    public boolean has(String key) {
        return ById.exists(mongo, collection, key);
    }

    public Optional<LocalDate> dayOf(String key) {
        Document entry = mongo.findById(key, Document.class, collection);
        return Optional.ofNullable(entry).map(e -> e.getString(dayField)).map(LocalDate::parse);
    }
}
