package cn.minzheng.funeral.onething;

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

/** After-death cases (collection {@code one_thing_cases}, id {@code case-<personRef>}). */
@Component
public class OneThingCases extends AggregateCollection<OneThingCase> {

    OneThingCases(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, OneThingCase.class, "one_thing_cases", "one-thing-case");
    }

    @Override
    protected List<Index> indexes() {
        return List.of(index("residenceDivision", "status", "openedAt"), index("status", "openedAt"),
                index("applicantRef"),
                index("notifications.state", "notifications.nextAttemptAt"));
    }

    /**
     * The overdue worklist, a page of it: a case is open exactly while a step is pending, so an open case opened
     * before {@code openedBefore} (now less the time an office has to answer) has a silent step. A range on the
     * index, whatever the number of cases.
     */
    public List<OneThingCase> overdue(DivisionCode division, java.time.Instant openedBefore, long offset,
            int limit) {
        return page(overdueQuery(division, openedBefore), offset, limit);
    }

    public long countOverdue(DivisionCode division, java.time.Instant openedBefore) {
        return mongo.count(overdueQuery(division, openedBefore), OneThingCase.class, collection);
    }

    /** The same count over every division: what the overdue-step alert reads (a range on {status, openedAt}). */
    public long countOverdue(java.time.Instant openedBefore) {
        return mongo.count(overdueQuery(null, openedBefore), OneThingCase.class, collection);
    }

    /** Open cases opened before the time, within the division (every division when it is null). */
    private static Query overdueQuery(DivisionCode division, java.time.Instant openedBefore) {
        Criteria status = division == null ? Criteria.where("status")
                : within("residenceDivision", division).and("status");
        return new Query(status.is(OneThingCase.Status.OPEN).and("openedAt").lt(openedBefore));
    }

    /**
     * Cases that may have a callback due now (the dispatcher's work), a few at a time: a candidate filter on the
     * multikey index; the case itself says which callback is due ({@code dueNotification}).
     */
    public List<OneThingCase> withDueCallbacks(java.time.Instant now, int limit) {
        return mongo.find(new Query(Criteria.where("notifications.state").is("PENDING")
                .and("notifications.nextAttemptAt").lte(now)).limit(limit), OneThingCase.class, collection);
    }

    public List<OneThingCase> ofApplicant(String applicantRef) {
        return mongo.find(new Query(Criteria.where("applicantRef").is(applicantRef)), OneThingCase.class,
                collection);
    }
}
