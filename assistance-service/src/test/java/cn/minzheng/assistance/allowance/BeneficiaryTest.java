package cn.minzheng.assistance.allowance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.minzheng.assistance.money.Money;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.ProtectedIdNumber;
import cn.minzheng.platform.personal.SealedValue;

/** The person's allowances as a unit: exclusive groups (就高), the end of a children's allowance at 18, a death. */
class BeneficiaryTest {

    static final Clock DECEMBER = Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    static final RuleVersion RULES = new RuleVersion(1, LocalDate.of(2018, 1, 1), "test", List.of(
            new ProgrammeRule(AllowanceProgramme.ORPHAN_SCATTERED, Money.of("1500.00"), null, List.of(
                    new Criterion("orphan", null, null, null, null, null, null, Set.of(ChildStatus.ORPHAN), null))),
            new ProgrammeRule(AllowanceProgramme.DISABILITY_LIVING, Money.of("150.00"), null, List.of(
                    new Criterion("any-grade", Set.of(1, 2, 3, 4), null, null, null, null, null, null, null))),
            new ProgrammeRule(AllowanceProgramme.DISABILITY_CARE, Money.of("120.00"), null, List.of(
                    new Criterion("severe", Set.of(1, 2), null, null, null, null, null, null, null)))),
            List.of(Set.of(AllowanceProgramme.ORPHAN_SCATTERED, AllowanceProgramme.DISABILITY_LIVING)), null,
            Money.of("300.00"), RuleVersion.Status.APPROVED, "a", null, "b", null, null);

    static Beneficiary orphanWithDisability(LocalDate birth) {
        ProtectedIdNumber id = new ProtectedIdNumber("a".repeat(64), "320404********0011",
                new SealedValue("k1", "x"));
        return Beneficiary.of(id, "测试", DivisionCode.of("320404001007"), new PersonFacts(birth, 2,
                DisabilityType.PHYSICAL, false, ChildStatus.ORPHAN, false, null, Set.of()));
    }

    static Eligibility judge(Beneficiary b, AllowanceProgramme programme, YearMonth month) {
        return RULES.judge("320404", programme, b.facts(), month);
    }

    @Test
    void in_an_exclusive_group_only_the_highest_is_paid_and_others_outside_the_group_are_paid_too() {
        Beneficiary b = orphanWithDisability(LocalDate.of(2015, 5, 5));
        YearMonth jan = YearMonth.of(2027, 1);
        String living = b.grant(judge(b, AllowanceProgramme.DISABILITY_LIVING, jan), jan, "o", null, DECEMBER).id();
        String orphan = b.grant(judge(b, AllowanceProgramme.ORPHAN_SCATTERED, jan), jan, "o", null, DECEMBER).id();
        b.grant(judge(b, AllowanceProgramme.DISABILITY_CARE, jan), jan, "o", null, DECEMBER);

        List<Beneficiary.Due> due = b.dueFor(jan, month -> Optional.of(RULES));
        assertThat(due).extracting(d -> d.programme() + " " + d.amount()).containsExactlyInAnyOrder(
                "ORPHAN_SCATTERED 1500.00", "DISABILITY_CARE 120.00");
        assertThat(b.suppressedBy(living, jan, Optional.of(RULES))).contains(orphan);
    }

    @Test
    void a_childrens_allowance_ends_with_the_month_before_the_month_that_starts_at_18() {
        Beneficiary b = orphanWithDisability(LocalDate.of(2009, 3, 15));
        YearMonth jan = YearMonth.of(2027, 1);
        String orphan = b.grant(judge(b, AllowanceProgramme.ORPHAN_SCATTERED, jan), jan, "o", null, DECEMBER).id();
        // 18 on 15 March 2027: March is still paid (17 on 1 March), April is not.
        assertThat(b.reassess(jan, YearMonth.of(2027, 6), month -> Optional.of(RULES), "320404", DECEMBER)).isTrue();
        Allowance ended = b.allowance(orphan);
        assertThat(ended.status()).isEqualTo(Allowance.Status.TERMINATED);
        assertThat(ended.termination().lastMonth()).isEqualTo(YearMonth.of(2027, 3));
        assertThat(ended.termination().reason()).isEqualTo("AGE_LIMIT");
        assertThat(b.registeredEvents()).extracting(e -> e.type()).contains(
                "minzheng.assistance.allowance.terminated.v1");
    }

    @Test
    void a_death_ends_every_allowance_with_its_month_once() {
        Beneficiary b = orphanWithDisability(LocalDate.of(2015, 5, 5));
        YearMonth jan = YearMonth.of(2027, 1);
        b.grant(judge(b, AllowanceProgramme.DISABILITY_CARE, jan), jan, "o", null, DECEMBER);
        assertThat(b.died(LocalDate.of(2027, 2, 10), DECEMBER)).isTrue();
        assertThat(b.allowances()).allMatch(a -> a.termination().lastMonth().equals(YearMonth.of(2027, 2)));
        assertThat(b.died(LocalDate.of(2027, 2, 10), DECEMBER)).isFalse();
        assertThat(b.dueFor(YearMonth.of(2027, 3), month -> Optional.of(RULES))).isEmpty();
    }
}
