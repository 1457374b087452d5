package cn.minzheng.assistance.benefit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.assistance.money.Money;

/** The benefit rules of DOMAIN.md §1, table by table. */
class BenefitCalculatorTest {

    static final YearMonth MONTH = YearMonth.of(2026, 12);
    static final BenefitRules RULES = new BenefitRules(
            new BenefitRules.AddOns(new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("10"), null),
            Map.of("320413", new BenefitRules.AddOns(new BigDecimal("15"), new BigDecimal("30"), new BigDecimal("15"), null),
                    "320411", new BenefitRules.AddOns(new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("10"),
                            AgeCounting.BIRTHDAY_MONTH)),
            new BigDecimal("1.3"), new BenefitRules.CareShares(new BigDecimal("10"), new BigDecimal("30"),
                    new BigDecimal("60")),
            new BigDecimal("1.5"), new BenefitRules.AssetTest(24, 0, 1), new BigDecimal("1000"), 6);

    /**
     * Age on the month's first day (years, or years.months for a birthday that many months earlier), disability
     * grade, income: "40/0/300;38/0/0", "60.1/0/0" (turned 60 on the first of the month before).
     */
    static List<BenefitMember> members(String spec) {
        List<BenefitMember> members = new ArrayList<>();
        int n = 0;
        for (String member : spec.split(";")) {
            String[] f = member.split("/");
            members.add(new BenefitMember("ref" + n++, "320404********0000",
                    birth(f[0]), Integer.parseInt(f[1]),
                    f.length > 3 ? SelfCare.valueOf(f[3]) : SelfCare.FULL, Money.of(f[2])));
        }
        return members;
    }

