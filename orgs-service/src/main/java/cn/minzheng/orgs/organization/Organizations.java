package cn.minzheng.orgs.organization;

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

/** Registered organisations (collection {@code organizations}), by id {@code org-<credit code>}. */
@Component
public class Organizations extends AggregateCollection<Organization> {

    private final java.time.Clock clock;

    Organizations(MongoTemplate mongo, OutboxWrites writes, java.time.Clock clock) {
        super(mongo, writes, Organization.class, "organizations", "organization");
        this.clock = clock;
    }

    /** One index per query shape below that does not go by {@code _id}. */
    @Override
    protected List<Index> indexes() {
        return List.of(index("division", "status", "type"), index("status"), index("changedAt"));
    }

    // Every write stamps the record (changedAt) in the same write, so the register's last change is never older
    // than what a reader of the register can see.

    @Override
    public void insert(Organization organization) {
        organization.stamp(clock);
        super.insert(organization);
    }

    @Override
    public boolean insertIfAbsent(Organization organization) {
        organization.stamp(clock);
        return super.insertIfAbsent(organization);
    }

    @Override
    public int insertAllNew(java.util.Collection<? extends Organization> organizations) {
        organizations.forEach(organization -> organization.stamp(clock));
        return super.insertAllNew(organizations);
    }

    @Override
    public void save(Organization organization) {
        organization.stamp(clock);
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

    /** Every organisation in a status, streamed in batches (the annual report sweep). */
    public java.util.stream.Stream<Organization> inStatus(OrgStatus status) {
        return mongo.stream(new Query(Criteria.where("status").is(status)).cursorBatchSize(1_000), Organization.class,
                collection);
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

    /** Every organisation of a division whose registration has not ended, streamed in batches (the worklists). */
    public java.util.stream.Stream<Organization> activeWithin(DivisionCode division) {
        return mongo.stream(new Query(within(division).and("status").in(OrgStatus.REGISTERED, OrgStatus.ABNORMAL,
                OrgStatus.SERIOUS_VIOLATION)).cursorBatchSize(1_000), Organization.class, collection);
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
