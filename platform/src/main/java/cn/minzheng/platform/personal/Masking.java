package cn.minzheng.platform.personal;

import java.util.regex.Pattern;

/**
 * Masks personal numbers for display and for logs: ID numbers keep the issuing county and the last four
 * characters ({@code 320404********1234}), phone numbers the first three and last four, bank accounts the last four.
 */
public final class Masking {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])([1-9][0-9]{5})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern BANK_ACCOUNT = Pattern.compile("(?<![0-9])[0-9]{12,15}([0-9]{4})(?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])");

    private Masking() {
    }

    public static String idNumber(String value) {
        if (value == null || value.length() != 18) {
            return value == null ? null : "******************".substring(0, Math.min(18, value.length()));
        }
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    /** 张三 -> 张*, 欧阳娜娜 -> 欧***: public lists (notices, disclosure) show the family name only. */
    public static String name(String value) {
        if (value == null || value.isEmpty()) {
            return "*";
        }
        int first = value.codePointAt(0);
        return new StringBuilder().appendCodePoint(first)
                .append("*".repeat(Math.max(1, value.codePointCount(0, value.length()) - 1))).toString();
    }

    public static String phone(String value) {
        if (value == null || value.length() < 7) {
            return value == null ? null : "*".repeat(value.length());
        }
        return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
    }

    public static String bankAccount(String value) {
        if (value == null || value.length() <= 4) {
            return value == null ? null : "*".repeat(value.length());
        }
        return "*".repeat(value.length() - 4) + value.substring(value.length() - 4);
    }

    /** Masks anything in free text that looks like an ID number, a bank account or a mobile number. */
    public static String maskText(String text) {
        if (text == null || text.length() < 11) {
            return text;
        }
        String masked = ID_NUMBER.matcher(text).replaceAll("$1********$2");
        masked = BANK_ACCOUNT.matcher(masked).replaceAll(m -> "*".repeat(m.group().length() - 4) + m.group(1));
        return MOBILE.matcher(masked).replaceAll("$1****$2");
    }
}
