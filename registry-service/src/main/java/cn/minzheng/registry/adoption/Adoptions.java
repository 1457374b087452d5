package cn.minzheng.registry.adoption;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.util.List;
import java.time.LocalDate;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.events.OutboxWrites;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Adoptions (collection {@code adoptions}). */
@Component
public class Adoptions extends AggregateCollection<Adoption> {

    Adoptions(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, Adoption.class, "adoptions", "adoption");
    }

    /** One index per query shape below that does not go by {@code _id}. */
    @Override
    protected List<Index> indexes() {
        return List.of(index("division", "registeredOn"), index("adopters.party.idNumber.personRef"));
    }

    /** How many children this person has adopted through this registry. */
    long byAdopter(String personRef) {
        return mongo.count(new Query(Criteria.where("adopters.party.idNumber.personRef").is(personRef)), collection);
    }

    public long registered(DivisionCode division, LocalDate from, LocalDate to) {
        return mongo.count(new Query(within(division).and("registeredOn").gte(from)
                .lte(to)), collection);
    }
}
