package cn.minzheng.platform.identity;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An administrative division code: 6 digits for a province, city or county (GB/T 2260: {@code 320000} is 江苏省,
 * {@code 320400} 常州市, {@code 320404} 钟楼区), 9 for a township, 12 for a village or community (statistical
 * division code). Containment follows the levels: a province's significant part is its first 2 digits, a city's
 * its first 4, so the province 320000 contains 320404 and 320404001; all data is scoped so.
 * Retired codes stay valid for old records, so no list of "current" codes is checked here.
 */
public record DivisionCode(@JsonValue String value) {

    public static final String KIND = "invalid-division-code";

    /** From the widest to the narrowest. */
    public enum Level {
        PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE
    }

    /** The kind of township, by the first digit of its three-digit part. */
    public enum TownshipKind {
        STREET, TOWN, TOWNSHIP, OTHER
    }

    public DivisionCode {
        if (value == null || !(value.length() == 6 || value.length() == 9 || value.length() == 12)
                || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid("length", "must be 6, 9 or 12 digits");
        }
        if (value.startsWith("00") || value.substring(2, 6).equals("0000") && value.length() > 6) {
            throw invalid("province", "must start with a province and county code");
        }
        if (value.length() >= 9 && value.substring(6, 9).equals("000")) {
            throw invalid("township", "township part must not be 000");
        }
        if (value.length() == 12 && value.substring(9, 12).equals("000")) {
            throw invalid("village", "village part must not be 000");
        }
    }

    @JsonCreator
    public static DivisionCode of(String raw) {
        return new DivisionCode(raw);
    }

    public Level level() {
        return switch (value.length()) {
            case 6 -> value.endsWith("0000") ? Level.PROVINCE : value.endsWith("00") ? Level.CITY : Level.COUNTY;
            case 9 -> Level.TOWNSHIP;
            default -> Level.VILLAGE;
        };
    }

    /** The digits every code inside this division starts with: 2 for a province, 4 for a city, else all. */
    public String scopePrefix() {
        return switch (level()) {
            case PROVINCE -> value.substring(0, 2);
            case CITY -> value.substring(0, 4);
            default -> value;
        };
    }

    /** True when {@code other} is this division or lies inside it. */
    public boolean contains(DivisionCode other) {
        return other.value.startsWith(scopePrefix()) && other.level().compareTo(level()) >= 0;
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

    private static InvalidIdentifierException invalid(String reason, String message) {
        return new InvalidIdentifierException(KIND, reason, "Division code " + message);
    }

    @Override
    public String toString() {
        return value;
    }
}
