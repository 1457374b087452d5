package cn.minzheng.assistance.allowance;

import java.time.YearMonth;

import cn.minzheng.assistance.money.Money;

/**
 * A judgement of one person for one programme and month under one rule version: eligible with the criterion that
 * matched, the amount and the band; or not, with why ({@code refusal}: {@code not-eligible} or
 * {@code child-age-limit}). Every decision stores the version and criterion it was taken under.
 */
public record Eligibility(AllowanceProgramme programme, YearMonth month, String county, int ruleVersion,
        String criterionId, Money amount, String band, String refusal) {

    public boolean eligible() {
        return refusal == null;
    }

    static Eligibility yes(AllowanceProgramme programme, YearMonth month, String county, int version, String criterion,
            Money amount, String band) {
        return new Eligibility(programme, month, county, version, criterion, amount, band, null);
    }

    static Eligibility no(AllowanceProgramme programme, YearMonth month, String county, int version, String why) {
        return new Eligibility(programme, month, county, version, null, null, null, why);
    }
}
