package cn.minzheng.assistance.household;


/**
 * Published in-process after a household's change was saved with the recalculation it makes due
 * ({@link Household#pendingRecalculations()}), so that the enrolment package does it at once (households need not
 * know enrolments); if that fails or the process dies, the enrolment package's sweep finishes it.
 */
public record HouseholdChanged(String householdId) {
}
