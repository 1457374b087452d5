package cn.minzheng.eldercare.facility;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.util.List;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxWrites;
import cn.minzheng.platform.identity.DivisionCode;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Facilities (collection {@code facilities}). */
@Component
public class Facilities extends AggregateCollection<Facility> {

    Facilities(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, Facility.class, "facilities", "facility");
    }

    /** One index per query shape below that does not go by {@code _id}. */
    @Override
    protected List<Index> indexes() {
        return List.of(index("division", "type"), index("division", "operator.contractEnds"),
                index("operator.creditCode"), index("division", "operatorSuspension.revokedOn"));
    }

    /** The facilities run by an organisation. */
    public List<Facility> operatedBy(String creditCode) {
        return mongo.find(new Query(Criteria.where("operator.creditCode").is(creditCode)), Facility.class,
                collection);
    }

    /** The division's facilities whose operator lost its registration (the officers' worklist). */
    public List<Facility> withSuspendedOperator(DivisionCode division, long offset, int limit) {
        return page(suspended(division), offset, limit);
    }

    public long countWithSuspendedOperator(DivisionCode division) {
        return mongo.count(suspended(division), Facility.class, collection);
    }

    private static Query suspended(DivisionCode division) {
        return new Query(within(division).and("operatorSuspension.revokedOn").exists(true));
    }

    /** A page of the facilities of the division whose operator's contract ends by the day, soonest first. */
    public List<Facility> contractsEndingBy(DivisionCode division, java.time.LocalDate day, long offset, int limit) {
        return mongo.find(contractsEnding(division, day)
                .with(org.springframework.data.domain.Sort.by("operator.contractEnds", "_id")).skip(offset)
                .limit(limit), Facility.class, collection);
    }

    public long countContractsEndingBy(DivisionCode division, java.time.LocalDate day) {
        return mongo.count(contractsEnding(division, day), Facility.class, collection);
    }

    private static Query contractsEnding(DivisionCode division, java.time.LocalDate day) {
        return new Query(within(division).and("operator.contractEnds").lte(day));
    }

    /** A division's facilities, of a type or all, paged by id. */
    public List<Facility> find(DivisionCode division, FacilityType type, long offset, int limit) {
        return page(query(division, type), offset, limit);
    }

    public long count(DivisionCode division, FacilityType type) {
        return mongo.count(query(division, type), collection);
    }

    private Query query(DivisionCode division, FacilityType type) {
        Criteria criteria = within(division);
        if (type != null) {
            criteria = criteria.and("type").is(type);
        }
        return new Query(criteria);
    }
}
