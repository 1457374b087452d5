package cn.minzheng.assistance.child;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.util.List;
import java.util.stream.Stream;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxWrites;
import cn.minzheng.platform.identity.DivisionCode;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Child directors (collection {@code child_directors}, id {@code cd-<username>}). */
@Component
public class ChildDirectors extends AggregateCollection<ChildDirector> {

    ChildDirectors(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, ChildDirector.class, "child_directors", "child-director");
    }

    @Override
    protected List<Index> indexes() {
        return List.of(index("division"));
    }

    public Stream<ChildDirector> inDivision(DivisionCode division) {
        return mongo.stream(new Query(within(division)).cursorBatchSize(500), ChildDirector.class, collection);
    }

    public List<ChildDirector> find(DivisionCode division, long offset, int limit) {
        return page(new Query(within(division)), offset, limit);
    }

    public long count(DivisionCode division) {
        return mongo.count(new Query(within(division)), collection);
    }
}
