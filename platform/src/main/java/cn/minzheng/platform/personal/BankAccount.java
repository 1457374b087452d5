package cn.minzheng.platform.personal;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import cn.minzheng.platform.identity.InvalidIdentifierException;

/**
 * A bank or social-security card account number (12 to 19 digits), where subsidies are paid. Masks itself in JSON
 * and {@code toString} ({@code ************1234}); only {@link #value()} gives the full number.
 */
public record BankAccount(String value) {

    public static final String KIND = "invalid-bank-account";
    private static final Pattern DIGITS = Pattern.compile("[0-9]{12,19}");

    public BankAccount {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw new InvalidIdentifierException(KIND, "digits", "Bank account must be 12 to 19 digits");
        }
    }

    @JsonCreator
    public static BankAccount of(String raw) {
        return new BankAccount(raw == null ? null : raw.replace(" ", ""));
    }

    @JsonValue
    public String masked() {
        return Masking.bankAccount(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