    private static java.time.LocalDate birth(String age) {
        String[] parts = age.split("\\.");
        return MONTH.atDay(1).minusYears(Integer.parseInt(parts[0]))
                .minusMonths(parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            household of three with income 900 gets the gap                 | 800 | 45/0/900;43/0/0;20/0/0       | 320404 | 1500.00
            a minor adds ten percent of the standard                          | 800 | 45/0/300;43/0/0;11/0/0       | 320404 | 2180.00
            an elderly member adds ten percent                                | 800 | 70/0/0                       | 320404 | 880.00
            severe disability grade 2 adds twenty percent                     | 800 | 50/2/0                       | 320404 | 960.00
            grade 3 is not severe                                             | 800 | 50/3/0                       | 320404 | 800.00
            elderly and severely disabled both add                            | 800 | 75/1/0                       | 320404 | 1040.00
            the county's own add-ons apply in Jintan                          | 800 | 75/1/0                       | 320413 | 1160.00
            a member turning 60 on the first day is elderly from the next month (次月) | 800 | 60/0/0     | 320404 | 800.00
            a member who turned 60 last month counts as elderly               | 800 | 60.1/0/0                     | 320404 | 880.00
            a child turning 18 on the first day is a minor through that month | 800 | 45/0/300;43/0/0;18/0/0       | 320404 | 2180.00
            a child who turned 18 last month is no longer a minor             | 800 | 45/0/300;43/0/0;18.1/0/0     | 320404 | 2100.00
            where the county counts from the birthday month, 60 on the first counts | 800 | 60/0/0         | 320411 | 880.00
            per-capita income is rounded first, then the gap per member       | 800 | 40/0/100;40/0/0;40/0/0       | 320404 | 2300.01
            income at the standard leaves no gap                              | 800 | 40/0/1600;40/0/0             | 320404 | 0.00
            """)
    void dibao(String rule, String standard, String household, String county, String expected) {
        Benefit benefit = BenefitCalculator.calculate(Programme.DIBAO, Money.of(standard), members(household), MONTH,
                county, RULES);
        assertThat(benefit.monthlyAmount()).isEqualTo(Money.of(expected));
        assertThat(benefit.breakdown().stream().map(Benefit.Line::amount).reduce(Money.ZERO, Money::plus))
                .as("the breakdown adds up").isEqualTo(benefit.monthlyAmount());
    }

    @ParameterizedTest(name = "extremely poor, {0}")
    @CsvSource(delimiter = '|', textBlock = """
            able to care for themselves gets 1.3 S plus 10 percent  | 70/0/0/FULL    | 1120.00
            partly dependent gets 1.3 S plus 30 percent             | 70/0/0/PARTIAL | 1280.00
            fully dependent gets 1.3 S plus 60 percent              | 70/0/0/NONE    | 1520.00
            """)
    void tekun(String rule, String household, String expected) {
        Benefit benefit = BenefitCalculator.calculate(Programme.TEKUN, Money.of("800"), members(household), MONTH,
                "320404", RULES);
        assertThat(benefit.monthlyAmount()).isEqualTo(Money.of(expected));
    }

    @Test
    void marginal_households_get_no_cash_but_are_listed_as_eligible_for_special_assistance() {
        Benefit benefit = BenefitCalculator.calculate(Programme.MARGINAL, Money.of("800"), members("40/0/1800;40/0/0"),
                MONTH, "320404", RULES);
        assertThat(benefit.monthlyAmount()).isEqualTo(Money.ZERO);
        assertThat(benefit.breakdown()).extracting(Benefit.Line::item).containsExactly("SPECIAL_ASSISTANCE_ELIGIBLE");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            income below the standard with modest savings passes  | DIBAO    | 40/0/500;40/0/0   | 10000 | 0 | 1 | true
            savings above 24 months of the standard fail          | DIBAO    | 40/0/500;40/0/0   | 38401 | 0 | 1 | false
            a car fails                                           | DIBAO    | 40/0/500;40/0/0   | 0     | 1 | 1 | false
            a second home fails                                   | DIBAO    | 40/0/500;40/0/0   | 0     | 0 | 2 | false
            income at the standard fails                          | DIBAO    | 40/0/1600;40/0/0  | 0     | 0 | 1 | false
            marginal between S and 1.5 S passes                   | MARGINAL | 40/0/1800;40/0/0  | 0     | 0 | 1 | true
            marginal at 1.5 S fails                               | MARGINAL | 40/0/2400;40/0/0  | 0     | 0 | 1 | false
            temporary assistance has no income or asset test      | TEMPORARY| 40/0/9000         | 99999 | 2 | 3 | true
            """)
    void means_test(String rule, Programme programme, String household, String deposits, int vehicles, int houses,
            boolean passes) {
        MeansTest test = MeansTest.of(programme, Money.of("800"), members(household),
                new MeansTest.Assets(Money.of(deposits), vehicles, houses), RULES);
        assertThat(test.passed()).isEqualTo(passes);
        if (passes) {
            assertThat(test.reasons()).isEmpty();
        } else {
            assertThat(test.reasons()).as("says why in words").isNotEmpty().allMatch(r -> !r.key().isBlank());
        }
    }

    @Test
    void money_rounds_half_up_to_the_fen() {
        assertThat(Money.of("0.005")).isEqualTo(Money.of("0.01"));
        assertThat(Money.of("2.345")).isEqualTo(Money.of("2.35"));
        assertThat(Money.of("100").dividedBy(3)).isEqualTo(Money.of("33.33"));
    }

    @Test
    void a_birthday_after_the_first_of_the_month_does_not_count_that_month() {
        BenefitMember turnsSixtyOnTheSecond = new BenefitMember("r", "m", MONTH.atDay(2).minusYears(60), 0,
                SelfCare.FULL, Money.ZERO);
        Benefit benefit = BenefitCalculator.calculate(Programme.DIBAO, Money.of("800"), List.of(turnsSixtyOnTheSecond),
                MONTH, "320404", RULES);
        assertThat(benefit.monthlyAmount()).isEqualTo(Money.of("800.00"));
    }
}
