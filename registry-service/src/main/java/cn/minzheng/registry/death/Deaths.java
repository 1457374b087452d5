package cn.minzheng.registry.death;

import java.time.LocalDate;

import org.bson.Document;

import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.store.ById;
import cn.minzheng.registry.party.Party;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The registry's own record of who has died (from funeral's {@code death.recorded}), by personRef: a deceased
 * person is no party to a new marriage, divorce or adoption, whenever the death became known. Looked up by
 * {@code _id} only.
 */
@Component
public class Deaths {

    static final String COLLECTION = "deaths";

    private final MongoTemplate mongo;

    Deaths(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records a death once; a second event for the same person (a redelivery, a duplicate) changes nothing. */
    public void recorded(String personRef, LocalDate dateOfDeath, String eventId) {
        mongo.upsert(new Query(Criteria.where("_id").is(personRef)), new Update()
                .setOnInsert("dateOfDeath", dateOfDeath.toString()).setOnInsert("eventId", eventId), COLLECTION);
    }

    /** The death was recorded in error and retracted: the person may again be a party. */
    public void retracted(String personRef) {
        mongo.remove(new Query(Criteria.where("_id").is(personRef)), COLLECTION);
    }

    public boolean isDeceased(String personRef) {
        return ById.exists(mongo, COLLECTION, personRef);
    }

    /** 422 {@code party-deceased} naming the field, when the party is recorded as dead. */
    public void requireAlive(Party party, String field) {
        if (isDeceased(party.personRef())) {
            throw Refusal.rule("party-deceased", Refusal.term("party." + party.sex())).on(field);
        }
    }
}
