package cn.minzheng.eldercare.facility;

import static cn.minzheng.testsupport.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.platform.identity.DivisionCode;

/**
 * Issue 30.12: a facility's own rules: nursing beds within the total, beds only where people live, an operator with
 * a contract for a public-built privately run one, a rating per day and the latest one current, certified
 * caregivers within the total, and an operator's revocation flagged once and only for its own facilities.
 */
class FacilityTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    static final CreditCode OPERATOR = CreditCode.of("52320404MJ5911208C");

    private static Facility careHome(Ownership ownership, Operator operator, int total, int nursing) {
        return Facility.register(null, "安康护理院", FacilityType.CARE_HOME, ownership, operator, null,
                DivisionCode.of("320404003"), "某路 1 号", total, nursing, "officer", CLOCK);
    }

    @Test
    void beds_are_counted_where_people_live_and_nursing_beds_are_part_of_the_total() {
        assertThat(refusalOf(() -> careHome(Ownership.PUBLIC, null, 40, 41))).isEqualTo("nursing-above-total beds.nursing");
        assertThat(refusalOf(() -> Facility.register(null, "荷花池助餐点", FacilityType.MEAL_POINT, Ownership.PUBLIC, null,
                null, DivisionCode.of("320404001"), null, 10, 0, "officer", CLOCK)))
                .isEqualTo("beds-not-residential beds.total");

        Facility home = careHome(Ownership.PUBLIC, null, 40, 30);

        assertThat(home.beds(BedType.NURSING)).isEqualTo(30);
        assertThat(home.beds(BedType.GENERAL)).isEqualTo(10);
        assertThat(home.nursingBedRatio()).isEqualByComparingTo("75.00");
        assertThat(home.actions(false, true)).containsExactly(Facility.Action.ADMIT, Facility.Action.REPORT_CAREGIVERS,
                Facility.Action.RECORD_MEAL);
        assertThat(home.actions(true, false)).contains(Facility.Action.ADMIT, Facility.Action.RATE,
                Facility.Action.INSPECT);
        assertThat(home.actions(false, false)).as("an auditor reads").isEmpty();
        Facility mealPoint = Facility.register(null, "荷花池助餐点", FacilityType.MEAL_POINT, Ownership.PUBLIC, null,
                null, DivisionCode.of("320404001"), null, 0, 0, "officer", CLOCK);
        assertThat(mealPoint.actions(true, false)).as("no one lives at a meal point")
                .doesNotContain(Facility.Action.ADMIT).contains(Facility.Action.RECORD_MEAL);
        assertThat(refusalOf(mealPoint::requireResidential)).startsWith("not-residential");
    }

    @Test
    void a_public_built_privately_run_facility_names_its_operator_and_the_contracts_end() {
        assertThat(refusalOf(() -> careHome(Ownership.PUBLIC_BUILT_PRIVATE_OPERATED, null, 40, 30)))
                .isEqualTo("operator-required operatorCreditCode");
        assertThat(refusalOf(() -> careHome(Ownership.PUBLIC_BUILT_PRIVATE_OPERATED,
                new Operator(OPERATOR, "安康养老服务社", null), 40, 30))).isEqualTo("operator-required contractEnds");

        Facility run = careHome(Ownership.PUBLIC_BUILT_PRIVATE_OPERATED,
                new Operator(OPERATOR, "安康养老服务社", LocalDate.of(2027, 1, 31)), 40, 30);

        assertThat(run.contractEndsBy(TODAY.plusDays(90))).isTrue();
        assertThat(run.contractEndsBy(TODAY.plusDays(30))).isFalse();
    }

    @Test
    void a_day_is_rated_once_and_the_latest_rating_is_the_current_one() {
        Facility home = careHome(Ownership.PUBLIC, null, 40, 30);
        home.rate(4, LocalDate.of(2026, 6, 1), "officer", CLOCK);
        home.rate(3, LocalDate.of(2025, 6, 1), "officer", CLOCK);

        assertThat(home.rating()).hasValueSatisfying(r -> assertThat(r.stars()).isEqualTo(4));
        assertThat(refusalOf(() -> home.rate(5, LocalDate.of(2026, 6, 1), "officer", CLOCK)))
                .isEqualTo("already-rated");
        assertThat(refusalOf(() -> home.rate(6, TODAY, "officer", CLOCK))).isEqualTo("invalid-request stars");
        assertThat(refusalOf(() -> home.caregivers(10, 11, TODAY, CLOCK))).isEqualTo("certified-above-total certified");
    }

    @Test
    void an_operators_revocation_flags_its_own_facilities_once() {
        Facility run = careHome(Ownership.PUBLIC_BUILT_PRIVATE_OPERATED,
                new Operator(OPERATOR, "安康养老服务社", LocalDate.of(2030, 6, 30)), 40, 30);

        assertThat(run.operatorRevoked("52320404MJ0000000X", TODAY, "另一家", "e-0")).isFalse();
        assertThat(run.operatorRevoked(OPERATOR.value(), TODAY, "连续两年未参加年检", "e-1")).isTrue();
        assertThat(run.operatorRevoked(OPERATOR.value(), TODAY, "连续两年未参加年检", "e-1")).isFalse();
        assertThat(run.operatorSuspension().reason()).isEqualTo("连续两年未参加年检");
    }
}
