package cn.minzheng.assistance.payroll;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.bson.Document;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.events.OutboxWrites;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Payment lines (collection {@code payments}); ids are derived, so a line can only be written once. */
@Component
public class Payments extends AggregateCollection<Payment> {

    public static final String COLLECTION = "payments";
    /** Streams are read in batches: the wire protocol caps one reply at 48 MB. */
    private static final int BATCH = 2_000;

    Payments(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, Payment.class, COLLECTION, "payment");
    }

    /** One index per query shape below that does not go by {@code _id}. */
    @Override
    protected List<Index> indexes() {
        return List.of(index("householdId", "month"), index("division", "month"), index("payrollId"),
                index("personRef", "month"), index("enrolmentId", "month"));
    }

    public List<Payment> find(Collection<String> householdIds, YearMonth month, long offset, int limit) {
        return mongo.find(filter(householdIds, month).with(Sort.by("month", "_id")).skip(offset).limit(limit),
                Payment.class, collection);
    }

    public long count(Collection<String> householdIds, YearMonth month) {
        return mongo.count(filter(householdIds, month), collection);
    }

    /** Amount and programme of every line of a payroll, without mapping whole documents (100,000 lines). */
    Stream<Document> linesOf(String payrollId) {
        Query query = new Query(Criteria.where("payrollId").is(payrollId));
        query.fields().include("amount", "programme", "householdId");
        return mongo.stream(query.cursorBatchSize(BATCH), Document.class, collection);
    }

    /** A payroll run's lines, by household, in batches (the run's payment list, exported as CSV). */
    public Stream<Payment> ofPayroll(String payrollId) {
        Query query = new Query(org.springframework.data.mongodb.core.query.Criteria.where("payrollId").is(payrollId))
                .with(org.springframework.data.domain.Sort.by("householdId", "_id"));
        return mongo.stream(query.cursorBatchSize(BATCH), Payment.class, collection);
    }

    /** Lines paid in a period for a division, for statistics. */
    public Stream<Document> paidBetween(DivisionCode division, YearMonth from, YearMonth to) {
        Query query = new Query(within(division).and("month")
                .gte(from.toString()).lte(to.toString()));
        query.fields().include("amount", "programme", "householdId", "personRef", "kind");
        return mongo.stream(query.cursorBatchSize(BATCH), Document.class, collection);
    }

    /** The lines paid for one allowance (its payments and arrears), by month. */
    public List<Payment> ofAllowance(String allowanceId) {
        Query query = new Query(Criteria.where("enrolmentId").is(allowanceId));
        return mongo.find(query.with(Sort.by("month", "_id")), Payment.class, collection);
    }

    /** A person's allowance lines (the citizen's own and their minors'). */
    public List<Payment> toPeople(Collection<String> personRefs, long offset, int limit) {
        Query query = new Query(Criteria.where("personRef").in(personRefs));
        return mongo.find(query.with(Sort.by("month", "_id")).skip(offset).limit(limit), Payment.class, collection);
    }

    private static Query filter(Collection<String> householdIds, YearMonth month) {
        Query query = new Query(Criteria.where("householdId").in(householdIds));
        if (month != null) {
            query.addCriteria(Criteria.where("month").is(month.toString()));
        }
        return query;
    }
}
