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

    /**
     * A time a browser's {@code datetime-local} field sends ({@code 2026-12-01T09:30}) as the instant the services
     * read: the bureau works in China's time ({@code +08:00}, no daylight saving). Anything else is passed on as typed.
     */
    public static String chinaTime(String typed) {
        String text = text(typed);
        if (text != null && text.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?")) {
            return (text.length() == 16 ? text + ":00" : text) + "+08:00";
        }
        return text;
    }

    public static String text(String typed) {
        return typed == null || typed.isBlank() ? null : typed.trim();
    }
}
