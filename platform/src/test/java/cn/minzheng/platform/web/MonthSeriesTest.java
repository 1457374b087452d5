package cn.minzheng.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import cn.minzheng.platform.refusal.Refusal;

/**
 * A month series is the period cut at month ends, each month computed as a period; a plain request is one period,
 * any other series and a series longer than two years are refused naming the field.
 */
class MonthSeriesTest {

    @Test
    void a_period_is_cut_at_month_ends_and_each_month_is_computed_as_a_period() {
        Object answer = MonthSeries.periodOrMonths("month", LocalDate.of(2026, 1, 15), LocalDate.of(2026, 3, 10),
                (from, to) -> from + ".." + to);
        assertThat(answer).isInstanceOf(MonthSeries.class);
        java.util.List<? extends MonthSeries.Month<?>> months = ((MonthSeries<?>) answer).months();
        assertThat(months.stream().map(MonthSeries.Month::month).toList())
                .containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2), YearMonth.of(2026, 3));
        assertThat(months.stream().map(m -> (Object) m.figures()).toList())
                .containsExactly("2026-01-15..2026-01-31", "2026-02-01..2026-02-28", "2026-03-01..2026-03-10");
    }

    @Test
    void without_a_series_the_period_is_one_and_other_series_or_long_ones_are_refused() {
        assertThat(MonthSeries.periodOrMonths(null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                (from, to) -> from + ".." + to)).isEqualTo("2026-01-01..2026-12-31");
        assertThat(refusalOf(() -> MonthSeries.periodOrMonths("week", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 2, 1), (from, to) -> 0))).isEqualTo("invalid-request series");
        assertThat(refusalOf(() -> MonthSeries.periodOrMonths("month", LocalDate.of(2024, 1, 1),
                LocalDate.of(2026, 1, 1), (from, to) -> 0))).isEqualTo("invalid-request from");
        assertThat(refusalOf(() -> MonthSeries.periodOrMonths("month", LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 1, 1), (from, to) -> 0))).isEqualTo("invalid-request to");
        assertThat(MonthSeries.of(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31), (from, to) -> 0).months())
                .hasSize(24);
    }

    private static String refusalOf(Runnable step) {
        try {
            step.run();
            return null;
        } catch (Refusal refusal) {
            return refusal.code() + " " + refusal.field();
        }
    }
}
