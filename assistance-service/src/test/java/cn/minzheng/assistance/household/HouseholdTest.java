package cn.minzheng.assistance.household;

import static cn.minzheng.testsupport.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minzheng.assistance.benefit.MeansTest;
import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.assistance.benefit.Residence;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.PersonalDataProperties;
import cn.minzheng.testsupport.TestIdNumbers;

/** The household's own rules, which every caller (officers, demo data, event consumers) meets the same way. */
class HouseholdTest {

    static final PersonalDataCipher CIPHER = new PersonalDataCipher(new PersonalDataProperties("test",
            Base64.getEncoder().encodeToString(new byte[32]), Map.of(),
            Base64.getEncoder().encodeToString("index-key-for-tests-only".getBytes())));
    static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    static final MeansTest.Assets ASSETS = new MeansTest.Assets(Money.of("1000.00"), 0, 1);

    static Member member(Relation relation, int birthYear) {
        return Member.of(ResidentIdNumber.of(TestIdNumbers.male("320404", LocalDate.of(birthYear, 3, 1))), "张",
                relation, 0, null, false, Money.ZERO, null, CIPHER);
    }

    static Household register(String division, Residence residence, List<Member> members) {
        return Household.register("hh-1", DivisionCode.of(division), residence, "某路 1 号", members, ASSETS, null, null, "officer-a",
                NOW);
    }


    @Test
    void a_household_lives_in_a_village_is_urban_or_rural_and_has_exactly_one_head() {
        List<Member> family = List.of(member(Relation.HEAD, 1980), member(Relation.CHILD, 2015));
        assertThat(refusalOf(() -> register("320404001", Residence.URBAN, family)))
                .isEqualTo("invalid-request divisionCode");
        assertThat(refusalOf(() -> register("320404001007", Residence.ALL, family)))
                .isEqualTo("invalid-request residence");
        assertThat(refusalOf(() -> register("320404001007", Residence.URBAN,
                List.of(member(Relation.CHILD, 2015))))).isEqualTo("one-head-required members");
        ResidentIdNumber child = ResidentIdNumber.of(TestIdNumbers.male("320404", LocalDate.of(2015, 3, 1)));
        Member once = Member.of(child, "张小明", Relation.CHILD, 0, null, false, Money.ZERO, null, CIPHER);
        Member twice = Member.of(child, "张小明", Relation.CHILD, 0, null, false, Money.ZERO, null, CIPHER);
        assertThat(refusalOf(() -> register("320404001007", Residence.URBAN,
                List.of(member(Relation.HEAD, 1980), once, twice)))).isEqualTo("duplicate-member members");
        assertThat(register("320404001007", Residence.URBAN, family).status())
                .isEqualTo(Household.Status.REGISTERED);
    }

    @Test
    void the_head_cannot_leave_while_others_stay_and_a_change_names_only_active_members() {
        Member head = member(Relation.HEAD, 1980);
        Household household = register("320404001007", Residence.URBAN, List.of(head, member(Relation.CHILD, 2015)));

        assertThat(refusalOf(() -> household.changeCircumstances(new CircumstanceChangeRequest("迁出",
                LocalDate.of(2027, 1, 1), Map.of(), List.of(), List.of(head.personRef()), null, null), "officer-a",
                NOW))).isEqualTo("one-head-required");
        assertThat(refusalOf(() -> household.changeCircumstances(new CircumstanceChangeRequest("就业",
                LocalDate.of(2027, 1, 1), Map.of("nobody", new CircumstanceChangeRequest.MemberUpdate(true,
                        Money.of("3000.00"), null, null)), List.of(), List.of(), null, null), "officer-a", NOW)))
                .isEqualTo("invalid-request memberChanges");
    }

    @Test
    void one_active_enrolment_per_programme_and_a_flag_per_event() {
        Household household = register("320404001007", Residence.URBAN, List.of(member(Relation.HEAD, 1980)));
        household.claimEnrolment(Programme.DIBAO, "enr-1");
        household.claimEnrolment(Programme.DIBAO, "enr-1");
        assertThat(refusalOf(() -> household.claimEnrolment(Programme.DIBAO, "enr-2"))).isEqualTo("already-enrolled");

        assertThat(household.flagForReview("marriage registered", "event-1", NOW)).isTrue();
        assertThat(household.flagForReview("marriage registered", "event-1", NOW)).as("redelivered").isFalse();
    }

    /** Issue 30.2: each recalculation owed is recorded with its month, reason and an id of its own. */
    @Test
    void a_recalculation_owed_is_recorded_with_its_month() {
        Household household = register("320404001007", Residence.URBAN, List.of(member(Relation.HEAD, 1980)));

        var death = household.recalculationDue(java.time.YearMonth.of(2027, 1), "DECEASED", false);
        var later = household.recalculationDue(java.time.YearMonth.of(2027, 2), "收入变化", true);

        assertThat(household.pendingRecalculations()).containsExactly(death, later);
        assertThat(death.id()).isNotEqualTo(later.id());
        assertThat(death.fromMonth()).isEqualTo(java.time.YearMonth.of(2027, 1));
    }
}
