package cn.minzheng.assistance.enrolment;

import java.time.YearMonth;

import cn.minzheng.assistance.benefit.Benefit;
import cn.minzheng.assistance.benefit.BenefitCalculator;
import cn.minzheng.assistance.benefit.BenefitRules;
import cn.minzheng.assistance.benefit.MeansTest;
import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.assistance.household.Household;
import cn.minzheng.assistance.standard.Standard;
import cn.minzheng.assistance.standard.Standards;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.stereotype.Component;

/**
 * Applies the benefit rules to a real household for a month: finds the dibao standard in force for its county and
 * residence type on the month's first day (every programme is measured against it), then runs the means test or
 * the calculation.
 */
@Component
public class BenefitAssessor {

    private final Standards standards;
    private final BenefitRules rules;

    BenefitAssessor(Standards standards, BenefitRules rules) {
        this.standards = standards;
        this.rules = rules;
    }

    public Standard standardFor(Household household, YearMonth month) {
        String county = household.division().county().value();
        return standards.inForce(county, Programme.DIBAO, household.residence(), month.atDay(1))
                .orElseThrow(() -> Refusal.conflict("no-standard-in-force", county,
                        Refusal.term("residence." + household.residence()), month.atDay(1)));
    }

    public MeansTest meansTest(Household household, Programme programme, YearMonth month) {
        return MeansTest.of(programme, standardFor(household, month).amount(), household.benefitMembers(month),
                household.assets(), rules);
    }

    public Assessment assess(Household household, Programme programme, YearMonth month) {
        Standard standard = standardFor(household, month);
        Benefit benefit = BenefitCalculator.calculate(programme, standard.amount(), household.benefitMembers(month),
                month, household.division().county().value(), rules);
        return new Assessment(benefit, standard.id());
    }

    public record Assessment(Benefit benefit, String standardId) {
    }
}
