package cn.minzheng.registry.marriage;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.time.LocalDate;
import java.util.List;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.events.OutboxWrites;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Marriages (collection {@code marriages}). */
@Component
public class Marriages extends AggregateCollection<Marriage> {

    Marriages(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, Marriage.class, "marriages", "marriage");
    }

    /** One index per query shape below that does not go by {@code _id}. */
    @Override
    protected List<Index> indexes() {
        // A person's marriages are an $or of the two parties: each side needs its own index.
        return List.of(index("division", "registeredOn"), index("partyA.idNumber.personRef"),
                index("partyB.idNumber.personRef"));
    }

    /** Every marriage a person was a party to, oldest first. */
    public List<Marriage> of(String personRef) {
        return mongo.find(new Query(new Criteria().orOperator(Criteria.where("partyA.idNumber.personRef").is(personRef),
                Criteria.where("partyB.idNumber.personRef").is(personRef))).with(Sort.by("registeredOn", "_id")),
                Marriage.class, collection);
    }

    /** Registrations in the period, back-entered records excluded (they were counted in their own year's report). */
    /** Marriages registered in the period (back entries are history, not counted), per office. */
    public java.util.SortedMap<String, Long> registeredPerOffice(DivisionCode division, LocalDate from,
            LocalDate to) {
        return countBy(new Query(within(division).and("registeredOn").gte(from).lte(to).and("backEntry").isNull()),
                "officeId");
    }
}
