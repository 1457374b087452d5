package cn.minzheng.portal.layout;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * How the pages write money, dates and times (UI.md): {@code 1,980.00 元}, {@code 2027-01-05},
 * {@code 2027-01-05 09:30}. Used in templates as {@code @fmt}.
 */
@Component("fmt")
public class Formats {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String money(Object amount) {
        if (amount == null || amount.toString().isBlank()) {
            return "—";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(new BigDecimal(amount.toString())) + " 元";
    }

    /** A date as the service wrote it ({@code 2027-01-05}); an instant in China's time, to the minute. */
    public String when(Object value) {
        if (value == null || value.toString().isBlank()) {
            return "—";
        }
        String text = value.toString();
        if (text.length() <= 10) {
            return text;
        }
        try {
            return DATE_TIME.format(Instant.parse(text).atZone(CHINA));
        } catch (RuntimeException e) {
            return text;
        }
    }

    /** A fraction as the percentage it is written as ({@code 0.05} is 5%). */
    public String percent(Object fraction) {
        if (fraction == null || fraction.toString().isBlank()) {
            return "—";
        }
        try {
            return new BigDecimal(fraction.toString()).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        } catch (NumberFormatException e) {
            return fraction.toString();
        }
    }

    /** A dashboard figure as its office writes it: yuan, a percentage, a fraction shown as one, or a count. */
    public String figure(Object value, String unit) {
        return switch (unit) {
            case "YUAN" -> money(value);
            case "PERCENT" -> value == null ? "—" : value + "%";
            case "FRACTION" -> percent(value);
            default -> text(value);
        };
    }

    public String text(Object value) {
        return value == null || value.toString().isBlank() ? "—" : value.toString();
    }
}
