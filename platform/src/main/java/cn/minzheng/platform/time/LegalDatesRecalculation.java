package cn.minzheng.platform.time;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * A kind of open case whose legal dates rest on the calendar (a divorce's cooling-off, a notice period). When a
 * schedule is added or corrected, each is asked to recalculate its open cases: a date moves later where the new
 * calendar says so, never earlier (a period already given to a citizen is not shortened), each change goes into the
 * case's history and out as an event. Must be idempotent: every instance runs it, and it runs again after a crash.
 */
public interface LegalDatesRecalculation {

    /** @return how many cases had a date moved */
    int recalculate(Set<Integer> changedYears);

    /** How a case's history names the cause: {@code schedule:2027} (or {@code schedule:2026,2027}). */
    static String reason(Set<Integer> changedYears) {
        return "schedule:" + changedYears.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }
}
