package cn.minzheng.eldercare.resident;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.util.List;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxWrites;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Residents (collection {@code residents}). */
@Component
public class Residents extends AggregateCollection<Resident> {

    Residents(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, Resident.class, "residents", "resident");
    }

    /** One index per query shape below that does not go by {@code _id}. */
    @Override
    protected List<Index> indexes() {
        return List.of(index("elder.idNumber.personRef", "status"), index("facilityId", "status"),
                index("division", "admittedOn"), index("division", "dischargedOn"));
    }

    /** The person's stays that ended by their death (the after-death case asks whether one was here). */
    public List<Resident> deceasedOf(String personRef) {
        return mongo.find(new Query(Criteria.where("elder.idNumber.personRef").is(personRef).and("status")
                .is(Resident.Status.DISCHARGED).and("dischargeReason").is("DECEASED")), Resident.class, collection);
    }

    /** A facility's current residents, by admission. */
    public List<Resident> admittedAt(String facilityId, long offset, int limit) {
        return mongo.find(admitted(facilityId).with(Sort.by("_id")).skip(offset).limit(limit), Resident.class,
                collection);
    }

    public long countAdmittedAt(String facilityId) {
        return mongo.count(admitted(facilityId), Resident.class, collection);
    }

    private static Query admitted(String facilityId) {
        return new Query(Criteria.where("facilityId").is(facilityId).and("status").is(Resident.Status.ADMITTED));
    }
}
