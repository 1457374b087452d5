package cn.minzheng.orgs.inspection;

import static cn.minzheng.testsupport.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import cn.minzheng.platform.identity.DivisionCode;

/**
 * The plan's and the result's own rules: the level's minimum ratio, a re-draw asked by one officer and made by
 * another, and only until a result is entered; a result by an assigned inspector, within the draw's days; and the
 * actions each person is offered, which are those the acts allow.
 */
class InspectionPlanTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    final Clock clock = Clock.fixed(LocalDate.of(2026, 12, 7).atStartOfDay(CHINA).plusHours(10).toInstant(), CHINA);
    static final DivisionCode COUNTY = DivisionCode.of("320404");
    static final List<String> POOL = List.of("insp-a", "insp-b", "insp-c");
    static final List<String> CANDIDATES = IntStream.range(0, 20).mapToObj(i -> "5132040400000%04dX".formatted(i))
            .toList();

    private InspectionPlan drawn() {
        InspectionPlan plan = InspectionPlan.commit(2026, COUNTY, new BigDecimal("0.1"), false, POOL, "officer-1",
                clock);
        plan.draw("00112233445566778899aabbccddeeff", CANDIDATES, Set.of(), Set.of(), "officer-1", clock);
        return plan;
    }

    @Test
    void a_county_inspects_at_least_three_in_a_hundred_with_two_inspectors_or_more() {
        assertThat(refusalOf(() -> InspectionPlan.commit(2026, COUNTY, new BigDecimal("0.02"), false, POOL, "o",
                clock))).isEqualTo("plan-ratio-out-of-range ratio");
        assertThat(refusalOf(() -> InspectionPlan.commit(2026, COUNTY, new BigDecimal("0.03"), false,
                List.of("insp-a", " insp-a"), "o", clock))).isEqualTo("plan-pool-too-small-overall inspectors");
        assertThat(refusalOf(() -> InspectionPlan.commit(2025, COUNTY, new BigDecimal("0.03"), false, POOL, "o",
                clock))).isEqualTo("plan-year-out-of-range year");
        assertThat(drawn().current().assignments()).hasSize(2)
                .allSatisfy(a -> assertThat(a.inspectors()).hasSize(2).isSubsetOf(POOL));
    }

    @Test
    void a_re_draw_is_asked_by_one_officer_and_made_by_another_who_is_offered_it() {
        InspectionPlan plan = drawn();
        assertThat(plan.actions("officer-1", true, false)).containsExactly(InspectionPlan.Action.REQUEST_REDRAW);
        assertThat(plan.actions("insp-a", false, false)).isEmpty();
        assertThat(refusalOf(() -> plan.draw("ff", CANDIDATES, Set.of(), Set.of(), "officer-2", clock)))
                .isEqualTo("plan-already-drawn");

        plan.requestRedraw("检查人员借调", "officer-1", clock);
        assertThat(plan.actions("officer-1", true, false)).isEmpty();
        assertThat(plan.actions("officer-2", true, false)).containsExactly(InspectionPlan.Action.REDRAW);
        assertThat(plan.actions("officer-2", true, true)).as("no re-draw once a result is entered").isEmpty();
        assertThat(refusalOf(() -> plan.draw("ff", CANDIDATES, Set.of(), Set.of(), "officer-1", clock)))
                .isEqualTo("four-eyes");

        plan.draw("ffeeddccbbaa99887766554433221100", CANDIDATES, Set.of(), Set.of(), "officer-2", clock);
        assertThat(plan.current().number()).isEqualTo(2);
        assertThat(plan.current().confirmedBy()).isEqualTo("officer-2");
        assertThat(plan.redrawRequest()).isNull();
    }

    @Test
    void a_result_is_entered_by_an_assigned_inspector_who_alone_is_offered_the_form() {
        InspectionPlan plan = drawn();
        RandomDraw.Assignment target = plan.current().assignments().get(0);
        String assigned = target.inspectors().get(0);
        String outsider = POOL.stream().filter(p -> !target.inspectors().contains(p)).findFirst().orElseThrow();
        String code = target.creditCode();
        assertThat(Inspection.actions(plan, code, null, assigned, true, false))
                .containsExactly(Inspection.Action.ENTER_RESULT);
        assertThat(Inspection.actions(plan, code, null, outsider, true, false)).isEmpty();
        assertThat(Inspection.actions(plan, code, null, "officer-1", false, true)).isEmpty();
        assertThat(plan.assignedTo(assigned)).contains(target);

        LocalDate today = LocalDate.now(clock);
        assertThat(refusalOf(() -> Inspection.enter(plan, code, outsider, Inspection.Outcome.COMPLIANT, null, today,
                null, clock))).isEqualTo("not-assigned-inspector");
        assertThat(refusalOf(() -> Inspection.enter(plan, code, assigned, Inspection.Outcome.COMPLIANT, null,
                today.minusDays(1), null, clock))).isEqualTo("inspected-out-of-range inspectedOn");
        assertThat(refusalOf(() -> Inspection.enter(plan, code, assigned, Inspection.Outcome.RECTIFICATION_REQUIRED,
                "未按期换届", today, today, clock))).isEqualTo("rectification-deadline-required rectificationDeadline");

        Inspection result = Inspection.enter(plan, code, assigned, Inspection.Outcome.RECTIFICATION_REQUIRED,
                "未按期换届", today, today.plusDays(30), clock);
        assertThat(result.rectification(today)).isEqualTo(Inspection.Rectification.DUE);
        assertThat(result.rectification(today.plusDays(31))).isEqualTo(Inspection.Rectification.OVERDUE);
        assertThat(Inspection.actions(plan, code, result, assigned, true, false))
                .containsExactly(Inspection.Action.FOLLOW_UP);
        assertThat(Inspection.actions(plan, code, result, "officer-1", false, true))
                .containsExactly(Inspection.Action.FOLLOW_UP);
        assertThat(Inspection.actions(plan, code, result, outsider, true, false)).isEmpty();

        result.followUp(today, true, "已换届", assigned, false, clock);
        assertThat(result.rectification(today.plusDays(31))).isEqualTo(Inspection.Rectification.RECTIFIED);
        assertThat(Inspection.actions(plan, code, result, assigned, true, false)).isEmpty();
        assertThat(refusalOf(() -> result.followUp(today, true, null, assigned, false, clock)))
                .isEqualTo("rectification-closed");
    }
}
