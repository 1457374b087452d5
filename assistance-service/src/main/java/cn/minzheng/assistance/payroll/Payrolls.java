package cn.minzheng.assistance.payroll;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.util.List;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxWrites;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Payroll runs (collection {@code payrolls}). */
@Component
public class Payrolls extends AggregateCollection<Payroll> {

    public static final String COLLECTION = "payrolls";

    Payrolls(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, Payroll.class, COLLECTION, "payroll");
    }

    /** One index per query shape below that does not go by {@code _id}. */
    @Override
    protected List<Index> indexes() {
        return List.of(index("status"));
    }

    /** Progress is informational: written without a version check, so it never blocks the completing write. */
    void recordProgress(String id, long processed) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)), new Update().set("processed", processed),
                COLLECTION);
    }

    List<Payroll> running() {
        return mongo.find(new Query(Criteria.where("status").is(Payroll.Status.RUNNING)), Payroll.class, collection);
    }
}
