package cn.minzheng.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidentIdNumberTest {

    private static final Clock TODAY = Clock.fixed(LocalDate.of(2026, 11, 23).atStartOfDay(ZoneId.of("Asia/Shanghai"))
            .toInstant(), ZoneId.of("Asia/Shanghai"));

    @ParameterizedTest
    @CsvSource({
            "11010519491231002X, 1949-12-31, FEMALE",
            "320404198503150026, 1985-03-15, FEMALE",
            "320404195607080030, 1956-07-08, MALE",
            "320413199001010016, 1990-01-01, MALE"})
    void known_good_numbers_give_birth_date_and_sex(String number, LocalDate birth, Sex sex) {
        ResidentIdNumber id = ResidentIdNumber.of(number, TODAY);

        assertThat(id.birthDate()).isEqualTo(birth);
        assertThat(id.sex()).isEqualTo(sex);
    }

    @Test
    void nothing_is_not_a_number() {
        assertThatThrownBy(() -> ResidentIdNumber.of(null, TODAY)).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> ResidentIdNumber.of("", TODAY)).hasMessageContaining("must be 18 characters");
    }

    @Test
    void a_lower_case_check_x_is_the_same_number() {
        assertThat(ResidentIdNumber.of("11010519491231002x", TODAY)).isEqualTo(ResidentIdNumber.of("11010519491231002X", TODAY));
    }

    @Test
    void the_age_counts_the_birthday_itself() {
        ResidentIdNumber id = ResidentIdNumber.of("320404198503150026", TODAY);

        assertThat(id.ageOn(LocalDate.of(2007, 3, 14))).isEqualTo(21);
        assertThat(id.ageOn(LocalDate.of(2007, 3, 15))).isEqualTo(22);
    }

    @Test
    void it_shows_itself_masked_everywhere_but_value() {
        ResidentIdNumber id = ResidentIdNumber.of("320404198503150026", TODAY);

        assertThat(id.masked()).isEqualTo("320404********0026");
        assertThat(id.toString()).isEqualTo("320404********0026");
        assertThat(id.value()).isEqualTo("320404198503150026");
    }

    @ParameterizedTest
    @CsvSource({
            "3204041985031500, must be 18 characters",
            "32040419850315002A, must be 17 digits followed by a digit or X",
            "3204041985031X0026, must be 17 digits followed by a digit or X",
            "320404198503150027, check character does not match",
            "320404198502300029, birth date is not a real date",
            "320404203001010019, birth date is in the future"})
    void bad_numbers_are_refused_with_a_reason(String number, String reason) {
        assertThatThrownBy(() -> ResidentIdNumber.of(number, TODAY))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining(reason)
                .hasMessageNotContaining(number)
                .extracting(e -> ((InvalidIdentifierException) e).kind()).isEqualTo("invalid-id-number");
    }

    @Test
    void every_single_character_corruption_of_a_valid_number_is_refused() {
        for (String number : new String[] {"11010519491231002X", "320404198503150026", "320413199001010016"}) {
            for (int position = 0; position < 18; position++) {
                for (char replacement : "0123456789X".toCharArray()) {
                    if (replacement == number.charAt(position)) {
                        continue;
                    }
                    String corrupted = number.substring(0, position) + replacement + number.substring(position + 1);
                    assertThat(ResidentIdNumber.isValid(corrupted)).as(corrupted).isFalse();
                }
            }
        }
    }

    @Test
    void generated_numbers_are_valid_and_carry_their_birth_date_and_sex() {
        Random random = new Random(20261123L);
        for (int i = 0; i < 5_000; i++) {
            LocalDate birth = LocalDate.of(1920, 1, 1).plusDays(random.nextInt(38_000));
            int sequence = random.nextInt(1000);
            String first17 = "3204%02d%s%03d".formatted(random.nextInt(100), birth.toString().replace("-", ""), sequence);
            String number = first17 + ResidentIdNumber.checkCharacter(first17);

            ResidentIdNumber id = ResidentIdNumber.of(number, TODAY);

            assertThat(id.birthDate()).isEqualTo(birth);
            assertThat(id.sex()).isEqualTo(sequence % 2 == 1 ? Sex.MALE : Sex.FEMALE);
            int position = random.nextInt(18);
            char replacement = "0123456789X".charAt(random.nextInt(11));
            if (replacement != number.charAt(position)) {
                String corrupted = number.substring(0, position) + replacement + number.substring(position + 1);
                assertThat(ResidentIdNumber.isValid(corrupted)).as(corrupted).isFalse();
            }
        }
    }
}
