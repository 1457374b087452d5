package cn.minzheng.orgs.organization;

import java.time.LocalDate;

/**
 * An evaluation grade (评估等级, 1A to 5A), valid five years: by Civil Code art. 201 the period starts the day after
 * the grading and ends on the corresponding day five years on (28 February for a grading on 29 February).
 */
public record Evaluation(int level, LocalDate gradedOn, LocalDate validUntil, String by) {

    public static final int VALID_YEARS = 5;

    static Evaluation of(int level, LocalDate gradedOn, String by) {
        return new Evaluation(level, gradedOn, gradedOn.plusYears(VALID_YEARS), by);
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(gradedOn) && !day.isAfter(validUntil);
    }

    public String label() {
        return level + "A";
    }
}
