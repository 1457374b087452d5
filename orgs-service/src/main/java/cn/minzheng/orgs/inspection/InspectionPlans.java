package cn.minzheng.orgs.inspection;

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

/** Inspection plans (collection {@code inspection_plans}). */
@Component
public class InspectionPlans extends AggregateCollection<InspectionPlan> {

    InspectionPlans(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, InspectionPlan.class, "inspection_plans", "inspection-plan");
    }

    @Override
    protected List<Index> indexes() {
        return List.of(index("division", "year"), index("pool", "year"));
    }

    /** A division's plans (and those of the divisions inside it), of one year when given. */
    public List<InspectionPlan> find(DivisionCode division, Integer year, long offset, int limit) {
        return page(query(division, year), offset, limit);
    }

    public long count(DivisionCode division, Integer year) {
        return mongo.count(query(division, year), collection);
    }

    /** The plans of a year or later whose pool holds this inspector (a person's plans are few). */
    public List<InspectionPlan> withInspector(String inspector, int fromYear) {
        return mongo.find(new Query(Criteria.where("pool").is(inspector).and("year").gte(fromYear)),
                InspectionPlan.class, collection);
    }

    private static Query query(DivisionCode division, Integer year) {
        Criteria criteria = within(division);
        return new Query(year == null ? criteria : criteria.and("year").is(year));
    }
}
