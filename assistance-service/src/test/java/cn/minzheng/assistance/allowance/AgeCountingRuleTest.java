package cn.minzheng.assistance.allowance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.assistance.benefit.AgeCounting;
import cn.minzheng.assistance.money.Money;

/**
 * When an age-dependent allowance starts and ends (docs/allowances.md): from the month after the month the age is
 * reached (次月) unless the county's rule version says "from the birthday month"; a children's allowance is paid
 * through the month of the 18th birthday, whatever the start rule.
 */
class AgeCountingRuleTest {

    static RuleVersion rules(AgeCounting counting) {
        return new RuleVersion(1, LocalDate.of(2018, 1, 1), "test", List.of(
                new ProgrammeRule(AllowanceProgramme.OLD_AGE, null, List.of(
                        new AgeBand(80, 89, Money.of("100.00")), new AgeBand(90, null, Money.of("200.00"))), List.of(
                        new Criterion("age-80", null, null, 80, null, null, null, null, null))),
                new ProgrammeRule(AllowanceProgramme.ORPHAN_SCATTERED, Money.of("1500.00"), null, List.of(
                        new Criterion("orphan", null, null, null, null, null, null, Set.of(ChildStatus.ORPHAN),
                                null)))),
                List.of(), null, null, RuleVersion.Status.APPROVED, "a", null, "b", null, counting);
    }

    static PersonFacts born(String day) {
        return new PersonFacts(LocalDate.parse(day), 0, null, false, ChildStatus.ORPHAN, false, null, Set.of());
    }

    @ParameterizedTest(name = "born {0}, {1} ({2}): {3}")
    @CsvSource(delimiter = '|', textBlock = """
            1946-03-01 | 2026-03 | NEXT_MONTH     | -
            1946-03-01 | 2026-04 | NEXT_MONTH     | 80-89
            1946-03-31 | 2026-03 | NEXT_MONTH     | -
            1946-03-31 | 2026-04 | NEXT_MONTH     | 80-89
            1936-03-01 | 2026-03 | NEXT_MONTH     | 80-89
            1936-03-01 | 2026-04 | NEXT_MONTH     | 90+
            1946-03-01 | 2026-03 | BIRTHDAY_MONTH | 80-89
            1946-03-31 | 2026-03 | BIRTHDAY_MONTH | 80-89
            1946-03-31 | 2026-02 | BIRTHDAY_MONTH | -
            1936-03-15 | 2026-03 | BIRTHDAY_MONTH | 90+
            """)
    void the_old_age_allowance_and_its_bands_start_by_the_countys_rule(String birth, String month, AgeCounting rule,
            String band) {
        Eligibility judged = rules(rule).judge("320404", AllowanceProgramme.OLD_AGE, born(birth), YearMonth.parse(month));
        assertThat(judged.eligible() ? judged.band() : "-").isEqualTo(band);
    }

    @ParameterizedTest(name = "born {0}, {1} ({2}): paid {3}")
    @CsvSource(delimiter = '|', textBlock = """
            2008-03-01 | 2026-03 | NEXT_MONTH     | true
            2008-03-01 | 2026-04 | NEXT_MONTH     | false
            2008-03-31 | 2026-03 | NEXT_MONTH     | true
            2008-03-01 | 2026-03 | BIRTHDAY_MONTH | true
            2008-03-01 | 2026-04 | BIRTHDAY_MONTH | false
            """)
    void a_childrens_allowance_is_paid_through_the_month_of_the_18th_birthday(String birth, String month,
            AgeCounting rule, boolean paid) {
        assertThat(rules(rule).judge("320404", AllowanceProgramme.ORPHAN_SCATTERED, born(birth),
                YearMonth.parse(month)).eligible()).isEqualTo(paid);
    }
}
