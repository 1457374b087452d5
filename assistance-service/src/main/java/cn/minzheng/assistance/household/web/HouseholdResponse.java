package cn.minzheng.assistance.household.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.minzheng.assistance.benefit.BenefitCalculator;
import cn.minzheng.assistance.benefit.MeansTest;
import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.assistance.benefit.Residence;
import cn.minzheng.assistance.benefit.SelfCare;
import cn.minzheng.assistance.household.Household;
import cn.minzheng.assistance.household.Member;
import cn.minzheng.assistance.household.Relation;
import cn.minzheng.platform.identity.Sex;
import cn.minzheng.platform.text.Texts;

/** A household as staff see it: ID numbers masked, members named by personRef for later commands. */
record HouseholdResponse(String id, String divisionCode, Residence residence, String address,
        Household.Status status, List<MemberView> members, MeansTest.Assets assets, String contactPhone,
        String paymentAccount, BigDecimal perCapitaIncome,
        Map<Programme, String> activeEnrolments, List<ChangeView> changes,
        List<Household.ReviewFlag> reviewFlags, long version, Instant createdAt) {

    /** The history's summaries worded in the caller's language. */
    static HouseholdResponse of(Household h, LocalDate today, Texts texts) {
        var month = java.time.YearMonth.from(today);
        return new HouseholdResponse(h.id(), h.division().value(), h.residence(), h.address(), h.status(),
                h.members().stream().map(m -> MemberView.of(m, today)).toList(), h.assets(),
                h.contactPhone() == null ? null : h.contactPhone().masked(),
                h.paymentAccount() == null ? null : h.paymentAccount().masked(),
                BenefitCalculator.perCapitaIncome(h.benefitMembers(month)).amount(), h.activeEnrolments(),
                h.changes().stream().map(c -> new ChangeView(c.at(), c.by(), c.reason(), texts.word(c.summary())))
                        .toList(), h.reviewFlags(), h.version(), h.createdAt());
    }

    /** One change of the household's record as read: its summary in words. */
    record ChangeView(Instant at, String by, String reason, String summary) {
    }

    record MemberView(String personRef, String idNumber, String name, Relation relation, Sex sex, int age,
            int disabilityGrade, String disabilityCategory, boolean employed, BigDecimal monthlyIncome,
            SelfCare selfCare, boolean active, LocalDate leftOn, String leftReason) {

        static MemberView of(Member m, LocalDate today) {
            return new MemberView(m.personRef(), m.idNumber().masked(), m.name(), m.relation(), m.sex(),
                    java.time.Period.between(m.birthDate(), today).getYears(), m.disabilityGrade(),
                    m.disabilityCategory(), m.employed(), m.monthlyIncome().amount(), m.selfCare(), m.isActive(),
                    m.leftOn(), m.leftReason());
        }
    }
}
