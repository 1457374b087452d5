package cn.minzheng.registry.adoption;

import java.time.LocalDate;

import cn.minzheng.platform.problem.ProblemException;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.registry.adoption.AdoptionCase.Adopter;

import org.springframework.http.HttpStatus;

/**
 * The legal conditions of an adoption, in one place and in the order a registrar checks them. Each refusal is a
 * 422 naming the field, the reason and the article.
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
            throw refuse("assessment-required", "assessmentCompleted", "The home-study assessment (收养能力评估) "
                    + "must be completed before registration.");
        }
        checkCouple(c);
        if (c.child().ageOn(today) >= ADULT_AGE) {
            throw refuse("child-not-minor", "child.idNumber", "The child is " + c.child().ageOn(today)
                    + "; only minors can be adopted (art. 1093).");
        }
        for (int i = 0; i < c.adopters().size(); i++) {
            Adopter adopter = c.adopters().get(i);
            if (adopter.party().samePerson(c.child())) {
                throw refuse("same-person", "child.idNumber", "The child cannot be one of the adopters.");
            }
            if (adopter.party().ageOn(today) < MIN_ADOPTER_AGE) {
                throw refuse("adopter-under-age", "adopters[" + i + "].idNumber", "adopters[" + i + "] is "
                        + adopter.party().ageOn(today) + "; an adopter must be at least 30 (art. 1098).");
            }
            if (!c.exemptFromChildCount() && adopter.children() >= MAX_CHILDREN_BEFORE) {
                throw refuse("too-many-children", "adopters[" + i + "].childrenCount", "adopters[" + i + "] has "
                        + adopter.children() + " children; a childless adopter may adopt two and one with a child "
                        + "one (arts. 1098, 1100), unless the child is an orphan, disabled, or a foundling in a "
                        + "welfare institution.");
            }
        }
        if (c.adopters().size() == 1) {
            Adopter single = c.adopters().getFirst();
            boolean otherSex = single.party().sex() != c.child().sex();
            if (otherSex && single.party().birthDate().plusYears(OPPOSITE_SEX_AGE_GAP).isAfter(c.child().birthDate())) {
                throw refuse("age-gap", "child.idNumber", "A single adopter of a child of the other sex must be at "
                        + "least 40 years older (art. 1102).");
            }
        }
        if (c.child().ageOn(today) >= CONSENT_AGE && !c.childConsented()) {
            throw refuse("consent-required", "child.consented", "The child is " + c.child().ageOn(today)
                    + "; a child of 8 or more must consent (art. 1104).");
        }
        if (c.foundling()) {
            if (c.noticeFrom() == null) {
                throw refuse("notice-required", "noticeFrom", "A foundling's adoption needs a 60-day public notice "
                        + "(to seek the parents) before registration; give the day it was published.");
            }
            LocalDate ends = noticeEnds(c.noticeFrom(), calendar);
            if (!today.isAfter(ends)) {
                throw refuse("notice-running", "noticeFrom", "The public notice of " + c.noticeFrom() + " runs until "
                        + ends + "; the adoption can be registered from " + ends.plusDays(1) + ".");
            }
        }
    }

    /** Art. 1101: a married person adopts together with the spouse; two adopters must be that couple. */
    private static void checkCouple(AdoptionCase c) {
        if (c.adopters().size() == 2) {
            Adopter a = c.adopters().get(0);
            Adopter b = c.adopters().get(1);
            if (a.party().samePerson(b.party())) {
                throw refuse("same-person", "adopters[1].idNumber", "The two adopters are the same person.");
            }
            if (a.marriageId() == null || !a.marriageId().equals(b.marriageId())) {
                throw refuse("adopters-not-spouses", "adopters", "Two adopters must be spouses adopting jointly "
                        + "(art. 1101); the registry has no current marriage between them.");
            }
        } else if (c.adopters().getFirst().marriageId() != null) {
            throw refuse("spouse-must-join", "adopters", "adopters[0] is married; spouses adopt jointly "
                    + "(art. 1101), so both must be named.");
        }
    }

    private static ProblemException refuse(String kind, String field, String detail) {
        return ProblemException.onField(HttpStatus.UNPROCESSABLE_CONTENT, kind, field, detail);
    }
}
