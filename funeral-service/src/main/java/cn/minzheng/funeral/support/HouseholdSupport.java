package cn.minzheng.funeral.support;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import cn.minzheng.platform.store.CollectionIndexes;
import cn.minzheng.platform.store.DeclaresIndexes;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * One document per enrolment ({@code _id} = enrolment id): its programme, its months, and each member's months
 * (a member who left, by death or otherwise, keeps the months they were in). Unlike a "current members" list, this
 * answers for a past day: the person whose own death removes them from a one-person dibao household was still in
 * it on the day they died, so their fee waiver stands. Each write sets what an event says; applying it twice
 * changes nothing.
 */
@Component
public class HouseholdSupport implements DeclaresIndexes {

    static final String COLLECTION = "household_support";

    private final MongoTemplate mongo;

    HouseholdSupport(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public CollectionIndexes indexDeclaration() {
        return DeclaresIndexes.indexes(COLLECTION, DeclaresIndexes.index("members.personRef"));
    }

    /** The enrolment's members from a month on: newcomers join from it, those no longer listed leave before it. */
    public void members(String enrolmentId, String programme, YearMonth from, List<String> personRefs,
            boolean started) {
        Document current = mongo.findById(enrolmentId, Document.class, COLLECTION);
        List<Document> members = new ArrayList<>();
        if (current != null) {
            for (Document member : current.getList("members", Document.class, List.of())) {
                Document copy = new Document(member);
                boolean stillIn = personRefs.contains(member.getString("personRef"));
                if (!stillIn && copy.getString("until") == null && YearMonth.parse(copy.getString("from"))
                        .isBefore(from)) {
                    copy.put("until", from.minusMonths(1).toString());
                }
                members.add(copy);
            }
        }
        for (String ref : personRefs) {
            boolean known = members.stream().anyMatch(m -> ref.equals(m.getString("personRef"))
                    && m.getString("until") == null);
            if (!known) {
                members.add(new Document("personRef", ref).append("from", from.toString()));
            }
        }
        Document updated = current == null ? new Document("_id", enrolmentId) : new Document(current);
        updated.put("programme", programme);
        updated.put("members", members);
        if (started && updated.getString("fromMonth") == null) {
            updated.put("fromMonth", from.toString());
        }
        mongo.save(updated, COLLECTION);
    }

    /** The enrolment ended; its last month paid is the last month anyone in it counts. */
    public void ended(String enrolmentId, String programme, YearMonth lastMonth) {
        Document current = mongo.findById(enrolmentId, Document.class, COLLECTION);
        Document updated = current == null ? new Document("_id", enrolmentId).append("members", List.of())
                : new Document(current);
        updated.put("programme", programme);
        updated.put("lastMonth", lastMonth.toString());
        mongo.save(updated, COLLECTION);
    }

    /** The household programme (DIBAO, TEKUN) the person was in on the day, if any. */
    public Optional<String> on(String personRef, LocalDate day, List<String> programmes) {
        YearMonth month = YearMonth.from(day);
        for (Document enrolment : mongo.find(new Query(Criteria.where("members.personRef").is(personRef)),
                Document.class, COLLECTION)) {
            String last = enrolment.getString("lastMonth");
            if (!programmes.contains(enrolment.getString("programme"))
                    || last != null && YearMonth.parse(last).isBefore(month)) {
                continue;
            }
            for (Document member : enrolment.getList("members", Document.class, List.of())) {
                String until = member.getString("until");
                if (personRef.equals(member.getString("personRef"))
                        && !YearMonth.parse(member.getString("from")).isAfter(month)
                        && (until == null || !YearMonth.parse(until).isBefore(month))) {
                    return Optional.of(enrolment.getString("programme"));
                }
            }
        }
        return Optional.empty();
    }
}
