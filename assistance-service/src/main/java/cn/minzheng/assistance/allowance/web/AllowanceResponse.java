package cn.minzheng.assistance.allowance.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import cn.minzheng.assistance.allowance.Allowance;
import cn.minzheng.assistance.allowance.AllowanceProgramme;
import cn.minzheng.assistance.allowance.Beneficiary;
import cn.minzheng.assistance.allowance.RuleVersion;
import cn.minzheng.platform.text.Texts;

/**
 * One allowance as staff and citizens read it: the person by personRef, masked ID number and name, the amount for
 * the month asked about (zero when an exclusive group pays another, named in {@code suppressedBy}), and every
 * period with the rule version, criterion and band it was computed under.
 */
record AllowanceResponse(String id, String personRef, String idNumber, String name, String divisionCode,
        AllowanceProgramme programme, Allowance.Status status, YearMonth startMonth, YearMonth month,
        BigDecimal monthlyAmount, String band, Integer ruleVersion, String criterionId, String suppressedBy,
        List<Period> history, String payee, String payeeAccount, String account, String decidedBy,
        Instant decidedAt, String proposalId, String refusal, Allowance.Termination termination, LocalDate diedOn,
        long version) {

    record Period(YearMonth fromMonth, BigDecimal monthlyAmount, int ruleVersion, String criterionId, String band,
            String reason) {
    }

    /** The periods' reasons worded in the caller's language. */
    static AllowanceResponse of(Beneficiary b, Allowance a, YearMonth asked, Optional<RuleVersion> rules,
            Texts texts) {
        YearMonth month = a.startMonth() != null && asked.isBefore(a.startMonth()) ? a.startMonth() : asked;
        var period = a.periodFor(month);
        String suppressedBy = a.status() == Allowance.Status.ACTIVE ? b.suppressedBy(a.id(), month, rules).orElse(null)
                : null;
        BigDecimal amount = suppressedBy != null ? BigDecimal.ZERO.setScale(2)
                : a.amountFor(month).map(m -> m.amount()).orElse(BigDecimal.ZERO.setScale(2));
        return new AllowanceResponse(a.id(), b.personRef(), b.idNumber().masked(), b.name(), b.division().value(),
                a.programme(), a.status(), a.startMonth(), month, amount, period.map(p -> p.band()).orElse(null),
                period.map(p -> p.ruleVersion()).orElse(null), period.map(p -> p.criterionId()).orElse(null),
                suppressedBy, a.periods().stream().map(p -> new Period(p.fromMonth(), p.amount().amount(),
                        p.ruleVersion(), p.criterionId(), p.band(), texts.word(p.reason()))).toList(),
                b.payee() == null ? null : b.payee().name(),
                b.payee() == null ? null : b.payee().account().masked(),
                b.account() == null ? null : b.account().masked(), a.decidedBy(), a.decidedAt(), a.proposalId(),
                a.refusal(), a.termination(), b.diedOn(), b.version());
    }
}
