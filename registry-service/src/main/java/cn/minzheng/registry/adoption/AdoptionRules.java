package cn.minzheng.registry.adoption;

import java.time.LocalDate;

import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.registry.adoption.AdoptionCase.Adopter;


/**
 * The legal conditions of an adoption, in one place and in the order a registrar checks them. Each refusal names
 * the field, and its words (in the bundles) the article; the limits are passed as arguments, never repeated.
 */
public final class AdoptionRules {

    static final int ADULT_AGE = 18;
    static final int MIN_ADOPTER_AGE = 30;
    static final int MAX_CHILDREN_BEFORE = 2;
    static final int OPPOSITE_SEX_AGE_GAP = 40;
    static final int CONSENT_AGE = 8;
    static final int FOUNDLING_NOTICE_DAYS = 60;

    private AdoptionRules() {
    }

    /** The last day of a foundling's public notice (registration is possible from the day after). */
    public static LocalDate noticeEnds(LocalDate noticeFrom, LegalCalendar calendar) {
        return calendar.periodOfDays(noticeFrom, FOUNDLING_NOTICE_DAYS).date();
    }

    public static void check(AdoptionCase c, LocalDate today, LegalCalendar calendar) {
        if (!c.assessmentCompleted()) {
            throw Refusal.rule("assessment-required").on("assessmentCompleted");
        }
        checkCouple(c);
        if (c.child().ageOn(today) >= ADULT_AGE) {
            throw Refusal.rule("child-not-minor", c.child().ageOn(today), ADULT_AGE).on("child.idNumber");
        }
        for (int i = 0; i < c.adopters().size(); i++) {
            Adopter adopter = c.adopters().get(i);
            if (adopter.party().samePerson(c.child())) {
                throw Refusal.rule("same-person").as("same-person.child").on("child.idNumber");
            }
            if (adopter.party().ageOn(today) < MIN_ADOPTER_AGE) {
                throw Refusal.rule("adopter-under-age", i + 1, adopter.party().ageOn(today), MIN_ADOPTER_AGE)
                        .on("adopters[" + i + "].idNumber");
            }
            if (!c.exemptFromChildCount() && adopter.children() >= MAX_CHILDREN_BEFORE) {
                throw Refusal.rule("too-many-children", i + 1, adopter.children(), MAX_CHILDREN_BEFORE)
                        .on("adopters[" + i + "].childrenCount");
            }
        }
        if (c.adopters().size() == 1) {
            Adopter single = c.adopters().getFirst();
            boolean otherSex = single.party().sex() != c.child().sex();
            if (otherSex && single.party().birthDate().plusYears(OPPOSITE_SEX_AGE_GAP).isAfter(c.child().birthDate())) {
                throw Refusal.rule("age-gap", OPPOSITE_SEX_AGE_GAP).on("child.idNumber");
            }
        }
        if (c.child().ageOn(today) >= CONSENT_AGE && !c.childConsented()) {
            throw Refusal.rule("consent-required", c.child().ageOn(today), CONSENT_AGE).on("child.consented");
        }
        if (c.foundling()) {
            if (c.noticeFrom() == null) {
                throw Refusal.rule("notice-required", FOUNDLING_NOTICE_DAYS).on("noticeFrom");
            }
            LocalDate ends = noticeEnds(c.noticeFrom(), calendar);
            if (!today.isAfter(ends)) {
                throw Refusal.rule("notice-running", c.noticeFrom(), ends, ends.plusDays(1)).on("noticeFrom");
            }
        }
    }

    /** Art. 1101: a married person adopts together with the spouse; two adopters must be that couple. */
    private static void checkCouple(AdoptionCase c) {
        if (c.adopters().size() == 2) {
            Adopter a = c.adopters().get(0);
            Adopter b = c.adopters().get(1);
            if (a.party().samePerson(b.party())) {
                throw Refusal.rule("same-person").as("same-person.adopters").on("adopters[1].idNumber");
            }
            if (a.marriageId() == null || !a.marriageId().equals(b.marriageId())) {
                throw Refusal.rule("adopters-not-spouses").on("adopters");
            }
        } else if (c.adopters().getFirst().marriageId() != null) {
            throw Refusal.rule("spouse-must-join").on("adopters");
        }
    }
}
