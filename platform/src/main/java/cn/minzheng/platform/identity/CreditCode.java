package cn.minzheng.platform.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters over an alphabet without I, O, S, V
 * and Z; character 1 is the registering authority (5 = civil affairs), character 2 the category, characters 3-8
 * the division where it registered, character 18 a mod-31 check.
 */
public record CreditCode(@JsonValue String value) {

    public static final String KIND = "invalid-credit-code";
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** What a civil-affairs code (authority 5) says the organisation is, by its second character. */
    public enum CivilAffairsCategory {
        SOCIAL_ASSOCIATION, SOCIAL_SERVICE_INSTITUTION, FOUNDATION, OTHER
    }

    public CreditCode {
        if (value == null || value.length() != 18) {
            throw invalid("length", "must be 18 characters");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                throw invalid("characters", "may use only digits and the capital letters other than I, O, S, V and Z");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(value.charAt(i))) {
                throw invalid("division", "characters 3 to 8 must be the digits of a division code");
            }
        }
        if (checkCharacter(value.substring(0, 17)) != value.charAt(17)) {
            throw invalid("check-character", "check character does not match");
        }
    }

    @JsonCreator
    public static CreditCode of(String raw) {
        return new CreditCode(raw == null ? null : raw.toUpperCase());
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    public char registeringAuthority() {
        return value.charAt(0);
    }

    public boolean isCivilAffairs() {
        return registeringAuthority() == '5';
    }

    public char categoryCharacter() {
        return value.charAt(1);
    }

    /** Only meaningful for civil-affairs codes; {@code OTHER} for any category character but 1, 2 and 3. */
    public CivilAffairsCategory civilAffairsCategory() {
        return switch (categoryCharacter()) {
            case '1' -> CivilAffairsCategory.SOCIAL_ASSOCIATION;
            case '2' -> CivilAffairsCategory.SOCIAL_SERVICE_INSTITUTION;
            case '3' -> CivilAffairsCategory.FOUNDATION;
            default -> CivilAffairsCategory.OTHER;
        };
    }

    public String registrationDivision() {
        return value.substring(2, 8);
    }

    private static InvalidIdentifierException invalid(String reason, String message) {
        return new InvalidIdentifierException(KIND, reason, "Credit code " + message);
    }

    @Override
    public String toString() {
        return value;
    }
}
