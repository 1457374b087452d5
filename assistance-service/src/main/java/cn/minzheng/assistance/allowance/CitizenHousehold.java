package cn.minzheng.assistance.allowance;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashSet;
import java.util.Set;

import cn.minzheng.assistance.household.Household;
import cn.minzheng.assistance.household.Households;
import cn.minzheng.assistance.household.Member;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonRefs;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.security.Caller;

import java.time.Clock;

import org.springframework.stereotype.Component;

/**
 * Whose allowances a citizen may see and apply for: their own, and those of the minors of the household they are an
 * active member of (a parent for a child). Known from the token's ID number, never from what the request claims.
 */
@Component
public class CitizenHousehold {

    private final Households households;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    CitizenHousehold(Households households, PersonalDataCipher cipher, Clock clock) {
        this.households = households;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The citizen's personRef and their household's minors'. */
    public Set<String> personRefs(Caller citizen) {
        String me = PersonRefs.ofCitizen(citizen, cipher);
        Set<String> refs = new LinkedHashSet<>();
        refs.add(me);
        LocalDate today = LocalDate.now(clock);
        for (Household household : households.withMember(me)) {
            if (household.hasActiveMember(me)) {
                household.members().stream().filter(Member::isActive)
                        .filter(m -> Period.between(m.birthDate(), today).getYears() < 18)
                        .map(Member::personRef).forEach(refs::add);
            }
        }
        return refs;
    }

    /** 403 unless the person is the citizen or a minor of their household. */
    public void requireSelfOrMinor(Caller citizen, ResidentIdNumber person) {
        if (!personRefs(citizen).contains(PersonRefs.of(person, cipher))) {
            throw Refusal.forbidden("not-own-household");
        }
    }
}
