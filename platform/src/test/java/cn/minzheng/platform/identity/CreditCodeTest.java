package cn.minzheng.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreditCodeTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static String withCheck(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }

    @Test
    void a_known_good_code_is_accepted() {
        CreditCode code = CreditCode.of("91350100M000100Y43");

        assertThat(code.registeringAuthority()).isEqualTo('9');
        assertThat(code.isCivilAffairs()).isFalse();
        assertThat(code.registrationDivision()).isEqualTo("350100");
    }

    @ParameterizedTest
    @CsvSource({"1, SOCIAL_ASSOCIATION", "2, SOCIAL_SERVICE_INSTITUTION", "3, FOUNDATION", "9, OTHER"})
    void civil_affairs_codes_tell_their_category(char category, CreditCode.CivilAffairsCategory expected) {
        CreditCode code = CreditCode.of(withCheck("5" + category + "320404MJ0000001"));

        assertThat(code.isCivilAffairs()).isTrue();
        assertThat(code.civilAffairsCategory()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "91350100M000100Y4, must be 18 characters",
            "91350100M000100I43, may use only digits and the capital letters",
            "91350100O000100Y43, may use only digits and the capital letters",
            "913501A0M000100Y43, characters 3 to 8 must be the digits",
            "91350100M000100Y44, check character does not match"})
    void bad_codes_are_refused_with_a_reason(String code, String reason) {
        assertThatThrownBy(() -> CreditCode.of(code)).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void every_single_character_corruption_of_a_valid_code_is_refused() {
        String valid = "91350100M000100Y43";
        for (int position = 0; position < 18; position++) {
            for (char replacement : ALPHABET.toCharArray()) {
                if (replacement == valid.charAt(position)) {
                    continue;
                }
                String corrupted = valid.substring(0, position) + replacement + valid.substring(position + 1);
                assertThatThrownBy(() -> CreditCode.of(corrupted)).as(corrupted)
                        .isInstanceOf(InvalidIdentifierException.class);
            }
        }
    }

    @Test
    void generated_codes_are_valid_and_any_single_corruption_is_caught() {
        Random random = new Random(32100L);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder first17 = new StringBuilder("5").append("1239".charAt(random.nextInt(4)))
                    .append("%06d".formatted(100_000 + random.nextInt(900_000)));
            for (int j = 0; j < 9; j++) {
                first17.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String code = withCheck(first17.toString());
            assertThat(CreditCode.of(code).value()).isEqualTo(code);

            int position = random.nextInt(18);
            char replacement = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            if (replacement != code.charAt(position)) {
                String corrupted = code.substring(0, position) + replacement + code.substring(position + 1);
                assertThatThrownBy(() -> CreditCode.of(corrupted)).isInstanceOf(InvalidIdentifierException.class);
            }
        }
    }
}
