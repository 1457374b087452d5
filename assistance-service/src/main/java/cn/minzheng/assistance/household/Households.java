package cn.minzheng.assistance.household;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.util.List;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.events.OutboxWrites;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The household registry (collection {@code households}). */
@Component
public class Households extends AggregateCollection<Household> {

    static final String COLLECTION = "households";

    Households(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, Household.class, COLLECTION, "household");
    }

    /** One index per query shape below that does not go by {@code _id}. */
    @Override
    protected List<Index> indexes() {
        return List.of(index("division", "status"), index("members.idNumber.personRef"),
                index("members.name", "division"),
                index("pendingRecalculations.0").partial(
                        org.springframework.data.mongodb.core.index.PartialIndexFilter.of(
                                Criteria.where("pendingRecalculations.0").exists(true))));
    }

    /**
     * Removes recalculations that were done, by their ids, without a new version: it is bookkeeping, and the officer
     * who just changed the household must still be able to send the version they were given. A concurrent save of
     * the household (conditional on its version) writes the list it read, so an entry removed here may come back
     * and be done again (harmless: recalculating is idempotent); an entry it adds is never removed here.
     */
    public void recalculationsDone(String householdId, java.util.Collection<String> ids) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(householdId)), new org.springframework.data.mongodb
                .core.query.Update().pull("pendingRecalculations", new org.bson.Document("_id",
                        new org.bson.Document("$in", List.copyOf(ids)))), collection);
    }

    /** Ids of households with a recalculation still owed (a partial index holds only those on MongoDB). */
    public List<String> withPendingRecalculations(int limit) {
        Query query = new Query(Criteria.where("pendingRecalculations.0").exists(true)).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, collection).stream().map(d -> d.getString("_id"))
                .toList();
    }

    /** Households where the person is (or was) a member; the index on personRef serves this. */
    public List<Household> withMember(String personRef) {
        return mongo.find(new Query(Criteria.where("members.idNumber.personRef").is(personRef)), Household.class,
                COLLECTION);
    }

    /**
     * Households of the division with a member (present or past) whose name begins with {@code start}: an anchored
     * prefix, which the index on members' names serves as a range. Ordered by id, so a page is stable.
     */
    public List<Household> withMemberNamed(String start, DivisionCode division, int limit) {
        Query query = new Query(Criteria.where("members.name").regex("^" + java.util.regex.Pattern.quote(start))
                .andOperator(within(division))).limit(limit)
                .with(org.springframework.data.domain.Sort.by("_id"));
        return mongo.find(query, Household.class, collection);
    }

    /** Every household of a division, streamed in batches (the allowances' daily look for eligible people). */
    public java.util.stream.Stream<Household> inDivision(DivisionCode division) {
        return mongo.stream(new Query(within(division)).cursorBatchSize(500), Household.class, collection);
    }

    public List<Household> find(DivisionCode division, Household.Status status, long offset, int limit) {
        return page(filter(division, status), offset, limit);
    }

    public long count(DivisionCode division, Household.Status status) {
        return mongo.count(filter(division, status), collection);
    }

    private static Query filter(DivisionCode division, Household.Status status) {
        Query query = new Query(within(division));
        if (status != null) {
            query.addCriteria(Criteria.where("status").is(status));
        }
        return query;
    }
}
