package cn.minzheng.assistance.benefit;

import java.util.List;

import cn.minzheng.assistance.money.Money;

/**
 * A household's monthly amount with its breakdown per member and item, stored with the enrolment so that every
 * yuan paid can be explained.
 */
public record Benefit(Money monthlyAmount, List<Line> breakdown, Money standardUsed, Money perCapitaIncome) {

    public Benefit {
        breakdown = List.copyOf(breakdown);
    }

    public record Line(String personRef, String maskedIdNumber, String item, Money amount) {
    }
}
