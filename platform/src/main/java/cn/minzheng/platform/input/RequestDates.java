package cn.minzheng.platform.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

import cn.minzheng.platform.refusal.Refusal;

/**
 * The span of dates a request may name. Every date the bureau records (a birth, a marriage, a plot's term, a
 * deadline) lies in it; outside it, arithmetic on the value overflows (year -999,999,999 minus a day) or the store
 * cannot represent it, which answered 500 before this check. A refused value is a 400 naming the parameter or
 * field, with the span in the caller's language.
 */
public final class RequestDates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private RequestDates() {
    }

    public static LocalDate checked(LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            throw Refusal.invalid("date-out-of-range", EARLIEST, LATEST);
        }
        return date;
    }

    /**
     * A reporting period's end is not before its start (every service's statistics take {@code from} and
     * {@code to}); otherwise a 400 naming {@code to}.
     */
    public static void requirePeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw Refusal.invalid("invalid-request").as("report-period-reversed").on("to");
        }
    }

    public static YearMonth checked(YearMonth month) {
        if (month != null) {
            checked(month.atDay(1));
        }
        return month;
    }

    public static OffsetDateTime checked(OffsetDateTime time) {
        if (time != null) {
            checked(time.atZoneSameInstant(ZoneOffset.UTC).toLocalDate());
        }
        return time;
    }

    public static Instant checked(Instant instant) {
        if (instant != null) {
            // Compared as instants: a LocalDate of the instant would itself overflow at Instant.MIN/MAX.
            if (instant.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())
                    || !instant.isBefore(LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
                throw Refusal.invalid("date-out-of-range", EARLIEST, LATEST);
            }
        }
        return instant;
    }

    /** Any of the date types above; other values pass unchanged. */
    static Object checkedValue(Object value) {
        return switch (value) {
            case LocalDate date -> checked(date);
            case YearMonth month -> checked(month);
            case OffsetDateTime time -> checked(time);
            case Instant instant -> checked(instant);
            case null, default -> value;
        };
    }
}
