package cn.minzheng.assistance.application;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.time.Duration;
import java.util.Collection;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.platform.claims.ExclusiveClaims;
import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.events.OutboxWrites;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Applications (collection {@code applications}). */
@Component
public class Applications extends AggregateCollection<Application> {

    public static final String COLLECTION = "applications";

    /**
     * One open application per household and programme, decided by the store: a claim {@code <household>/<programme>}
     * held by the application's id (inserted before the application, so a claim younger than its request is live).
     */
    private final ExclusiveClaims openClaims;

    Applications(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, Application.class, COLLECTION, "application");
        this.openClaims = new ExclusiveClaims(mongo, "open_applications", Duration.ofSeconds(30));
    }

    /** One index per query shape below that does not go by {@code _id}. */
    @Override
    protected List<Index> indexes() {
        return List.of(index("householdId", "status"), index("division", "status"),
                index("status", "notice.until"), index("status", "enrolmentId", "paymentId"));
    }

    /** Applications whose public notice still runs on the day: those a calendar change may extend. */
    Stream<Application> noticesRunningOn(LocalDate day) {
        return mongo.stream(new Query(Criteria.where("status").is(Application.Status.PUBLIC_NOTICE)
                .and("notice.until").gte(day)), Application.class, collection);
    }

    List<Application> openFor(String householdId) {
        return mongo.find(new Query(Criteria.where("householdId").is(householdId).and("status")
                .in(Application.Status.SUBMITTED, Application.Status.PUBLIC_NOTICE)), Application.class, collection);
    }

    public List<Application> find(DivisionCode division, Application.Status status, long offset, int limit) {
        return page(filter(division, status), offset, limit);
    }

    public long count(DivisionCode division, Application.Status status) {
        return mongo.count(filter(division, status), collection);
    }

    public List<Application> ofHouseholds(Collection<String> householdIds) {
        return mongo.find(new Query(Criteria.where("householdId").in(householdIds)).with(Sort.by("_id")),
                Application.class, collection);
    }

    private static Query filter(DivisionCode division, Application.Status status) {
        Query query = new Query(within(division));
        if (status != null) {
            query.addCriteria(Criteria.where("status").is(status));
        }
        return query;
    }

    /**
     * Claims "the open application" of the household and programme for {@code applicationId}; the holder's id when
     * another open application has it. A claim whose application is closed (or was never written) is taken over.
     */
    java.util.Optional<String> claimOpen(String householdId, Programme programme, String applicationId) {
        return openClaims.claim(householdId + "/" + programme, applicationId, (holder, key) -> find(holder)
                .map(Application::isOpen).orElse(false)).map(ExclusiveClaims.Conflict::holder);
    }

    /** Lets the claim go once the application is closed (a no-op when another holds it, so safe to repeat). */
    void releaseOpen(String householdId, Programme programme, String applicationId) {
        openClaims.release(householdId + "/" + programme, applicationId);
    }

    /** Approved applications without their enrolment or payment recorded (an interrupted approval), a batch. */
    List<Application> approvedWithoutEffects(int limit) {
        return mongo.find(new Query(Criteria.where("status").is(Application.Status.APPROVED).and("enrolmentId")
                .is(null).and("paymentId").is(null)).limit(limit), Application.class, collection);
    }
}
