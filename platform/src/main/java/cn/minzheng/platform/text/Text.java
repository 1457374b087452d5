package cn.minzheng.platform.text;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * A text a person will read, stored as words are not: the key of a phrase in the service's {@code texts} bundles
 * ({@code texts.properties} in English, {@code texts_zh_CN.properties} in Chinese) and its arguments as plain strings.
 * It is worded by {@link Texts} when it is read, so the same stored record reads in Chinese to a clerk and in
 * English to an integrator who asks for it, and a reworded phrase changes every old record too.
 */
public record Text(String key, List<String> args) {

    public Text {
        args = List.copyOf(args);
    }

    /** Arguments are kept as strings: dates ISO, amounts in plain notation, everything else by its own words. */
    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.stream(args).map(Text::plain).toList());
    }

    private static String plain(Object argument) {
        if (argument instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        return String.valueOf(argument);
    }
}
