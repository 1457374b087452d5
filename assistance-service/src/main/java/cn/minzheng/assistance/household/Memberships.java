package cn.minzheng.assistance.household;

import java.util.List;
import java.util.Optional;

import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.claims.ExclusiveClaims;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The rule that one person is an active member of at most one household: a claim per personRef names the
 * household. A claim whose household was never written, or no longer holds the person, is taken over.
 */
@Component
class Memberships {

    private final ExclusiveClaims claims;
    private final Households households;

    Memberships(MongoTemplate mongo, Households households) {
        this.claims = new ExclusiveClaims(mongo, "memberships", java.time.Duration.ofSeconds(30));
        this.households = households;
    }

    /** Claims every person for the household, or claims none and answers 409. */
    void claim(String householdId, List<String> personRefs) {
        claims.claimAll(personRefs, householdId,
                (holder, personRef) -> households.find(holder).map(h -> h.hasActiveMember(personRef)).orElse(false))
                .ifPresent(conflict -> {
                    throw Refusal.conflict("member-in-other-household", conflict.holder());
                });
    }

    Optional<String> holder(String personRef) {
        return claims.holder(personRef);
    }

    void release(String householdId, String personRef) {
        claims.release(personRef, householdId);
    }
}
