package cn.minzheng.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void numbers_are_masked_for_display() {
        assertThat(Masking.idNumber("320404198503150026")).isEqualTo("320404********0026");
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.bankAccount("6222021234567890123")).isEqualTo("***************0123");
    }

    @Test
    void names_keep_only_the_family_name() {
        assertThat(Masking.name("张大伟")).isEqualTo("张**");
        assertThat(Masking.name("李四")).isEqualTo("李*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.name("王")).isEqualTo("王*");
    }

    @Test
    void free_text_loses_every_id_number_phone_and_bank_account_but_keeps_the_rest() {
        String line = "Applicant 11010519491231002x (mobile 13812345678, card 6222021234567890123) "
                + "in division 320404001007 asked for 900.00 on 2026-11-23, request 5a6553b1";

        String masked = Masking.maskText(line);

        assertThat(masked).doesNotContain("11010519491231002", "13812345678", "6222021234567890123")
                .contains("110105********002x", "138****5678", "***************0123", "320404001007", "900.00",
                        "2026-11-23", "5a6553b1");
    }
}
