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

/** Eco-burial ceremonies (collection {@code eco_ceremonies}), listed by division. */
@Component
public class EcoCeremonies extends AggregateCollection<EcoCeremony> {

    EcoCeremonies(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, EcoCeremony.class, "eco_ceremonies", "eco-ceremony");
    }

    @Override
    protected List<Index> indexes() {
        return List.of(index("division", "on"));
    }

    public List<EcoCeremony> find(DivisionCode division, long offset, int limit) {
        return page(new Query(within(division)), offset, limit);
    }

    public long count(DivisionCode division) {
        return mongo.count(new Query(within(division)), collection);
    }
}
