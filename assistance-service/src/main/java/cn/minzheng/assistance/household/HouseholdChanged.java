package cn.minzheng.assistance.household;

import java.time.YearMonth;

/**
 * Published in-process after a household's circumstances changed, so that its enrolments are recalculated from the
 * month the change takes effect (the enrolment package listens; households need not know enrolments).
 */
public record HouseholdChanged(String householdId, YearMonth fromMonth, String reason, boolean incomeFromWork) {
}
