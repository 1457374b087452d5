package cn.minzheng.platform.personal;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import cn.minzheng.platform.identity.InvalidIdentifierException;

/**
 * A mainland mobile number (11 digits, 1[3-9]...). Like the ID number it masks itself wherever it is written out:
 * JSON and {@code toString} show {@code 138****5678}; only {@link #value()} gives the full number.
 */
public record PhoneNumber(String value) {

    public static final String KIND = "invalid-phone-number";
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    public PhoneNumber {
        if (value == null || !MOBILE.matcher(value).matches()) {
            throw new InvalidIdentifierException(KIND, "mobile", "Phone number must be an 11-digit mobile number");
        }
    }

    @JsonCreator
    public static PhoneNumber of(String raw) {
        return new PhoneNumber(raw == null ? null : raw.replace(" ", "").replace("-", ""));
    }

    @JsonValue
    public String masked() {
        return Masking.phone(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
