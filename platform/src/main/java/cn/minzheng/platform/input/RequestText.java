package cn.minzheng.platform.input;

import cn.minzheng.platform.refusal.Refusal;

/**
 * Text a request may carry. Control characters (NUL and the rest of C0/C1, except tab and line breaks) and the
 * bidirectional formatting characters (U+202A-U+202E, U+2066-U+2069, U+200E/U+200F) are refused: a name with an
 * RTL override prints reversed on a certificate or a public notice and hides what it says, and NUL cuts strings
 * short in other systems. Longer text than any field of the API needs is refused too; fields set tighter limits
 * with {@code @Size}.
 */
public final class RequestText {

    /** Longer than any free-text field of the API (the longest, a note, allows 2,000). */
    public static final int MAX_LENGTH = 5_000;

    private RequestText() {
    }

    public static String checked(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() > MAX_LENGTH) {
            throw Refusal.invalid("text-too-long", MAX_LENGTH);
        }
        for (int i = 0; i < text.length(); i++) {
            if (forbidden(text.charAt(i))) {
                throw Refusal.invalid("text-control-character", String.format("U+%04X", (int) text.charAt(i)));
            }
        }
        return text;
    }

    static boolean forbidden(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E' || c == '\u200F';
    }
}
