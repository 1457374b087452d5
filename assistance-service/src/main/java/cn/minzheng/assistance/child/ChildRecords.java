package cn.minzheng.assistance.child;

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

/** Children's records (collection {@code children}, id {@code child-<personRef>}). */
@Component
public class ChildRecords extends AggregateCollection<ChildRecord> {

    ChildRecords(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, ChildRecord.class, "children", "child");
    }

    @Override
    protected List<Index> indexes() {
        return List.of(index("division", "category", "risk"), index("directorUsername", "nextVisitDue"),
                index("division", "nextVisitDue"));
    }

    /**
     * A page of a division's children; {@code director} narrows to one child director's, {@code overdueOn} to those
     * whose next visit was due before that day (the worklist).
     */
    public List<ChildRecord> find(DivisionCode division, String director, ChildRecord.Category category,
            ChildRecord.Risk risk, LocalDate overdueOn, long offset, int limit) {
        return page(filter(division, director, category, risk, overdueOn), offset, limit);
    }

    /**
     * Whose children a caller lists: an officer (township or county) the division's, anyone else (a child director)
     * only those assigned to them, by username; the {@code director} filter of {@link #find} and {@link #count}.
     */
    public static String caseloadOf(cn.minzheng.platform.security.Caller caller) {
        return isOfficer(caller) ? null : caller.username();
    }

    public static boolean isOfficer(cn.minzheng.platform.security.Caller caller) {
        return caller.hasRole("township-officer") || caller.hasRole("county-approver");
    }

    public long count(DivisionCode division, String director, ChildRecord.Category category, ChildRecord.Risk risk,
            LocalDate overdueOn) {
        return mongo.count(filter(division, director, category, risk, overdueOn), collection);
    }

    public Stream<ChildRecord> inDivision(DivisionCode division) {
        return mongo.stream(new Query(within(division)).cursorBatchSize(500), ChildRecord.class, collection);
    }

    private static Query filter(DivisionCode division, String director, ChildRecord.Category category,
            ChildRecord.Risk risk, LocalDate overdueOn) {
        Query query = new Query(within(division));
        if (director != null) {
            query.addCriteria(Criteria.where("directorUsername").is(director));
        }
        if (category != null) {
            query.addCriteria(Criteria.where("category").is(category));
        }
        if (risk != null) {
            query.addCriteria(Criteria.where("risk").is(risk));
        }
        if (overdueOn != null) {
            query.addCriteria(Criteria.where("nextVisitDue").lt(overdueOn));
        }
        return query;
    }
}
