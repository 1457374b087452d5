package cn.minzheng.platform.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import cn.minzheng.platform.input.RequestDates;
import cn.minzheng.platform.refusal.Refusal;

/**
 * A statistics endpoint's figures per calendar month of a period ({@code series=month}): what a year's charts are
 * drawn from. Each month runs from its first day (or the period's start) to its last (or the period's end) and is
 * computed exactly as the endpoint computes any period, so a month's figure and the same month asked as a period
 * agree. At most {@value #MAX_MONTHS} months: a month costs one period's work.
 */
public record MonthSeries<T>(String series, List<Month<T>> months) {

    public static final int MAX_MONTHS = 24;

    /** One month of the series and its figures. */
    public record Month<T>(YearMonth month, LocalDate from, LocalDate to, T figures) {
    }

    /**
     * The period's figures, or with {@code series=month} its months' figures; any other series is refused naming
     * {@code series}. The period runs forward in either case (else 400 naming {@code to}).
     */
    public static Object periodOrMonths(String series, LocalDate from, LocalDate to,
            BiFunction<LocalDate, LocalDate, ?> figures) {
        RequestDates.requirePeriod(from, to);
        if (series == null || series.isBlank()) {
            return figures.apply(from, to);
        }
        if (!"month".equals(series)) {
            throw Refusal.invalid("invalid-request").as("series-unknown").on("series");
        }
        return of(from, to, figures);
    }

    public static <T> MonthSeries<T> of(LocalDate from, LocalDate to, BiFunction<LocalDate, LocalDate, T> figures) {
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(to);
        if (ChronoUnit.MONTHS.between(first, last) + 1 > MAX_MONTHS) {
            throw Refusal.invalid("invalid-request").as("series-too-long").on("from");
        }
        List<Month<T>> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            LocalDate start = month.equals(first) ? from : month.atDay(1);
            LocalDate end = month.equals(last) ? to : month.atEndOfMonth();
            months.add(new Month<>(month, start, end, figures.apply(start, end)));
        }
        return new MonthSeries<>("month", months);
    }
}
