package cn.minzheng.orgs.support;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.util.List;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.events.OutboxWrites;
import cn.minzheng.platform.identity.DivisionCode;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The three support collections, each listed by division and, when asked, by organisation. */
public abstract class SupportRecords<T extends OutboxAggregate> extends AggregateCollection<T> {

    private final Class<T> type;

    SupportRecords(MongoTemplate mongo, OutboxWrites writes, Class<T> type, String collection, String noun) {
        super(mongo, writes, type, collection, noun);
        this.type = type;
    }

    @Override
    protected List<Index> indexes() {
        return List.of(index("division", "orgId"));
    }

    public List<T> find(DivisionCode division, String orgId, long offset, int limit) {
        return page(query(division, orgId), offset, limit);
    }

    public long count(DivisionCode division, String orgId) {
        return mongo.count(query(division, orgId), collection);
    }

    /** Every record of a division, streamed (the statistics). */
    public java.util.stream.Stream<T> streamWithin(DivisionCode division) {
        return mongo.stream(new Query(within(division)).cursorBatchSize(1_000), type, collection);
    }

    private static Query query(DivisionCode division, String orgId) {
        Criteria criteria = within(division);
        return new Query(orgId == null ? criteria : criteria.and("orgId").is(orgId));
    }

    /** Government-purchased service and venture-philanthropy projects (collection {@code projects}). */
    @Component
    public static class Projects extends SupportRecords<Project> {
        Projects(MongoTemplate mongo, OutboxWrites writes) {
            super(mongo, writes, Project.class, "projects", "project");
        }
    }

    /** Incubation-base tenants (collection {@code tenancies}). */
    @Component
    public static class Tenancies extends SupportRecords<Tenancy> {
        Tenancies(MongoTemplate mongo, OutboxWrites writes) {
            super(mongo, writes, Tenancy.class, "tenancies", "tenancy");
        }
    }

    /** Donations to charities (collection {@code donations}). */
    @Component
    public static class Donations extends SupportRecords<Donation> {
        Donations(MongoTemplate mongo, OutboxWrites writes) {
            super(mongo, writes, Donation.class, "donations", "donation");
        }
    }
}
