package cn.minzheng.platform.logging;

import ch.qos.logback.classic.PatternLayout;

/**
 * Makes every pattern layout's message conversion ({@code %m}, {@code %msg}, {@code %message}) mask personal
 * numbers, whatever pattern a service or an operator configures. Installed before Spring Boot configures logging
 * (see PlatformDefaults), so no line of a service is written unmasked; a library that logs a user's number by
 * mistake is covered too.
 */
public final class MaskedLogging {

    private MaskedLogging() {
    }

    public static void install() {
        for (String word : new String[] {"m", "msg", "message"}) {
            PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP.put(word, MaskingMessageConverter::new);
        }
    }
}
