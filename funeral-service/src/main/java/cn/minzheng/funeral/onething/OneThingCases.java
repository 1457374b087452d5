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
        return List.of(index("residenceDivision", "status"), index("applicantRef"),
                index("notifications.state", "notifications.nextAttemptAt"));
    }

    /** Open cases of a division (the overdue worklist reads these and keeps those with a silent step). */
    public List<OneThingCase> open(DivisionCode division, int limit) {
        return mongo.find(new Query(within("residenceDivision", division).and("status")
                .is(OneThingCase.Status.OPEN)).limit(limit), OneThingCase.class, collection);
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
