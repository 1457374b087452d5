package cn.minzheng.funeral.marriage;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Registry's marriages as funeral keeps them: one document per person ({@code _id} = personRef), holding each of
 * their marriages under its id with the spouse, the day it began and, once known, how it ended. Every write is a
 * {@code $set} of named fields, so a redelivery changes nothing, and a divorce that arrives before its marriage (they
 * are keyed differently, so ordered differently) is kept and completed when the marriage arrives. Read by
 * {@code _id} only.
 */
@Component
public class SpouseRecords {

    static final String COLLECTION = "spouse_records";

    private final MongoTemplate mongo;

    SpouseRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A marriage (registered now, or back-entered with its status as entered). */
    public void married(String marriageId, List<String> personRefs, LocalDate from, String statusAsEntered) {
        for (int i = 0; i < 2; i++) {
            Update update = new Update().set(field(marriageId, "spouse"), personRefs.get(1 - i))
                    .set(field(marriageId, "from"), from.toString());
            if ("DIVORCED".equals(statusAsEntered)) {
                update.set(field(marriageId, "divorced"), true);
            }
            upsert(personRefs.get(i), update);
        }
    }

    /** A divorce registered on a day: the marriage ended then. */
    public void divorced(String marriageId, List<String> personRefs, LocalDate on) {
        for (String personRef : personRefs) {
            upsert(personRef, new Update().set(field(marriageId, "divorced"), true)
                    .set(field(marriageId, "until"), on.toString()));
        }
    }

    private void upsert(String personRef, Update update) {
        mongo.upsert(new Query(Criteria.where("_id").is(personRef)), update, COLLECTION);
    }

    private static String field(String marriageId, String name) {
        return "marriages." + marriageId + "." + name;
    }

    /** The person's marriages as registry announced them; none when registry never named the person. */
    public List<Marriage> of(String personRef) {
        Document person = mongo.findById(personRef, Document.class, COLLECTION);
        if (person == null || !(person.get("marriages") instanceof Document marriages)) {
            return List.of();
        }
        return marriages.entrySet().stream().filter(e -> e.getValue() instanceof Document)
                .map(e -> Marriage.of(e.getKey(), (Document) e.getValue()))
                .filter(m -> m.spouse() != null).toList();
    }

    /**
     * One marriage of a person: the spouse, the first day, and its end where registry announced one ({@code until}
     * a divorce's day; {@code divorced} without a day for a back-entered divorced marriage).
     */
    public record Marriage(String id, String spouse, LocalDate from, boolean divorced, LocalDate until) {

        static Marriage of(String id, Document d) {
            Function<String, LocalDate> date = key -> Optional.ofNullable(d.getString(key)).map(LocalDate::parse)
                    .orElse(null);
            return new Marriage(id, d.getString("spouse"), date.apply("from"), Boolean.TRUE.equals(d.get("divorced")),
                    date.apply("until"));
        }

        /**
         * In force on that day as far as registry says: begun, and not ended by a divorce before it. A marriage ended
         * by a death is judged by the caller, who knows the deaths.
         */
        public boolean inForceOn(LocalDate day) {
            boolean begun = from == null || !from.isAfter(day);
            boolean ended = until != null ? until.isBefore(day) : divorced;
            return begun && !ended;
        }
    }
}
