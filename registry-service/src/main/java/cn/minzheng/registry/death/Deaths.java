package cn.minzheng.registry.death;

import java.time.LocalDate;

import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.store.DayLedger;
import cn.minzheng.registry.party.Party;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The registry's own record of who has died (from funeral's {@code death.recorded}), by personRef: a deceased
 * person is no party to a new marriage, divorce or adoption, whenever the death became known. Looked up by
 * {@code _id} only.
 */
@Component
public class Deaths {

    static final String COLLECTION = "deaths";

    private final DayLedger ledger;

    Deaths(MongoTemplate mongo) {
        this.ledger = new DayLedger(mongo, COLLECTION, "dateOfDeath");
    }

    /** Records a death once; a second event for the same person (a redelivery, a duplicate) changes nothing. */
    public void recorded(String personRef, LocalDate dateOfDeath, String eventId) {
        ledger.record(personRef, dateOfDeath, eventId);
    }

    /** The death was recorded in error and retracted: the person may again be a party. */
    public void retracted(String personRef) {
        ledger.remove(personRef);
    }

    public boolean isDeceased(String personRef) {
        return ledger.has(personRef);
    }

    /** 422 {@code party-deceased} naming the field, when the party is recorded as dead. */
    public void requireAlive(Party party, String field) {
        if (isDeceased(party.personRef())) {
            throw Refusal.rule("party-deceased", Refusal.term("party." + party.sex())).on(field);
        }
    }
}
