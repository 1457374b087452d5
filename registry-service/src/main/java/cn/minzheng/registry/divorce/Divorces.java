package cn.minzheng.registry.divorce;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.events.OutboxWrites;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Divorce applications (collection {@code divorces}). */
@Component
public class Divorces extends AggregateCollection<Divorce> {

    Divorces(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, Divorce.class, "divorces", "divorce");
    }

    /** One index per query shape below that does not go by {@code _id}. */
    @Override
    protected List<Index> indexes() {
        return List.of(index("division", "appliedOn"), index("division", "closedOn"),
                index("status", "certificateDeadline"), index("status", "officeId", "certificateDeadline"),
                index("personRefs"), index("division", "status", "certificateDeadline"));
    }

    /** Open applications whose registration period ended before the day. */
    Stream<Divorce> lapsedBefore(LocalDate day) {
        return mongo.stream(new Query(Criteria.where("status").is(Divorce.Status.COOLING_OFF)
                .and("certificateDeadline").lt(day)), Divorce.class, collection);
    }

    /** Applications still open on the day (by status and deadline): those a calendar change may move. */
    Stream<Divorce> openOn(LocalDate day) {
        return mongo.stream(new Query(Criteria.where("status").is(Divorce.Status.COOLING_OFF)
                .and("certificateDeadline").gte(day)), Divorce.class, collection);
    }

    /** Open applications at an office whose last day to register is that day. */
    List<Divorce> dueAt(String officeId, LocalDate day) {
        return mongo.find(new Query(Criteria.where("status").is(Divorce.Status.COOLING_OFF).and("officeId")
                .is(officeId).and("certificateDeadline").is(day)), Divorce.class, collection);
    }

    /**
     * Open applications in the division whose last day to register falls between the two days (the registrar's
     * to-do card: windows ending within a week), soonest first.
     */
    public List<Divorce> windowEndingBetween(DivisionCode division, LocalDate from, LocalDate to, long offset,
            int size) {
        return mongo.find(windowEnding(division, from, to).with(org.springframework.data.domain.Sort.by(
                "certificateDeadline", "_id")).skip(offset).limit(size), Divorce.class, collection);
    }

    public long countWindowEndingBetween(DivisionCode division, LocalDate from, LocalDate to) {
        return mongo.count(windowEnding(division, from, to), collection);
    }

    private static Query windowEnding(DivisionCode division, LocalDate from, LocalDate to) {
        return new Query(within(division).and("status").is(Divorce.Status.COOLING_OFF)
                .and("certificateDeadline").gte(from).lte(to));
    }

    public long countAppliedIn(DivisionCode division, LocalDate from, LocalDate to) {
        return mongo.count(new Query(within(division).and("appliedOn").gte(from).lte(to)), collection);
    }

    /** Applications closed in the period, counted per {@code status|officeId}. */
    public java.util.SortedMap<String, Long> closedPerStatusAndOffice(DivisionCode division, LocalDate from,
            LocalDate to) {
        return countBy(new Query(within(division).and("closedOn").gte(from).lte(to)), "status", "officeId");
    }

    public List<Divorce> of(String personRef) {
        return mongo.find(new Query(Criteria.where("personRefs").is(personRef)), Divorce.class, collection);
    }
}
