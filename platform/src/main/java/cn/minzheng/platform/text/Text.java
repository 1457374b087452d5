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

    /** The key of words kept as a person wrote them ({@link #verbatim}); the platform's bundles word it as itself. */
    public static final String VERBATIM = "verbatim";

    /**
     * Words a person wrote (an officer's reason), kept as written in every language; also how a text stored as plain
     * words by an older version is read.
     */
    public static Text verbatim(String words) {
        return new Text(VERBATIM, List.of(words));
    }

    /** For a machine (an event's {@code reason}): the key, or the words themselves of a verbatim text. */
    public String asCode() {
        return VERBATIM.equals(key) && !args.isEmpty() ? args.get(0) : key;
    }

    private static String plain(Object argument) {
        if (argument instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        return String.valueOf(argument);
    }
}
