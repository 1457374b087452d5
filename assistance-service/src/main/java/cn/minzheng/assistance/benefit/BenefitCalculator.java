package cn.minzheng.assistance.benefit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import cn.minzheng.assistance.money.Money;

/**
 * The one place where benefit amounts are computed (DOMAIN.md §1), for a household, a programme and the standard S
 * in force for the month:
 * <ul>
 * <li>dibao: (S - per-capita income) for each member (补差), plus add-ons per member who is 60 or older, severely
 * disabled (grade 1-2) or under 18, each a configured percentage of S; every applying category adds;</li>
 * <li>extremely poor: per member, basic living of multiplier x S (at least 1.3) plus a care share of S by
 * self-care ability;</li>
 * <li>marginal: no cash; one line records eligibility for special assistance.</li>
 * </ul>
 * Per-capita income is rounded to 0.01 first, then each line is rounded half-up, and the amount is the sum of the
 * lines, so the breakdown always adds up to what is paid. Ages count by the county's rule ({@link AgeCounting}):
 * the elderly add-on from the month after the 60th birthday's month (次月) by default, the minor's through the month
 * of the 18th birthday.
 */
public final class BenefitCalculator {

    private static final BigDecimal PERCENT = new BigDecimal("0.01");

    private BenefitCalculator() {
    }

    public static Money perCapitaIncome(List<BenefitMember> members) {
        if (members.isEmpty()) {
            return Money.ZERO;
        }
        return members.stream().map(BenefitMember::monthlyIncome).reduce(Money.ZERO, Money::plus)
                .dividedBy(members.size());
    }

    public static Benefit calculate(Programme programme, Money standard, List<BenefitMember> members, YearMonth month,
            String county, BenefitRules rules) {
        Money perCapita = perCapitaIncome(members);
        LocalDate firstDay = month.atDay(1);
        List<Benefit.Line> lines = new ArrayList<>();
        switch (programme) {
            case DIBAO -> dibao(standard, members, month, rules.addOnsFor(county), perCapita, lines);
            case TEKUN -> tekun(standard, members, rules, lines);
            case MARGINAL -> members.stream().limit(1).forEach(head -> lines.add(line(head,
                    "SPECIAL_ASSISTANCE_ELIGIBLE", Money.ZERO)));
            case TEMPORARY -> throw new IllegalArgumentException("temporary assistance is a one-off amount");
        }
        Money total = lines.stream().map(Benefit.Line::amount).reduce(Money.ZERO, Money::plus);
        return new Benefit(total, lines, standard, perCapita);
    }

    private static void dibao(Money standard, List<BenefitMember> members, YearMonth month,
            BenefitRules.AddOns addOns, Money perCapita, List<Benefit.Line> lines) {
        Money gap = standard.minus(perCapita).atLeastZero();
        for (BenefitMember member : members) {
            if (gap.isPositive()) {
                lines.add(line(member, "BASE_GAP", gap));
            }
            if (addOns.ageCounting().ageFor(member.birthDate(), month) >= 60) {
                addOn(lines, member, "ADD_ON_ELDERLY", standard, addOns.elderlyPercent());
            }
            if (member.severelyDisabled()) {
                addOn(lines, member, "ADD_ON_SEVERE_DISABILITY", standard, addOns.severeDisabilityPercent());
            }
            if (AgeCounting.ageForLimit(member.birthDate(), month) < 18) {
                addOn(lines, member, "ADD_ON_MINOR", standard, addOns.minorPercent());
            }
        }
    }

    private static void tekun(Money standard, List<BenefitMember> members, BenefitRules rules,
            List<Benefit.Line> lines) {
        Money basic = standard.times(rules.tekunMultiplier());
        for (BenefitMember member : members) {
            lines.add(line(member, "TEKUN_BASIC", basic));
            addOn(lines, member, "TEKUN_CARE_" + member.selfCare(), standard,
                    rules.care().percentFor(member.selfCare()));
        }
    }

    private static void addOn(List<Benefit.Line> lines, BenefitMember member, String item, Money standard,
            BigDecimal percent) {
        if (percent.signum() > 0) {
            lines.add(line(member, item, standard.times(percent.multiply(PERCENT))));
        }
    }

    private static Benefit.Line line(BenefitMember member, String item, Money amount) {
        return new Benefit.Line(member.personRef(), member.maskedIdNumber(), item, amount);
    }
}
