package cn.minzheng.orgs.organization;

import java.time.LocalDate;

import cn.minzheng.platform.refusal.Refusal;

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

    /**
     * A year's report with what was received now added to what was entered before ({@code earlier}, or null): for an
     * ended year of the registration, each day after the year and not after today, nothing entered twice, and a
     * verdict only on a report the registry has received.
     */
    static AnnualReport received(AnnualReport earlier, int year, LocalDate registeredOn, LocalDate sponsorReceivedOn,
            LocalDate registryReceivedOn, Verdict verdict, String by, LocalDate today) {
        if (year < registeredOn.getYear()) {
            throw Refusal.rule("report-year-out-of-range", year, registeredOn.getYear(), today.getYear()).on("year");
        }
        // The issue asks for a 409 here: a report for a year that has not ended conflicts with the calendar.
        if (year >= today.getYear()) {
            throw Refusal.conflict("report-year-not-ended", year).on("year");
        }
        for (LocalDate day : new LocalDate[] {sponsorReceivedOn, registryReceivedOn}) {
            if (day != null && (day.isAfter(today) || day.getYear() <= year)) {
                throw Refusal.rule("report-received-out-of-range", day, year)
                        .on(day == sponsorReceivedOn ? "sponsorReceivedOn" : "registryReceivedOn");
            }
        }
        if (earlier != null) {
            requireNotEntered(earlier.sponsorReceivedOn(), sponsorReceivedOn, "sponsorReceivedOn", year);
            requireNotEntered(earlier.registryReceivedOn(), registryReceivedOn, "registryReceivedOn", year);
            requireNotEntered(earlier.verdict(), verdict, "result", year);
        }
        LocalDate registry = registryReceivedOn != null ? registryReceivedOn
                : earlier == null ? null : earlier.registryReceivedOn();
        if (verdict != null && registry == null) {
            throw Refusal.rule("verdict-before-receipt", year).on("result");
        }
        return new AnnualReport(year, sponsorReceivedOn != null ? sponsorReceivedOn
                : earlier == null ? null : earlier.sponsorReceivedOn(), registry,
                verdict != null ? verdict : earlier == null ? null : earlier.verdict(),
                verdict != null ? today : earlier == null ? null : earlier.verdictOn(), by);
    }

    /** A part of a year's report entered before is not entered again (a duplicate report is a conflict). */
    private static void requireNotEntered(Object entered, Object given, String field, int year) {
        if (entered != null && given != null) {
            throw Refusal.conflict("report-already-entered", year, entered).on(field);
        }
    }
}
