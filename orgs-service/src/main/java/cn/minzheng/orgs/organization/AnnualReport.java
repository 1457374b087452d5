package cn.minzheng.orgs.organization;

import java.time.LocalDate;

/**
 * One year's report (年度工作报告) as the registry holds it. Receiving it (the days the sponsor unit and the
 * registry received it) is distinct from the registry's verdict, which may come months later: whether an
 * organisation goes on a list depends on receipt by the deadline, never on how long the review takes.
 */
public record AnnualReport(int year, LocalDate sponsorReceivedOn, LocalDate registryReceivedOn, Verdict verdict,
        LocalDate verdictOn, String by) {

    /** The registry's verdict on a report (合格, 基本合格, 不合格). */
    public enum Verdict {
        PASS, BASIC_PASS, FAIL
    }
}
