package cn.minzheng.funeral.fee;

import cn.minzheng.funeral.death.Death;
import cn.minzheng.funeral.support.HouseholdSupport;

import org.springframework.stereotype.Service;

/**
 * A death's waiver under the rules of its funeral home's county and the household support on the date of death: the
 * one computation behind the waiver endpoint, the statistics and the settlement statements.
 */
@Service
public class FeeWaivers {

    private final FeeRules rules;
    private final HouseholdSupport support;

    FeeWaivers(FeeRules rules, HouseholdSupport support) {
        this.rules = rules;
        this.support = support;
    }

    public FeeWaiver of(Death death) {
        FeeRules.County county = rules(death);
        return FeeWaiver.of(death, county, support.on(death.personRef(), death.dateOfDeath(),
                county.poorProgrammes()));
    }

    public FeeRules.County rules(Death death) {
        return rules.of(death.funeralHomeDivision().county().value());
    }
}
