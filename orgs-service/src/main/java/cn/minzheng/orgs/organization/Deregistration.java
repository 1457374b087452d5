package cn.minzheng.orgs.organization;

import java.time.LocalDate;
import java.util.Map;

import cn.minzheng.platform.refusal.Refusal;

/**
 * The deregistration (注销) as a process: the application, then the liquidation report, then the registry's
 * approval, which ends the registration. Each step keeps its day and who entered it.
 */
public record Deregistration(LocalDate appliedOn, String reason, String appliedBy, LocalDate liquidationReportedOn,
        String liquidationSummary, String liquidationBy, LocalDate approvedOn, String approvedBy) {

    public enum Stage {
        APPLIED, LIQUIDATION_REPORTED, APPROVED
    }

    public Stage stage() {
        return approvedOn != null ? Stage.APPROVED
                : liquidationReportedOn != null ? Stage.LIQUIDATION_REPORTED : Stage.APPLIED;
    }

    /** Step 1: the organisation applies (注销申请); one deregistration at a time. */
    static Deregistration apply(Deregistration current, LocalDate appliedOn, String reason, String by) {
        if (current != null) {
            throw Refusal.conflict("deregistration-under-way", Refusal.term("deregistration-stage." + current.stage()));
        }
        return new Deregistration(appliedOn, reason.strip(), by, null, null, null, null, null);
    }

    /** Step 2: the liquidation report (清算报告), after the application, on a day from it to today. */
    static Deregistration liquidated(Deregistration current, LocalDate on, String summary, String by,
            LocalDate today) {
        requireStage(current, Stage.APPLIED);
        requireBetween(on, current.appliedOn, today, "reportedOn");
        return new Deregistration(current.appliedOn, current.reason, current.appliedBy, on, summary.strip(), by,
                null, null);
    }

    /** Step 3: the registry approves, on a day from the liquidation report to today. */
    static Deregistration approved(Deregistration current, LocalDate on, String by, LocalDate today) {
        requireStage(current, Stage.LIQUIDATION_REPORTED);
        requireBetween(on, current.liquidationReportedOn, today, "approvedOn");
        return new Deregistration(current.appliedOn, current.reason, current.appliedBy,
                current.liquidationReportedOn, current.liquidationSummary, current.liquidationBy, on, by);
    }

    /** The article the approval rests on, by the organisation's type. */
    static String legalBasis(OrgType type) {
        return LEGAL_BASIS.get(type);
    }

    private static final Map<OrgType, String> LEGAL_BASIS = Map.of(
            OrgType.ASSOCIATION, "《社会团体登记管理条例》第十九条",
            OrgType.SERVICE_INSTITUTION, "《民办非企业单位登记管理暂行条例》第十五条",
            OrgType.FOUNDATION, "《基金会管理条例》第十六条");

    private static void requireStage(Deregistration current, Stage stage) {
        if (current == null || current.stage() != stage) {
            throw Refusal.conflict("deregistration-out-of-order", Refusal.term("deregistration-stage." + stage));
        }
    }

    private static void requireBetween(LocalDate day, LocalDate from, LocalDate today, String field) {
        if (day.isBefore(from) || day.isAfter(today)) {
            throw Refusal.rule("deregistration-date-out-of-range", day, from).on(field);
        }
    }
}
