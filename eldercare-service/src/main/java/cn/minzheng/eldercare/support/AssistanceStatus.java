package cn.minzheng.eldercare.support;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import cn.minzheng.platform.store.CollectionIndexes;
import cn.minzheng.platform.store.DeclaresIndexes;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * This service's own effective-dated record of who receives monthly assistance, built from assistance-service's
 * events, never asked of it: one document per enrolment ({@code _id} = enrolment id) with its programme, the
 * months it runs and its members by personRef. Whether a person was supported is judged as of a day (the meal's),
 * not of the day an event arrived. Every write sets what the event says, so applying an event twice changes nothing.
 */
@Component
public class AssistanceStatus implements DeclaresIndexes {

    static final String COLLECTION = "assistance_enrolments";

    /** The monthly programmes that count for subsidies: 低保 and 特困. */
    public enum Programme {
        DIBAO, TEKUN
    }

    private final MongoTemplate mongo;

    AssistanceStatus(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public CollectionIndexes indexDeclaration() {
        return DeclaresIndexes.indexes(COLLECTION, DeclaresIndexes.index("personRefs"));
    }

    /** An enrolment started (or was re-approved) from a month, for these members. */
    public void approved(String enrolmentId, Programme programme, YearMonth from, List<String> personRefs) {
        mongo.upsert(new Query(Criteria.where("_id").is(enrolmentId)), new Update().set("programme", programme.name())
                .set("fromMonth", from.toString()).set("personRefs", personRefs), COLLECTION);
    }

    /** The members changed (someone joined or left) from a month on; the current list is what counts. */
    public void members(String enrolmentId, Programme programme, List<String> personRefs) {
        mongo.upsert(new Query(Criteria.where("_id").is(enrolmentId)), new Update().set("programme", programme.name())
                .set("personRefs", personRefs), COLLECTION);
    }

    /** The enrolment ended; its last month paid is the last month it counts. */
    public void ended(String enrolmentId, Programme programme, YearMonth lastMonth, List<String> personRefs) {
        mongo.upsert(new Query(Criteria.where("_id").is(enrolmentId)), new Update().set("programme", programme.name())
                .set("lastMonth", lastMonth.toString()).setOnInsert("personRefs", personRefs), COLLECTION);
    }

    /** The programmes that supported the person on the day (none, one, or both in rare overlaps). */
    public List<Programme> on(String personRef, LocalDate day) {
        YearMonth month = YearMonth.from(day);
        List<Programme> found = new ArrayList<>();
        for (Document enrolment : mongo.find(new Query(Criteria.where("personRefs").is(personRef)), Document.class,
                COLLECTION)) {
            String from = enrolment.getString("fromMonth");
            String last = enrolment.getString("lastMonth");
            boolean started = from != null && !YearMonth.parse(from).isAfter(month);
            boolean running = last == null || !YearMonth.parse(last).isBefore(month);
            if (started && running) {
                found.add(Programme.valueOf(enrolment.getString("programme")));
            }
        }
        return List.copyOf(found);
    }
}
