package cn.minzheng.platform.identity;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An administrative division code: 6 digits for a county (GB/T 2260), 9 for a township, 12 for a village or
 * community (statistical division code). A code contains every code it is a prefix of; all data is scoped so.
 * Retired codes stay valid for old records, so no list of "current" codes is checked here.
 */
public record DivisionCode(@JsonValue String value) {

    public static final String KIND = "invalid-division-code";

    public enum Level {
        COUNTY, TOWNSHIP, VILLAGE
    }

    /** The kind of township, by the first digit of its three-digit part. */
    public enum TownshipKind {
        STREET, TOWN, TOWNSHIP, OTHER
    }

    public DivisionCode {
        if (value == null || !(value.length() == 6 || value.length() == 9 || value.length() == 12)
                || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid("must be 6, 9 or 12 digits");
        }
        if (value.startsWith("00") || value.substring(2, 6).equals("0000") && value.length() > 6) {
            throw invalid("must start with a province and county code");
        }
        if (value.length() >= 9 && value.substring(6, 9).equals("000")) {
            throw invalid("township part must not be 000");
        }
        if (value.length() == 12 && value.substring(9, 12).equals("000")) {
            throw invalid("village part must not be 000");
        }
    }

    @JsonCreator
    public static DivisionCode of(String raw) {
        return new DivisionCode(raw);
    }

    public Level level() {
        return switch (value.length()) {
            case 6 -> Level.COUNTY;
            case 9 -> Level.TOWNSHIP;
            default -> Level.VILLAGE;
        };
    }

    /** True when {@code other} is this division or lies inside it. */
    public boolean contains(DivisionCode other) {
        return other.value.startsWith(value);
    }

    public DivisionCode county() {
        return new DivisionCode(value.substring(0, 6));
    }

    /** The township this code is or lies in; a county code has none. */
    public Optional<DivisionCode> township() {
        return value.length() >= 9 ? Optional.of(new DivisionCode(value.substring(0, 9)))
                : Optional.empty();
    }

    public Optional<TownshipKind> townshipKind() {
        if (value.length() < 9) {
            return Optional.empty();
        }
        int part = Integer.parseInt(value.substring(6, 9));
        return Optional.of(part < 100 ? TownshipKind.STREET : part < 200 ? TownshipKind.TOWN
                : part < 400 ? TownshipKind.TOWNSHIP : TownshipKind.OTHER);
    }

    private static InvalidIdentifierException invalid(String reason) {
        return new InvalidIdentifierException(KIND, "Division code " + reason);
    }

    @Override
    public String toString() {
        return value;
    }
}
