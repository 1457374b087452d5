package cn.minzheng.assistance.household;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import cn.minzheng.platform.problem.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The rule that one person is an active member of at most one household, kept without transactions: a claim
 * document per person ({@code _id} = personRef, unique by nature) names the household. A claim left behind by a
 * crash (its household was never written, or no longer holds the person) is taken over.
 */
@Component
class Memberships {

    private static final String COLLECTION = "memberships";

    private final MongoTemplate mongo;
    private final Households households;

    Memberships(MongoTemplate mongo, Households households) {
        this.mongo = mongo;
        this.households = households;
    }

    /** Claims every person for the household, or claims none and answers 409. */
    void claim(String householdId, List<String> personRefs) {
        List<String> claimed = new ArrayList<>();
        try {
            for (String personRef : personRefs) {
                claimOne(householdId, personRef);
                claimed.add(personRef);
            }
        } catch (ProblemException conflict) {
            claimed.forEach(ref -> release(householdId, ref));
            throw conflict;
        }
    }

    private void claimOne(String householdId, String personRef) {
        try {
            mongo.insert(new Document("_id", personRef).append("householdId", householdId), COLLECTION);
        } catch (DuplicateKeyException taken) {
            Document claim = mongo.findById(personRef, Document.class, COLLECTION);
            String holder = claim == null ? null : claim.getString("householdId");
            if (householdId.equals(holder)) {
                return;
            }
            boolean stale = holder == null || households.find(holder).map(h -> !h.hasActiveMember(personRef))
                    .orElse(true);
            if (!stale) {
                throw new ProblemException(HttpStatus.CONFLICT, "member-in-other-household", null,
                        "A member (" + personRef.substring(0, 8) + "…) is already an active member of household "
                                + holder + ".");
            }
            long takenOver = mongo.updateFirst(new Query(Criteria.where("_id").is(personRef).and("householdId")
                    .is(holder)), new Update().set("householdId", householdId), COLLECTION).getModifiedCount();
            if (takenOver == 0) {
                claimOne(householdId, personRef);
            }
        }
    }

    void release(String householdId, String personRef) {
        mongo.remove(new Query(Criteria.where("_id").is(personRef).and("householdId").is(householdId)), COLLECTION);
    }
}
