package cn.minzheng.assistance.enrolment;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.events.OutboxWrites;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** All enrolments (collection {@code enrolments}). */
@Component
public class Enrolments extends AggregateCollection<Enrolment> {

    public static final String COLLECTION = "enrolments";
    private static final int BATCH = 500;

    Enrolments(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, Enrolment.class, COLLECTION, "enrolment");
    }

    /** One index per query shape below that does not go by {@code _id}. */
    @Override
    protected List<Index> indexes() {
        return List.of(index("householdId"), index("division", "status", "nextReviewDue"), index("status"));
    }

    public List<Enrolment> ofHousehold(String householdId) {
        return mongo.find(new Query(Criteria.where("householdId").is(householdId)), Enrolment.class, collection);
    }

    public List<Enrolment> find(DivisionCode division, Programme programme, Enrolment.Status status, long offset,
            int limit) {
        return find(division, programme, status, null, offset, limit);
    }

    /** With {@code reviewDueBefore}: the periodic-review worklist (复核), enrolments not yet ended. */
    public List<Enrolment> find(DivisionCode division, Programme programme, Enrolment.Status status,
            LocalDate reviewDueBefore, long offset, int limit) {
        return page(filter(division, programme, status, reviewDueBefore), offset, limit);
    }

    public long count(DivisionCode division, Programme programme, Enrolment.Status status,
            LocalDate reviewDueBefore) {
        return mongo.count(filter(division, programme, status, reviewDueBefore), collection);
    }

    /** Enrolments in one status anywhere in this service's data, for the scheduled sweeps. */
    public List<Enrolment> inStatus(Enrolment.Status status, int limit) {
        return page(new Query(Criteria.where("status").is(status)), 0, limit);
    }

    /**
     * Every enrolment of a division, streamed in batches (payroll reads 100,000 of them): without a batch size the
     * embedded store answers with one reply holding all, beyond the wire protocol's message size.
     */
    public Stream<Enrolment> inDivision(DivisionCode division) {
        return mongo.stream(new Query(within(division)).cursorBatchSize(BATCH),
                Enrolment.class, collection);
    }

    private static Query filter(DivisionCode division, Programme programme, Enrolment.Status status,
            LocalDate reviewDueBefore) {
        Query query = new Query(within(division));
        if (programme != null) {
            query.addCriteria(Criteria.where("programme").is(programme));
        }
        if (status != null) {
            query.addCriteria(Criteria.where("status").is(status));
        }
        if (reviewDueBefore != null) {
            query.addCriteria(Criteria.where("nextReviewDue").lt(reviewDueBefore));
            if (status == null) {
                query.addCriteria(Criteria.where("status").ne(Enrolment.Status.TERMINATED));
            }
        }
        return query;
    }
}
