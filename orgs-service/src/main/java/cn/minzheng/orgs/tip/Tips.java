package cn.minzheng.orgs.tip;

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

/** Tip-offs (collection {@code tips}). */
@Component
public class Tips extends AggregateCollection<Tip> {

    Tips(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, Tip.class, "tips", "tip");
    }

    @Override
    protected List<Index> indexes() {
        return List.of(index("division", "outcome"));
    }

    /** A division's tips, the open ones only when asked. */
    public List<Tip> find(DivisionCode division, boolean openOnly, long offset, int limit) {
        return page(query(division, openOnly), offset, limit);
    }

    public long count(DivisionCode division, boolean openOnly) {
        return mongo.count(query(division, openOnly), collection);
    }

    /** Tips of a division received in a period, by outcome ("null" for the open ones). */
    public java.util.SortedMap<String, Long> countByOutcome(DivisionCode division, java.time.Instant from,
            java.time.Instant until) {
        return countBy(new Query(within(division).and("receivedAt").gte(from).lt(until)), "outcome");
    }

    private static Query query(DivisionCode division, boolean openOnly) {
        Criteria criteria = within(division);
        return new Query(openOnly ? criteria.and("outcome").isNull() : criteria);
    }
}
