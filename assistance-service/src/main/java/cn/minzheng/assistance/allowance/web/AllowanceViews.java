package cn.minzheng.assistance.allowance.web;

import java.time.Clock;
import java.time.YearMonth;

import cn.minzheng.assistance.allowance.Allowance;
import cn.minzheng.assistance.allowance.AllowanceRuleBook;
import cn.minzheng.assistance.allowance.Beneficiary;
import cn.minzheng.platform.text.Texts;

import org.springframework.stereotype.Component;

/** An allowance as read this month, with the county's rules in force (for the exclusive groups). */
@Component
class AllowanceViews {

    private final AllowanceRuleBook ruleBook;
    private final Texts texts;
    private final Clock clock;

    AllowanceViews(AllowanceRuleBook ruleBook, Texts texts, Clock clock) {
        this.ruleBook = ruleBook;
        this.texts = texts;
        this.clock = clock;
    }

    AllowanceResponse of(Beneficiary beneficiary, Allowance allowance) {
        YearMonth month = YearMonth.now(clock);
        return AllowanceResponse.of(beneficiary, allowance, month,
                ruleBook.inForce(beneficiary.division().county().value(), month), texts);
    }
}
