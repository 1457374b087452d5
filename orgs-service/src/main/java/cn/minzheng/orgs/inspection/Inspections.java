package cn.minzheng.orgs.inspection;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.util.List;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxWrites;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Inspection results (collection {@code inspections}), by id {@code <planId>-<credit code>}. */
@Component
public class Inspections extends AggregateCollection<Inspection> {

    Inspections(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, Inspection.class, "inspections", "inspection");
    }

    @Override
    protected List<Index> indexes() {
        return List.of(index("planId"), index("division", "inspectedOn"));
    }

    /** The results entered for a plan. */
    public List<Inspection> ofPlan(String planId) {
        return mongo.find(new Query(Criteria.where("planId").is(planId)), Inspection.class, collection);
    }

    /** Results of a division's inspections made in a period, by outcome. */
    public java.util.SortedMap<String, Long> countByOutcome(cn.minzheng.platform.identity.DivisionCode division,
            java.time.LocalDate from, java.time.LocalDate to) {
        return countBy(new Query(within(division).and("inspectedOn").gte(from).lte(to)), "outcome");
    }

    /** The results entered for any of these plans. */
    public List<Inspection> ofPlans(java.util.Collection<String> planIds) {
        return mongo.find(new Query(Criteria.where("planId").in(planIds)), Inspection.class, collection);
    }

    public boolean anyFor(String planId) {
        return mongo.findOne(new Query(Criteria.where("planId").is(planId)).limit(1), Inspection.class,
                collection) != null;
    }
}
