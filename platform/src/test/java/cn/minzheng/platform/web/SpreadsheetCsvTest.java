package cn.minzheng.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every CSV the platform writes goes through one writer that neutralises what a spreadsheet would run (OWASP). */
class SpreadsheetCsvTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a formula                    | =SUM(A1:A9)         | '=SUM(A1:A9)
            a plus sign                  | +86 138              | '+86 138
            a minus sign                 | -2+3                 | '-2+3
            an at sign                   | @cmd                 | '@cmd
            plain Chinese words          | 钟楼区摄影协会        | 钟楼区摄影协会
            an inner equals sign         | a=b                  | a=b
            """)
    void a_cell_that_would_start_a_formula_starts_with_a_quote(String what, String cell, String written) {
        assertThat(SpreadsheetCsv.neutralise(cell)).isEqualTo(written);
    }

    @Test
    void a_tab_or_a_carriage_return_at_the_start_is_neutralised_too_and_nulls_stay_empty() {
        assertThat(SpreadsheetCsv.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(SpreadsheetCsv.neutralise("\rx")).isEqualTo("'\rx");
        assertThat(SpreadsheetCsv.neutralise(null)).isNull();
        assertThat(SpreadsheetCsv.neutralise(2026)).isEqualTo("2026");
    }

    @Test
    void the_file_has_a_bom_a_header_and_rfc_4180_quoting() throws Exception {
        var out = new ByteArrayOutputStream();
        try (SpreadsheetCsv csv = SpreadsheetCsv.open(out, List.of("名称", "业务范围"))) {
            csv.row("协会", "=1+1");
            csv.row("中心", "托育, \"普惠\"");
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "\uFEFF名称,业务范围\r\n协会,'=1+1\r\n中心,\"托育, \"\"普惠\"\"\"\r\n");
    }
}
