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
 * months it runs and its members by month: {@code periods}, each the members from a month on until the next
 * period's month (as funeral's {@code HouseholdSupport} keeps them), and {@code personRefs}, everyone who was ever
 * a member (what the index finds a person by). Whether a person was supported is judged with the members of the
 * day's month (a meal's, an adaptation's), not of the day an event arrived. Every write sets what the event says,
 * so applying an event twice changes nothing.
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
        mongo.upsert(byId(enrolmentId), new Update().set("programme", programme.name())
                .set("fromMonth", from.toString()), COLLECTION);
        members(enrolmentId, programme, from, personRefs);
    }

    /**
     * The members from a month on (someone joined or left): a period of its own, replacing one from the same month;
     * the months before keep their members.
     */
    public void members(String enrolmentId, Programme programme, YearMonth from, List<String> personRefs) {
        Query enrolment = byId(enrolmentId);
        mongo.upsert(enrolment, new Update().set("programme", programme.name())
                .pull("periods", new Document("from", from.toString()))
                .addToSet("personRefs").each(personRefs.toArray()), COLLECTION);
        mongo.updateFirst(enrolment, new Update().push("periods", new Document("from", from.toString())
                .append("personRefs", personRefs)), COLLECTION);
    }

    private static Query byId(String enrolmentId) {
        return new Query(Criteria.where("_id").is(enrolmentId));
    }

    /** The enrolment ended; its last month paid is the last month it counts. */
    public void ended(String enrolmentId, Programme programme, YearMonth lastMonth, List<String> personRefs) {
        mongo.upsert(byId(enrolmentId), new Update().set("programme", programme.name())
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
            if (started && running && membersIn(enrolment, month).contains(personRef)) {
                found.add(Programme.valueOf(enrolment.getString("programme")));
            }
        }
        return List.copyOf(found);
    }

    /**
     * The members in the month: the period from the latest month not after it. A record written before periods
     * were kept has only its members as last known, which stand for every month.
     */
    private static List<String> membersIn(Document enrolment, YearMonth month) {
        List<Document> periods = enrolment.getList("periods", Document.class, List.of());
        if (periods.isEmpty()) {
            return enrolment.getList("personRefs", String.class, List.of());
        }
        return periods.stream().filter(p -> !YearMonth.parse(p.getString("from")).isAfter(month))
                .max(java.util.Comparator.comparing(p -> YearMonth.parse(p.getString("from"))))
                .map(p -> p.getList("personRefs", String.class)).orElse(List.of());
    }
}
