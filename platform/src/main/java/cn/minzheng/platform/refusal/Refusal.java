package cn.minzheng.platform.refusal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * A rule refused a request: thrown by aggregates, domain services and controllers alike, and free of HTTP. It
 * says WHY in domain terms ({@link Reason}); only the web layer turns the reason into a status. {@code code} is
 * the stable problem kind ({@code /problems/<code>}) that machines branch on; the text a person reads comes from
 * the {@code problems} bundles under {@code problem.<messageKey>.detail} (the message key is the code unless a
 * variant is named with {@link #as}), filled with the arguments, in the caller's language. {@code field} is the
 * JSON path of the request field at fault, for {@code errors[]}.
 */
public class Refusal extends RuntimeException {

    /** Why a request was refused, in the domain's words. */
    public enum Reason {
        /** The input is malformed or incomplete. */
        INVALID,
        /** The thing asked about does not exist (or the caller may not know it does). */
        NOT_FOUND,
        /** The caller may not do this to this record. */
        FORBIDDEN,
        /** The record's current state does not allow it now (it may later, or after re-reading). */
        CONFLICT,
        /** A legal or business rule forbids it for these facts. */
        RULE
    }

    /** An argument that is itself a phrase of the bundles ({@code term.<key>}), e.g. 男方/the man. */
    public record Term(String key) {
    }

    private final Reason reason;
    private final String code;
    private final String messageKey;
    private final List<Object> arguments;
    private final String field;

    protected Refusal(Reason reason, String code, String messageKey, List<Object> arguments, String field) {
        super(code + (field == null ? "" : " (" + field + ")"), null, false, false);
        this.reason = reason;
        this.code = code;
        this.messageKey = messageKey;
        this.arguments = arguments;
        this.field = field;
    }

    private static Refusal of(Reason reason, String code, Object... arguments) {
        return new Refusal(reason, code, code, Arrays.stream(arguments).map(Refusal::plain).toList(), null);
    }

    public static Refusal invalid(String code, Object... arguments) {
        return of(Reason.INVALID, code, arguments);
    }

    public static Refusal notFound(String code, Object... arguments) {
        return of(Reason.NOT_FOUND, code, arguments);
    }

    public static Refusal forbidden(String code, Object... arguments) {
        return of(Reason.FORBIDDEN, code, arguments);
    }

    public static Refusal conflict(String code, Object... arguments) {
        return of(Reason.CONFLICT, code, arguments);
    }

    public static Refusal rule(String code, Object... arguments) {
        return of(Reason.RULE, code, arguments);
    }

    public static Term term(String key) {
        return new Term(key);
    }

    /** The same refusal, worded by the variant {@code problem.<messageKey>.detail}. */
    public Refusal as(String variantKey) {
        return new Refusal(reason, code, variantKey, arguments, field);
    }

    /** The same refusal, naming the request field at fault (a JSON path such as {@code partyA.idNumber}). */
    public Refusal on(String fieldPath) {
        return new Refusal(reason, code, messageKey, arguments, fieldPath);
    }

    /** Numbers are shown as written (no grouping: a year is 2027, an amount 1234.50), everything else as text. */
    private static Object plain(Object argument) {
        if (argument instanceof Term) {
            return argument;
        }
        if (argument instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return String.valueOf(argument);
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }

    public String field() {
        return field;
    }
}
