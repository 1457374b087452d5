package cn.minzheng.orgs.organization;

import java.time.LocalDate;

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

    Deregistration liquidated(LocalDate on, String summary, String by) {
        return new Deregistration(appliedOn, reason, appliedBy, on, summary, by, null, null);
    }

    Deregistration approved(LocalDate on, String by) {
        return new Deregistration(appliedOn, reason, appliedBy, liquidationReportedOn, liquidationSummary,
                liquidationBy, on, by);
    }
}
