package cn.minzheng.orgs.inspection;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.util.Collection;
import java.util.List;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxWrites;
import cn.minzheng.platform.identity.DivisionCode;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Declared inspector ties (collection {@code inspector_ties}), by id {@code <inspector>|<orgId>}. */
@Component
public class InspectorTies extends AggregateCollection<InspectorTie> {

    InspectorTies(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, InspectorTie.class, "inspector_ties", "inspector-tie");
    }

    @Override
    protected List<Index> indexes() {
        return List.of(index("inspector"), index("division"));
    }

    /** The ties of a pool's inspectors: the exclusions of a draw. */
    public List<InspectorTie> of(Collection<String> inspectors) {
        return mongo.find(new Query(Criteria.where("inspector").in(inspectors)), InspectorTie.class, collection);
    }

    public List<InspectorTie> find(DivisionCode division, long offset, int limit) {
        return page(new Query(within(division)), offset, limit);
    }

    public long count(DivisionCode division) {
        return mongo.count(new Query(within(division)), collection);
    }
}
