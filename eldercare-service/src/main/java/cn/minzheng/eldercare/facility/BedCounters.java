package cn.minzheng.eldercare.facility;

import java.util.EnumMap;
import java.util.Map;

import cn.minzheng.platform.store.CollectionIndexes;
import cn.minzheng.platform.store.DeclaresIndexes;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The free beds of each facility by type, one document per facility ({@code _id} = facility id). A bed is taken by
 * one conditional update ({@code free.<type> > 0}, then {@code $inc -1}), which the store applies atomically to
 * the single document: however many instances admit at once, a facility never holds more residents than beds
 * (the same rule as registry's appointment places). Given back with the matching {@code $inc +1}, never above the
 * facility's beds of that type.
 */
@Component
public class BedCounters implements DeclaresIndexes {

    static final String COLLECTION = "bed_counters";

    private final MongoTemplate mongo;

    BedCounters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public CollectionIndexes indexDeclaration() {
        return DeclaresIndexes.indexes(COLLECTION);
    }

    /** Opens the counters of a new facility with all its beds free (a repeat changes nothing). */
    public void open(Facility facility) {
        Update update = new Update();
        for (BedType type : BedType.values()) {
            update.setOnInsert("free." + type, facility.beds(type));
        }
        mongo.upsert(new Query(Criteria.where("_id").is(facility.id())), update, COLLECTION);
    }

    /** Takes one free bed of the type; false when none is left. */
    public boolean take(String facilityId, BedType type) {
        return mongo.updateFirst(new Query(Criteria.where("_id").is(facilityId).and("free." + type).gt(0)),
                new Update().inc("free." + type, -1), COLLECTION).getModifiedCount() == 1;
    }

    /** Frees a bed: a discharge, or an admission that did not complete. */
    public void giveBack(Facility facility, BedType type) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(facility.id()).and("free." + type)
                .lt(facility.beds(type))), new Update().inc("free." + type, 1), COLLECTION);
    }

    /** Free beds by type (all beds free when the facility has no counters yet). */
    public Map<BedType, Integer> free(Facility facility) {
        Document counters = mongo.findById(facility.id(), Document.class, COLLECTION);
        Map<BedType, Integer> free = new EnumMap<>(BedType.class);
        for (BedType type : BedType.values()) {
            Object stored = counters == null ? null : ((Document) counters.get("free", Document.class)).get(type.name());
            free.put(type, stored == null ? facility.beds(type) : ((Number) stored).intValue());
        }
        return free;
    }
}
