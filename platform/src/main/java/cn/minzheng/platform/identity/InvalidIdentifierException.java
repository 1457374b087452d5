package cn.minzheng.platform.identity;

/**
 * A value that is not a valid identifier of its kind. {@code kind} is the stable problem type
 * ({@code invalid-id-number}, {@code invalid-credit-code}, {@code invalid-division-code}); {@code messageKey}
 * names the reason in the problem bundles ({@code problem.<messageKey>.detail}), and the English message says the
 * same for logs, never repeating the value (it may be personal data).
 */
public class InvalidIdentifierException extends IllegalArgumentException {

    private final String kind;
    private final String messageKey;

    public InvalidIdentifierException(String kind, String reason, String message) {
        super(message);
        this.kind = kind;
        this.messageKey = kind + "." + reason;
    }

    public String kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }
}
