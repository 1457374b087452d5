package cn.minzheng.assistance.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Yuan with exactly two decimals, rounded half-up (the rule the bureau's payroll uses). Every amount in this service
 * is one, so no calculation can silently drop or invent a fen.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        amount = amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static Money of(String amount) {
        return new Money(new BigDecimal(amount));
    }

    public static Money of(BigDecimal amount) {
        return new Money(amount);
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)));
    }

    /** A share of this amount, e.g. an add-on of 10 % of the standard; rounded once, at the end. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor));
    }

    public Money dividedBy(int parts) {
        return new Money(amount.divide(BigDecimal.valueOf(parts), 2, RoundingMode.HALF_UP));
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public Money atLeastZero() {
        return isNegative() ? ZERO : this;
    }

    @JsonValue
    public BigDecimal amount() {
        return amount;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
