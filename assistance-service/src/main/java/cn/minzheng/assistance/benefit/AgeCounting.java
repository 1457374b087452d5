package cn.minzheng.assistance.benefit;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;

/**
 * From which month an age counts for an amount (docs/allowances.md). Counties pay an age-dependent amount from the
 * month after the month the age is reached (次月, the default); some rules say "from the birthday month". An
 * amount that ends at an age (a minor's add-on, the children's allowances at 18) is paid through the month of
 * that birthday whatever the start rule: the age for a limit is the one reached before the month began.
 */
public enum AgeCounting {

    /** 次月: an age reached during a month counts from the next month. */
    NEXT_MONTH,
    /** 当月: an age reached during a month counts for that month already. */
    BIRTHDAY_MONTH;

    /** The default where a rule set says nothing. */
    public static AgeCounting orDefault(AgeCounting counting) {
        return counting == null ? NEXT_MONTH : counting;
    }

    /** The age that decides whether an amount or band has started in {@code month}. */
    public int ageFor(LocalDate birthDate, YearMonth month) {
        LocalDate decisive = this == NEXT_MONTH ? month.atDay(1).minusDays(1) : month.atEndOfMonth();
        return Period.between(birthDate, decisive).getYears();
    }

    /**
     * The age that decides whether an amount that ends at an age still runs in {@code month}: the age reached by
     * the end of the month before, so the birthday month is still paid.
     */
    public static int ageForLimit(LocalDate birthDate, YearMonth month) {
        return Period.between(birthDate, month.atDay(1).minusDays(1)).getYears();
    }
}
