package cn.minzheng.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The shipped lunar table (the Hong Kong Observatory's) against a second, independent source: lunar-javascript
 * 1.7.7's astronomical computation, run once and kept as test data. Every month start of every year 1999-2100 and
 * every Qingming agree, except one month boundary whose new moon falls minutes from midnight (listed below); the
 * Observatory's table is the one the law follows.
 */
class LunarTableCrossCheckTest {

    /** Lunar 2057: the Observatory puts 九月初一 on 2057-09-29, the computation on 2057-09-30. */
    private static final Map<Integer, Integer> KNOWN_DIFFERENCES = Map.of(2057, 9);

    @Test
    void every_month_and_every_qingming_agree_with_an_independent_computation() throws IOException {
        LunarTable table = LunarTable.load();
        List<String> compared = new ArrayList<>();
        for (String[] row : rows()) {
            int year = Integer.parseInt(row[0]);
            assertThat(table.date(year, 1, 1)).as("正月初一 " + year).isEqualTo(LocalDate.parse(row[1]));
            LocalDate monthStart = LocalDate.parse(row[1]);
            for (String month : row[2].split(" ")) {
                String[] parts = month.split(":");
                boolean leap = parts[0].startsWith("L");
                int number = Integer.parseInt(parts[0].replace("L", ""));
                if (!leap && KNOWN_DIFFERENCES.get(year) != null && KNOWN_DIFFERENCES.get(year) == number) {
                    assertThat(table.date(year, number, 1)).isEqualTo(monthStart.minusDays(1));
                } else if (!leap) {
                    assertThat(table.date(year, number, 1)).as(year + " month " + number).isEqualTo(monthStart);
                }
                monthStart = monthStart.plusDays(Integer.parseInt(parts[1]));
            }
            assertThat(table.qingming(year)).as("清明 " + year).isEqualTo(LocalDate.parse(row[3]));
            compared.add(row[0]);
        }
        assertThat(compared).hasSize(102);
    }

    private static List<String[]> rows() throws IOException {
        try (var in = LunarTableCrossCheckTest.class.getResourceAsStream("/legal-time/lunar-javascript-1.7.7.tsv")) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank()).map(line -> line.split("\t")).toList();
        }
    }
}
