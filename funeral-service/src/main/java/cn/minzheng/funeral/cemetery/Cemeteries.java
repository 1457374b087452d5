package cn.minzheng.funeral.cemetery;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.util.List;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxWrites;
import cn.minzheng.platform.identity.DivisionCode;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Cemeteries (collection {@code cemeteries}). */
@Component
public class Cemeteries extends AggregateCollection<Cemetery> {

    Cemeteries(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, Cemetery.class, "cemeteries", "cemetery");
    }

    @Override
    protected List<Index> indexes() {
        return List.of(index("division"));
    }

    public List<Cemetery> find(DivisionCode division, long offset, int limit) {
        return page(new Query(within(division)), offset, limit);
    }

    public long count(DivisionCode division) {
        return mongo.count(new Query(within(division)), collection);
    }
}
