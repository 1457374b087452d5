package cn.minzheng.portal.gateway;

import java.math.BigDecimal;

/**
 * Turns what a person typed into the JSON a service reads, without judging it: a number stays a number, anything
 * else is passed on as typed, so the service refuses it in its own words at its own field.
 */
public final class FormValues {

    private FormValues() {
    }

    public static Object number(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            return typed;
        }
    }

    /** A yes/no choice ({@code true}/{@code false}); nothing chosen is sent as nothing. */
    public static Object yesNo(String chosen) {
        if (chosen == null || chosen.isBlank()) {
            return null;
        }
        return switch (chosen) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> chosen;
        };
    }

    public static String text(String typed) {
        return typed == null || typed.isBlank() ? null : typed.trim();
    }
}
