package cn.minzheng.registry.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.platform.time.HolidaySchedules;
import cn.minzheng.registry.Parties;
import cn.minzheng.registry.adoption.AdoptionCase.Adopter;
import cn.minzheng.registry.party.Party;

/** Civil Code arts. 1093-1104 as {@link AdoptionRules} applies them: each condition refused with its own reason. */
class AdoptionRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final LegalCalendar CALENDAR = LegalCalendar.of(HolidaySchedules.shipped());

    static Adopter single(Party party, int children) {
        return new Adopter(party, children, null);
    }

    static String refusal(AdoptionCase c) {
        try {
            AdoptionRules.check(c, TODAY, CALENDAR);
            return null;
        } catch (Refusal e) {
            return e.code() + " " + e.field();
        }
    }

    /** A single woman adopting a girl whose parents cannot raise her. */
    static String singleMother(LocalDate adopterBirth, int children, LocalDate childBirth, ChildStatus status,
            boolean disabled, boolean institution, boolean consented) {
        return refusal(new AdoptionCase(List.of(single(Parties.woman(adopterBirth), children)),
                Parties.woman(childBirth), status, disabled, institution, consented, true, null));
    }

    @ParameterizedTest(name = "adopter born {0} with {1} children, child born {2} {3} disabled={4} institution={5} consented={6}: {7}")
    @CsvSource({
        "1990-01-01, 0, 2020-01-01, PARENTS_UNABLE, false, false, false, ",
        // art. 1098: at least 30 (on the birthday, not the day before)
        "1996-06-01, 0, 2020-01-01, PARENTS_UNABLE, false, false, false, ",
        "1996-06-02, 0, 2020-01-01, PARENTS_UNABLE, false, false, false, adopter-under-age adopters[0].idNumber",
        // art. 1100: childless may adopt two, with one child one; two or more children: no
        "1980-01-01, 1, 2020-01-01, PARENTS_UNABLE, false, false, false, ",
        "1980-01-01, 2, 2020-01-01, PARENTS_UNABLE, false, false, false, too-many-children adopters[0].childrenCount",
        // ...unless the child is an orphan, disabled, or a foundling in a welfare institution
        "1980-01-01, 3, 2020-01-01, ORPHAN, false, false, false, ",
        "1980-01-01, 3, 2020-01-01, PARENTS_UNABLE, true, false, false, ",
        // art. 1104: a child of 8 or more consents (8 on the birthday)
        "1980-01-01, 0, 2018-06-01, PARENTS_UNABLE, false, false, false, consent-required child.consented",
        "1980-01-01, 0, 2018-06-02, PARENTS_UNABLE, false, false, false, ",
        "1980-01-01, 0, 2018-06-01, PARENTS_UNABLE, false, false, true, ",
        // art. 1093: minors only
        "1960-01-01, 0, 2008-06-01, ORPHAN, false, false, true, child-not-minor child.idNumber",
        "1960-01-01, 0, 2008-06-02, ORPHAN, false, false, true, "
    })
    void single_adopter_of_a_child_of_the_same_sex(LocalDate adopter, int children, LocalDate child,
            ChildStatus status, boolean disabled, boolean institution, boolean consented, String refused) {
        assertThat(singleMother(adopter, children, child, status, disabled, institution, consented))
                .isEqualTo(refused);
    }

    @ParameterizedTest(name = "man born {0} adopting a girl born {1}: {2}")
    @CsvSource({
        "1980-01-01, 2020-01-01, ",
        "1980-01-01, 2019-12-31, age-gap child.idNumber"
    })
    void a_single_adopter_of_the_other_sex_must_be_forty_years_older(LocalDate man, LocalDate girl, String refused) {
        assertThat(refusal(new AdoptionCase(List.of(single(Parties.man(man), 0)), Parties.woman(girl),
                ChildStatus.ORPHAN, false, false, false, true, null))).isEqualTo(refused);
    }

    @Test
    void spouses_adopt_jointly_and_two_adopters_must_be_a_married_couple() {
        Party husband = Parties.man(LocalDate.of(1985, 1, 1));
        Party wife = Parties.woman(LocalDate.of(1986, 1, 1));
        Party child = Parties.man(LocalDate.of(2022, 1, 1));
        assertThat(refusal(new AdoptionCase(List.of(new Adopter(husband, 0, "mar-1"), new Adopter(wife, 0, "mar-1")),
                child, ChildStatus.PARENTS_UNABLE, false, false, false, true, null))).isNull();
        assertThat(refusal(new AdoptionCase(List.of(new Adopter(husband, 0, "mar-1"), new Adopter(wife, 0, "mar-2")),
                child, ChildStatus.PARENTS_UNABLE, false, false, false, true, null)))
                .isEqualTo("adopters-not-spouses adopters");
        assertThat(refusal(new AdoptionCase(List.of(new Adopter(husband, 0, "mar-1")), child,
                ChildStatus.PARENTS_UNABLE, false, false, false, true, null))).isEqualTo("spouse-must-join adopters");
    }

    @Test
    void the_home_study_assessment_comes_first() {
        assertThat(refusal(new AdoptionCase(List.of(single(Parties.woman(LocalDate.of(1980, 1, 1)), 0)),
                Parties.woman(LocalDate.of(2020, 1, 1)), ChildStatus.ORPHAN, false, false, false, false, null)))
                .isEqualTo("assessment-required assessmentCompleted");
    }

    @ParameterizedTest(name = "notice from {0}: {1}")
    @CsvSource({
        // 60 days from 2026-04-01 end on 2026-05-31 (a Sunday, so the next working day, 2026-06-01)
        "2026-04-01, notice-running noticeFrom",
        "2026-03-30, ",
        ", notice-required noticeFrom"
    })
    void a_foundling_needs_a_sixty_day_notice_ended_before_registration(LocalDate noticeFrom, String refused) {
        assertThat(refusal(new AdoptionCase(List.of(single(Parties.woman(LocalDate.of(1980, 1, 1)), 0)),
                Parties.woman(LocalDate.of(2025, 1, 1)), ChildStatus.PARENTS_UNKNOWN, false, true, false, true,
                noticeFrom))).isEqualTo(refused);
    }
}
