package cn.minzheng.registry.appointment;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;

import cn.minzheng.registry.office.Office;
import cn.minzheng.registry.office.TimeBand;

import org.springframework.dao.DuplicateKeyException;
import cn.minzheng.platform.store.CollectionIndexes;
import cn.minzheng.platform.store.DeclaresIndexes;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The places of each office, date and band, one document per slot with its {@code remaining} count. A place is
 * taken by one conditional update ({@code remaining > 0}, then {@code $inc -1}), which the store applies atomically
 * to the single document: however many instances book at once, the count never goes below zero, so a slot is never
 * overbooked. A slot document is created from the office's band the first time someone books it.
 */
@Component
public class Slots implements DeclaresIndexes {

    static final String COLLECTION = "slots";

    private final MongoTemplate mongo;
    /** Slot documents this instance knows exist (never deleted), so a burst does not upsert them on every try. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    /**
     * Slots this instance found full, until when (the service clock's millis). When a popular date sells out, thousands of
     * later attempts are answered from here instead of each trying the store. A place given back on another
     * instance is offered here again after at most {@link #FULL_REMEMBERED}; given back here, at once.
     */
    private final Map<String, Long> fullUntil = new ConcurrentHashMap<>();
    static final Duration FULL_REMEMBERED = Duration.ofSeconds(2);

    private final Clock clock;

    Slots(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public record Place(String slot, int capacity, int remaining) {
    }

    static String id(String officeId, LocalDate date, String slot) {
        return officeId + "/" + date + "/" + slot;
    }

    /** Creates the day's slot documents that do not exist yet (concurrent creators: the first one wins). */
    public void open(Office office, LocalDate date) {
        for (TimeBand band : office.bands()) {
            String id = id(office.id(), date, band.slot());
            if (known.contains(id)) {
                continue;
            }
            try {
                mongo.upsert(new Query(Criteria.where("_id").is(id)),
                        new Update().setOnInsert("officeId", office.id()).setOnInsert("date", date.toString())
                                .setOnInsert("slot", band.slot()).setOnInsert("capacity", band.capacity())
                                .setOnInsert("remaining", band.capacity()),
                        COLLECTION);
            } catch (DuplicateKeyException createdByAnother) {
                // another request created it first: exactly what was wanted
            }
            known.add(id);
        }
    }

    /** Takes one place; false when none is left. */
    boolean take(String officeId, LocalDate date, String slot) {
        String id = id(officeId, date, slot);
        Long full = fullUntil.get(id);
        if (full != null && clock.millis() < full) {
            return false;
        }
        boolean taken = mongo.updateFirst(new Query(Criteria.where("_id").is(id).and("remaining").gt(0)),
                new Update().inc("remaining", -1), COLLECTION).getModifiedCount() == 1;
        if (taken) {
            fullUntil.remove(id);
        } else {
            fullUntil.put(id, clock.millis() + FULL_REMEMBERED.toMillis());
        }
        return taken;
    }

    void giveBack(String officeId, LocalDate date, String slot) {
        String id = id(officeId, date, slot);
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)), new Update().inc("remaining", 1), COLLECTION);
        fullUntil.remove(id);
    }

    /** The office's places on a date; bands nobody has booked yet show their full capacity (reading writes nothing). */
    public List<Place> places(Office office, LocalDate date) {
        Map<String, Document> stored = mongo.find(new Query(Criteria.where("officeId").is(office.id()).and("date")
                .is(date.toString())), Document.class, COLLECTION).stream()
                .collect(Collectors.toMap(d -> d.getString("slot"), Function.identity()));
        return office.bands().stream().map(band -> {
            Document slot = stored.get(band.slot());
            return slot == null ? new Place(band.slot(), band.capacity(), band.capacity())
                    : new Place(band.slot(), slot.getInteger("capacity"), slot.getInteger("remaining"));
        }).toList();
    }

    /** The day's places at an office; everything else goes by {@code _id}. */
    @Override
    public CollectionIndexes indexDeclaration() {
        return DeclaresIndexes.indexes(COLLECTION, DeclaresIndexes.index("officeId", "date"));
    }
}
