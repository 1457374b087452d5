package cn.minzheng.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import cn.minzheng.platform.identity.InvalidIdentifierException;
import cn.minzheng.platform.identity.ResidentIdNumber;

/** Personal numbers written as JSON (responses, anything serialised) are masked unless a caller asks on purpose. */
class PersonalNumbersJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void id_numbers_phones_and_bank_accounts_are_masked_in_json_by_default() {
        String written = json.writeValueAsString(Map.of(
                "idNumber", ResidentIdNumber.of("11010519491231002X"),
                "phone", PhoneNumber.of("138 1234 5678"),
                "account", BankAccount.of("6222021234567890123")));
        assertThat(written).contains("110105********002X", "138****5678", "***************0123")
                .doesNotContain("19491231", "12345678", "622202");
    }

    @Test
    void they_are_read_from_json_in_full_and_refused_when_malformed() {
        assertThat(json.readValue("\"13812345678\"", PhoneNumber.class).value()).isEqualTo("13812345678");
        assertThat(json.readValue("\"6222021234567890123\"", BankAccount.class).value())
                .isEqualTo("6222021234567890123");
        assertThatThrownBy(() -> PhoneNumber.of("12812345678")).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> BankAccount.of("62220212")).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void a_protected_value_keeps_only_the_masked_form_in_clear() {
        PersonalDataCipher cipher = new PersonalDataCipher(new PersonalDataProperties("test-1",
                "4LCZlcKglDzPe6gk58PulxxyyY1yG3AojK5wox8lLwE=", null,
                "xzS6bM8voRmQkW8cSFjnOEingyt1aLgroAFrtRWybJg="));
        ProtectedValue stored = ProtectedValue.protect(PhoneNumber.of("13812345678"), cipher);
        assertThat(stored.masked()).isEqualTo("138****5678");
        assertThat(stored.sealed().cipherText()).doesNotContain("13812345678");
        assertThat(stored.reveal(cipher)).isEqualTo("13812345678");
    }
}
