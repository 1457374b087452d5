package cn.minzheng.platform.identity;

/**
 * A value that is not a valid identifier of its kind. {@code kind} is the stable problem type
 * ({@code invalid-id-number}, {@code invalid-credit-code}, {@code invalid-division-code}); the message says why,
 * never repeating the value (it may be personal data).
 */
public class InvalidIdentifierException extends IllegalArgumentException {

    private final String kind;

    public InvalidIdentifierException(String kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
