package cn.minzheng.funeral.cemetery;

import static cn.minzheng.testsupport.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.minzheng.platform.identity.DivisionCode;

/**
 * Issue 30.12: a cemetery's own rules: plots no larger than the division's limit, a public-welfare cemetery for its
 * county's residents, a plot never given twice (a retried burial gets its plot back), a held plot for the person it
 * is held for, and a renewal that names the term it saw.
 */
class CemeteryTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static Cemetery publicWelfare(int graves) {
        return Cemetery.register("cem-1", "钟楼区公益性公墓", Cemetery.Kind.PUBLIC_WELFARE, false,
                DivisionCode.of("320404"), 20, List.of(new Cemetery.PlotBatch(Plot.Kind.GRAVE, graves,
                        new BigDecimal("0.8"))), new BigDecimal("1.0"), "officer", CLOCK);
    }

    @Test
    void plots_larger_than_the_limit_are_refused_naming_the_batch() {
        assertThat(refusalOf(() -> Cemetery.register("cem-2", "某公墓", Cemetery.Kind.COMMERCIAL, false,
                DivisionCode.of("320404"), 20, List.of(new Cemetery.PlotBatch(Plot.Kind.GRAVE, 1,
                        new BigDecimal("0.8")), new Cemetery.PlotBatch(Plot.Kind.GRAVE, 1, new BigDecimal("1.2"))),
                new BigDecimal("1.0"), "officer", CLOCK))).isEqualTo("plot-too-large plots[1].areaSqm");
    }

    @Test
    void a_laid_out_cemetery_places_each_plot_in_its_section_row_by_row_and_offers_renewal_only_in_use() {
        Cemetery cemetery = Cemetery.register("cem-3", "某公墓", Cemetery.Kind.COMMERCIAL, false,
                DivisionCode.of("320404"), 20, List.of(
                        new Cemetery.PlotBatch(Plot.Kind.GRAVE, 5, new BigDecimal("0.8"), "A区", 2),
                        new Cemetery.PlotBatch(Plot.Kind.NICHE, 3, new BigDecimal("0.1"), "B区", null),
                        new Cemetery.PlotBatch(Plot.Kind.ECO, 2, new BigDecimal("0.3"))),
                new BigDecimal("1.0"), "officer", CLOCK);

        assertThat(cemetery.sections()).containsExactly("A区", "B区");
        assertThat(cemetery.section("A区")).extracting(Plot::place).containsExactly(
                new Plot.Place("A区", 1, 1), new Plot.Place("A区", 1, 2), new Plot.Place("A区", 2, 1),
                new Plot.Place("A区", 2, 2), new Plot.Place("A区", 3, 1));
        assertThat(cemetery.section("B区")).as("one row when no width is given").extracting(p -> p.place().row())
                .containsOnly(1);

        Plot used = cemetery.allocate(Plot.Kind.GRAVE, "death-a", "p-a", TODAY);
        assertThat(used.place()).as("the place stays with the plot").isEqualTo(new Plot.Place("A区", 1, 1));
        assertThat(used.actions(true)).containsExactly(Plot.Action.RENEW);
        assertThat(used.actions(false)).isEmpty();
        assertThat(cemetery.section("A区").get(1).actions(true)).as("free").isEmpty();
    }

    @Test
    void a_public_welfare_cemetery_serves_its_own_county() {
        Cemetery cemetery = publicWelfare(1);

        assertThat(refusalOf(() -> cemetery.requireServes(DivisionCode.of("320404001001")))).isNull();
        assertThat(refusalOf(() -> cemetery.requireServes(DivisionCode.of("320413001001"))))
                .isEqualTo("non-resident-public-cemetery");
    }

    @Test
    void a_plot_is_given_once_and_a_retried_burial_gets_its_own_back() {
        Cemetery cemetery = publicWelfare(1);

        Plot first = cemetery.allocate(Plot.Kind.GRAVE, "death-a", "p-a", TODAY);
        assertThat(first.termUntil()).isEqualTo(TODAY.plusYears(20));
        assertThat(cemetery.allocate(Plot.Kind.GRAVE, "death-a", "p-a", TODAY)).isEqualTo(first);
        assertThat(refusalOf(() -> cemetery.allocate(Plot.Kind.GRAVE, "death-b", "p-b", TODAY)))
                .isEqualTo("no-free-plot");
    }

    @Test
    void a_renewal_names_the_term_it_saw_so_a_retry_does_not_add_the_years_twice() {
        Cemetery cemetery = publicWelfare(1);
        Plot used = cemetery.allocate(Plot.Kind.GRAVE, "death-a", "p-a", TODAY);

        Plot renewed = cemetery.renew(used.id(), 10, used.termUntil());

        assertThat(renewed.termUntil()).isEqualTo(TODAY.plusYears(30));
        assertThat(refusalOf(() -> cemetery.renew(used.id(), 10, used.termUntil())))
                .isEqualTo("term-changed currentUntil");
        assertThat(cemetery.termsEndingBy(TODAY.plusYears(30))).extracting(Plot::id).containsExactly(used.id());
    }
}
