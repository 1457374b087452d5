package cn.minzheng.platform.identity;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A resident ID number (居民身份证号, GB 11643-1999): 17 digits and a check character. Birth date, sex and age come
 * from it and are never asked for separately. It is personal data: {@link #toString()} and JSON show only the
 * masked form ({@code 320404********1234}); {@link #value()} is for encryption and lookup hashing.
 */
public final class ResidentIdNumber {

    public static final String KIND = "invalid-id-number";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private final String value;
    private final LocalDate birthDate;

    private ResidentIdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    @JsonCreator
    public static ResidentIdNumber of(String raw) {
        return of(raw, Clock.systemDefaultZone());
    }

    /** Validates against the given clock's today, so a birth date in the future is refused under a test clock too. */
    public static ResidentIdNumber of(String raw, Clock clock) {
        if (raw == null || raw.length() != 18) {
            throw invalid("length", "must be 18 characters");
        }
        String value = raw.toUpperCase();
        for (int i = 0; i < 17; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                throw invalid("characters", "must be 17 digits followed by a digit or X");
            }
        }
        char last = value.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            throw invalid("characters", "must be 17 digits followed by a digit or X");
        }
        if (checkCharacter(value.substring(0, 17)) != last) {
            throw invalid("check-character", "check character does not match");
        }
        LocalDate birthDate = birthDate(value);
        if (birthDate.isAfter(LocalDate.now(clock))) {
            throw invalid("future-birth", "birth date is in the future");
        }
        return new ResidentIdNumber(value, birthDate);
    }

    public static boolean isValid(String raw) {
        try {
            of(raw);
            return true;
        } catch (InvalidIdentifierException e) {
            return false;
        }
    }

    /** The check character for 17 digits (weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2; sum mod 11). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static LocalDate birthDate(String value) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
            if (date.getYear() < 1880) {
                throw invalid("birth-date", "birth date is not a real date");
            }
            return date;
        } catch (DateTimeException e) {
            throw invalid("birth-date", "birth date is not a real date");
        }
    }

    private static InvalidIdentifierException invalid(String reason, String message) {
        return new InvalidIdentifierException(KIND, reason, "ID number " + message);
    }

    /** The full number: only for encryption, lookup hashing and an audited, role-checked full read. */
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** Age in whole years on a date: the birthday itself counts (a person is 22 on their 22nd birthday). */
    public int ageOn(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    /** The county code where the number was issued (it stays valid when divisions are later renamed). */
    public String issuingDivision() {
        return value.substring(0, 6);
    }

    @JsonValue
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResidentIdNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked: an ID number that reaches a log line or an exception message reveals nothing. */
    @Override
    public String toString() {
        return masked();
    }
}
