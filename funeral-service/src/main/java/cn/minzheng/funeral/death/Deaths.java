package cn.minzheng.funeral.death;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxWrites;
import cn.minzheng.platform.identity.DivisionCode;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Deaths (collection {@code deaths}, id {@code death-<personRef>}); listed by the funeral home's division. */
@Component
public class Deaths extends AggregateCollection<Death> {

    Deaths(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, Death.class, "deaths", "death");
    }

    @Override
    protected List<Index> indexes() {
        return List.of(index("funeralHomeDivision", "dateOfDeath"));
    }

    public List<Death> find(DivisionCode division, LocalDate from, LocalDate to, long offset, int limit) {
        return page(filter(division, from, to), offset, limit);
    }

    public long count(DivisionCode division, LocalDate from, LocalDate to) {
        return mongo.count(filter(division, from, to), collection);
    }

    public Stream<Death> between(DivisionCode division, LocalDate from, LocalDate to) {
        return mongo.stream(filter(division, from, to).cursorBatchSize(500), Death.class, collection);
    }

    private static Query filter(DivisionCode division, LocalDate from, LocalDate to) {
        Query query = new Query(within("funeralHomeDivision", division));
        if (from != null && to != null) {
            query.addCriteria(Criteria.where("dateOfDeath").gte(from).lte(to));
        }
        return query;
    }
}
