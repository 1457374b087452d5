package cn.minzheng.orgs.organization;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.util.List;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxWrites;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.time.LegalCalendar;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Registered organisations (collection {@code organizations}), by id {@code org-<credit code>}. */
@Component
public class Organizations extends AggregateCollection<Organization>
        implements cn.minzheng.platform.time.LegalDatesRecalculation {

    private final java.time.Clock clock;
    private final LegalCalendar calendar;

    Organizations(MongoTemplate mongo, OutboxWrites writes, java.time.Clock clock, LegalCalendar calendar) {
        super(mongo, writes, Organization.class, "organizations", "organization");
        this.clock = clock;
        this.calendar = calendar;
    }

    /** One index per query shape below that does not go by {@code _id}. */
    @Override
    protected List<Index> indexes() {
        return List.of(index("division", "status", "type"), index("status"), index("changedAt"),
                index("status", "dates.nextListingOn"), index("division", "status", "dates.revocableFrom"),
                index("division", "dates.creditRecordDueBy"), index("division", "type", "registeredOn"));
    }

    // Every write stamps the record (changedAt) in the same write, so the register's last change is never older
    // than what a reader of the register can see.

    @Override
    public void insert(Organization organization) {
        organization.stamp(calendar, clock);
        super.insert(organization);
    }

    @Override
    public boolean insertIfAbsent(Organization organization) {
        organization.stamp(calendar, clock);
        return super.insertIfAbsent(organization);
    }

    @Override
    public int insertAllNew(java.util.Collection<? extends Organization> organizations) {
        organizations.forEach(organization -> organization.stamp(calendar, clock));
        return super.insertAllNew(organizations);
    }

    @Override
    public void save(Organization organization) {
        organization.stamp(calendar, clock);
        super.save(organization);
    }

    /**
     * When the register last changed: the newest {@code changedAt}, one entry of its index on MongoDB. Empty while
     * no record has been written since records were stamped (then nothing has changed since).
     */
    public java.util.Optional<java.time.Instant> lastChange() {
        Query newest = new Query(Criteria.where("changedAt").exists(true))
                .with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC,
                        "changedAt")).limit(1);
        newest.fields().include("changedAt");
        return java.util.Optional.ofNullable(mongo.findOne(newest, org.bson.Document.class, collection))
                .map(document -> document.getDate("changedAt").toInstant());
    }

    /** A division's organisations, optionally of one status and type, paged by id. */
    public List<Organization> find(DivisionCode division, OrgStatus status, OrgType type, long offset, int limit) {
        return page(query(division, status, type), offset, limit);
    }

    public long count(DivisionCode division, OrgStatus status, OrgType type) {
        return mongo.count(query(division, status, type), collection);
    }

    /** An organisation as a random draw sees it: its code and whether it is a recognised charity. */
    public record Candidate(String creditCode, boolean charity) {
    }

    /**
     * The organisations a random inspection plan draws from: those of the division whose registration has not
     * ended and that were registered by {@code day}, sorted by credit code. Only three fields are read, so a
     * province's register is a few megabytes.
     */
    public List<Candidate> candidates(DivisionCode division, java.time.LocalDate day) {
        Query query = new Query(within(division).and("status").in(OrgStatus.REGISTERED, OrgStatus.ABNORMAL,
                OrgStatus.SERIOUS_VIOLATION).and("registeredOn").lte(day));
        query.fields().include("creditCode", "charityRecognizedOn");
        List<Candidate> candidates = new java.util.ArrayList<>();
        try (var documents = mongo.stream(query.cursorBatchSize(5_000), org.bson.Document.class, collection)) {
            documents.forEach(d -> candidates.add(new Candidate(d.getString("creditCode"),
                    d.get("charityRecognizedOn") != null)));
        }
        candidates.sort(java.util.Comparator.comparing(Candidate::creditCode));
        return candidates;
    }

    /** The names of these organisations by credit code, read by {@code _id} with the name only. */
    public java.util.Map<String, String> names(java.util.Collection<String> creditCodes) {
        Query query = new Query(Criteria.where("_id").in(creditCodes.stream().map(code -> "org-" + code).toList()));
        query.fields().include("creditCode", "name");
        java.util.Map<String, String> names = new java.util.HashMap<>();
        mongo.find(query, org.bson.Document.class, collection)
                .forEach(d -> names.put(d.getString("creditCode"), d.getString("name")));
        return names;
    }

    private static final List<OrgStatus> ACTIVE = List.of(OrgStatus.REGISTERED, OrgStatus.ABNORMAL,
            OrgStatus.SERIOUS_VIOLATION);

    /**
     * The organisations whose status reads differently by today than it is written (the sweep's work): a range on
     * {@code dates.nextListingOn}, so the sweep reads only those, however large the register.
     */
    public java.util.stream.Stream<Organization> listingDue(java.time.LocalDate today) {
        return mongo.stream(new Query(Criteria.where("status").in(OrgStatus.REGISTERED, OrgStatus.ABNORMAL)
                .and("dates.nextListingOn").lte(today)).cursorBatchSize(1_000), Organization.class, collection);
    }

    /** A page of the 僵尸 worklist: active organisations two consecutive years without a report in time by today. */
    public List<Organization> revocable(DivisionCode division, java.time.LocalDate today, long offset, int limit) {
        return page(revocableQuery(division, today), offset, limit);
    }

    public long countRevocable(DivisionCode division, java.time.LocalDate today) {
        return mongo.count(revocableQuery(division, today), Organization.class, collection);
    }

    private static Query revocableQuery(DivisionCode division, java.time.LocalDate today) {
        return new Query(within(division).and("status").in(ACTIVE).and("dates.revocableFrom").lte(today));
    }

    /**
     * A page of the organisations with a listing decision not yet in the credit record (of those overdue by today
     * when {@code overdueOn} is given): a range on {@code dates.creditRecordDueBy}, in any status.
     */
    public List<Organization> creditRecordsDue(DivisionCode division, java.time.LocalDate overdueOn, long offset,
            int limit) {
        return page(creditQuery(division, overdueOn), offset, limit);
    }

    public long countCreditRecordsDue(DivisionCode division, java.time.LocalDate overdueOn) {
        return mongo.count(creditQuery(division, overdueOn), Organization.class, collection);
    }

    private static Query creditQuery(DivisionCode division, java.time.LocalDate overdueOn) {
        Criteria due = within(division).and("dates.creditRecordDueBy");
        return new Query(overdueOn == null ? due.exists(true) : due.lt(overdueOn));
    }

    /**
     * Organisations written before the stamps existed (no {@code changedAt}, so no worklist dates either) get them
     * after start, each saved once, on a thread of its own so that a large register does not hold back readiness
     * (until it is done, such an organisation is missing from the worklists); afterwards the query (on the
     * {@code changedAt} index) finds none.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void storeWorklistDates() {
        Thread.ofVirtual().name("worklist-dates").start(() -> {
            try (var missing = mongo.stream(new Query(Criteria.where("changedAt").exists(false))
                    .cursorBatchSize(1_000), Organization.class, collection)) {
                long stored = missing.filter(this::saveIfUnchanged).count();
                if (stored > 0) {
                    org.slf4j.LoggerFactory.getLogger(Organizations.class)
                            .info("Worklist dates stored for {} organisation(s) written before them", stored);
                }
            } catch (RuntimeException failed) {
                org.slf4j.LoggerFactory.getLogger(Organizations.class)
                        .warn("Worklist dates not stored yet, the next start tries again: {}", failed.toString());
            }
        });
    }

    /** A holiday schedule changed: deadlines of those years may have moved, so the dates are computed again. */
    @Override
    public int recalculate(java.util.Set<Integer> changedYears) {
        java.util.concurrent.atomic.AtomicInteger moved = new java.util.concurrent.atomic.AtomicInteger();
        // In batches: a province's register does not fit one reply (the embedded store's limit is 48 MB).
        try (var all = mongo.stream(new Query(Criteria.where("status").in(ACTIVE)).cursorBatchSize(1_000),
                Organization.class, collection)) {
            all.forEach(org -> {
                WorklistDates before = org.dates();
                if (!WorklistDates.of(org, calendar, clock).equals(before) && saveIfUnchanged(org)) {
                    moved.incrementAndGet();
                }
            });
        }
        return moved.get();
    }

    /** Saved unless someone saved it meanwhile (their save stored the dates already). */
    private boolean saveIfUnchanged(Organization org) {
        try {
            save(org);
            return true;
        } catch (org.springframework.dao.OptimisticLockingFailureException savedMeanwhile) {
            return false;
        }
    }

    /**
     * Every organisation of a division (the whole register when null), in any status, streamed in batches in the
     * store's order: the open-data export, whose memory must not grow with the register.
     */
    public java.util.stream.Stream<Organization> streamWithin(DivisionCode division) {
        return mongo.stream((division == null ? new Query() : new Query(within(division))).cursorBatchSize(1_000),
                Organization.class, collection);
    }

    /** For the public: by a part of the name, within a division. */
    public List<Organization> findByName(DivisionCode division, String namePart, long offset, int limit) {
        return page(byName(division, namePart), offset, limit);
    }

    public long countByName(DivisionCode division, String namePart) {
        return mongo.count(byName(division, namePart), collection);
    }

    private static Query byName(DivisionCode division, String namePart) {
        Criteria criteria = within(division);
        if (namePart != null && !namePart.isBlank()) {
            criteria = criteria.and("name").regex(java.util.regex.Pattern.quote(namePart.strip()));
        }
        return new Query(criteria);
    }

    private static Query query(DivisionCode division, OrgStatus status, OrgType type) {
        Criteria criteria = within(division);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (type != null) {
            criteria = criteria.and("type").is(type);
        }
        return new Query(criteria);
    }
}
