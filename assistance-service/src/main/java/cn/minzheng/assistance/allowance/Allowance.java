package cn.minzheng.assistance.allowance;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cn.minzheng.assistance.money.Money;
import cn.minzheng.platform.text.Text;

/**
 * One allowance of a person (held by their {@link Beneficiary}): applied for, decided, and paid from its start month
 * at the amount of the period in force for each month. A period records the rule version, criterion and age band
 * it was computed under, so the history shows every band change and rule change. {@code decidedMonth}: months from
 * the start up to it could not have been paid before the decision and are paid as arrears (补发).
 */
public record Allowance(String id, AllowanceProgramme programme, Status status, YearMonth startMonth,
        YearMonth decidedMonth, List<Period> periods, String appliedBy, Instant appliedAt, String decidedBy,
        Instant decidedAt, String proposalId, String refusal, Termination termination) {

    public enum Status {
        APPLIED, ACTIVE, REFUSED, TERMINATED
    }

    public Allowance {
        periods = periods == null ? List.of() : List.copyOf(periods);
    }

    /** The amount from a month on, with what it was computed under and why it changed. */
    public record Period(YearMonth fromMonth, Money amount, int ruleVersion, String criterionId, String band,
            Text reason) {

        boolean sameTerms(Period other) {
            return other != null && amount.equals(other.amount) && ruleVersion == other.ruleVersion
                    && criterionId.equals(other.criterionId) && java.util.Objects.equals(band, other.band);
        }
    }

    /** Why and by whom it ended, and the last month paid. */
    public record Termination(String reason, String by, Instant at, YearMonth lastMonth) {
    }

    public boolean isOpen() {
        return status == Status.APPLIED || status == Status.ACTIVE;
    }

    public Optional<Period> periodFor(YearMonth month) {
        return periods.stream().filter(p -> !p.fromMonth().isAfter(month)).max(Comparator.comparing(Period::fromMonth));
    }

    /** What this allowance pays for a month before exclusive groups are applied: nothing outside its months. */
    public Optional<Money> amountFor(YearMonth month) {
        if (status != Status.ACTIVE && status != Status.TERMINATED || startMonth == null || month.isBefore(startMonth)) {
            return Optional.empty();
        }
        if (termination != null && termination.lastMonth() != null && month.isAfter(termination.lastMonth())) {
            return Optional.empty();
        }
        return periodFor(month).map(Period::amount);
    }

    Allowance with(Status newStatus, List<Period> newPeriods, Termination newTermination) {
        return new Allowance(id, programme, newStatus, startMonth, decidedMonth, newPeriods, appliedBy, appliedAt,
                decidedBy, decidedAt, proposalId, refusal, newTermination);
    }

    Allowance decided(Status newStatus, YearMonth start, YearMonth decided, List<Period> newPeriods, String by,
            Instant at, String proposal, String why) {
        return new Allowance(id, programme, newStatus, start, decided, newPeriods, appliedBy, appliedAt, by, at,
                proposal, why, termination);
    }
}
