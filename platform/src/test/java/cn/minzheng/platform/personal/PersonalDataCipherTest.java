package cn.minzheng.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;

import cn.minzheng.platform.identity.ResidentIdNumber;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    static final String KEY_2026 = Base64.getEncoder().encodeToString(new byte[32]);
    static final String KEY_2027 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String INDEX = Base64.getEncoder().encodeToString("index-key-for-tests-only".getBytes());

    static PersonalDataCipher cipher2026() {
        return new PersonalDataCipher(new PersonalDataProperties("k2026", KEY_2026, Map.of(), INDEX));
    }

    private final ResidentIdNumber id = ResidentIdNumber.of("320404198503150026");

    @Test
    void a_protected_id_number_stores_no_clear_value_and_opens_to_the_same_number() {
        PersonalDataCipher cipher = cipher2026();

        ProtectedIdNumber stored = ProtectedIdNumber.protect(id, cipher);

        assertThat(stored.toString()).doesNotContain(id.value());
        assertThat(stored.masked()).isEqualTo("320404********0026");
        assertThat(stored.reveal(cipher)).isEqualTo(id);
    }

    @Test
    void the_same_number_seals_differently_each_time_but_has_one_person_ref() {
        PersonalDataCipher cipher = cipher2026();

        ProtectedIdNumber first = ProtectedIdNumber.protect(id, cipher);
        ProtectedIdNumber second = ProtectedIdNumber.protect(id, cipher);

        assertThat(first.sealed().cipherText()).isNotEqualTo(second.sealed().cipherText());
        assertThat(first.personRef()).isEqualTo(second.personRef()).hasSize(64);
        assertThat(first.personRef()).isNotEqualTo(ProtectedIdNumber.protect(
                ResidentIdNumber.of("11010519491231002X"), cipher).personRef());
    }

    @Test
    void after_rotation_old_values_still_open_and_are_flagged_for_re_sealing() {
        SealedValue old = cipher2026().seal(id.value());
        PersonalDataCipher rotated = new PersonalDataCipher(
                new PersonalDataProperties("k2027", KEY_2027, Map.of("k2026", KEY_2026), INDEX));

        assertThat(rotated.open(old)).isEqualTo(id.value());
        assertThat(rotated.needsRotation(old)).isTrue();
        assertThat(rotated.seal(id.value()).keyId()).isEqualTo("k2027");
    }

    @Test
    void an_altered_cipher_text_or_a_swapped_key_id_is_refused() {
        PersonalDataCipher cipher = new PersonalDataCipher(
                new PersonalDataProperties("k2027", KEY_2027, Map.of("k2026", KEY_2026), INDEX));
        SealedValue sealed = cipher.seal(id.value());
        byte[] bytes = Base64.getDecoder().decode(sealed.cipherText());
        bytes[bytes.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.open(new SealedValue("k2027", Base64.getEncoder().encodeToString(bytes))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(new SealedValue("k2026", sealed.cipherText())))
                .isInstanceOf(IllegalStateException.class);
    }
}
