package cn.minzheng.eldercare.death;

import java.time.LocalDate;

import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.store.DayLedger;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Eldercare's own record of who has died and on which day (from funeral's {@code death.recorded}), by personRef,
 * looked up by {@code _id} only. Nothing is done for a person dated after their death: no admission, reassessment,
 * home-care order, meal or adaptation. What is dated on or before the day of death stays possible (a meal served that
 * morning is paid). A retraction ({@code death.retracted}) removes the record, and the person is served again.
 */
@Component
public class Deaths {

    static final String COLLECTION = "deaths";

    private final DayLedger ledger;

    Deaths(MongoTemplate mongo) {
        this.ledger = new DayLedger(mongo, COLLECTION, "dateOfDeath");
    }

    /** Records a death once; a redelivery or a second event for the same person keeps the first day. */
    public void recorded(String personRef, LocalDate dateOfDeath, String eventId) {
        ledger.record(personRef, dateOfDeath, eventId);
    }

    /** The death was recorded in error: the person may be served again. Removing twice changes nothing. */
    public void retracted(String personRef) {
        ledger.remove(personRef);
    }

    /**
     * 422 {@code person-deceased} on {@code field} when the person died before {@code day}, naming the day of death.
     */
    public void requireAliveOn(String personRef, LocalDate day, String field) {
        ledger.dayOf(personRef).filter(day::isAfter).ifPresent(died -> {
            throw Refusal.rule("person-deceased", died).on(field);
        });
    }
}
