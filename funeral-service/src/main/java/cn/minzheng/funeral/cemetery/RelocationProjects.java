package cn.minzheng.funeral.cemetery;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxWrites;
import cn.minzheng.platform.identity.DivisionCode;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Relocation and clean-up projects (collection {@code relocation_projects}), listed by division. */
@Component
public class RelocationProjects extends AggregateCollection<RelocationProject> {

    RelocationProjects(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, RelocationProject.class, "relocation_projects", "relocation-project");
    }

    @Override
    protected List<Index> indexes() {
        return List.of(index("division"));
    }

    public List<RelocationProject> find(DivisionCode division, long offset, int limit) {
        return page(new Query(within(division)), offset, limit);
    }

    public long count(DivisionCode division) {
        return mongo.count(new Query(within(division)), collection);
    }

    /** Graves moved by the division's projects in the period, by the type they went to. */
    public Map<String, Long> movedByType(DivisionCode division, LocalDate from, LocalDate to) {
        Map<String, Long> moved = new TreeMap<>();
        try (var all = mongo.stream(new Query(within(division)), RelocationProject.class, collection)) {
            all.forEach(p -> p.movedByType(from, to).forEach((type, n) -> moved.merge(type, n, Long::sum)));
        }
        return moved;
    }
}
