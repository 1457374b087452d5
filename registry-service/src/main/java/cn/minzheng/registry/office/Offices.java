package cn.minzheng.registry.office;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.util.List;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.events.OutboxWrites;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Registry offices (collection {@code offices}). */
@Component
public class Offices extends AggregateCollection<Office> {

    Offices(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, Office.class, "offices", "office");
    }

    /** One index per query shape below that does not go by {@code _id}. */
    @Override
    protected List<Index> indexes() {
        return List.of(index("division"));
    }

    public List<Office> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Office.class, collection);
    }

    public List<Office> inDivision(DivisionCode division) {
        return mongo.find(new Query(within(division)).with(Sort.by("_id")),
                Office.class, collection);
    }
}
