package cn.minzheng.platform.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import cn.minzheng.platform.refusal.Refusal;

/** The body rules every service inherits, on the mapper as Spring Boot builds it with the platform's customizer. */
class StrictRequestBodiesTest {

    record Application(Integer childrenCount, Boolean employed, BigDecimal income, String name, LocalDate since,
            YearMonth month, Instant at) {
    }

    private final JsonMapper mapper = strictMapper();

    private static JsonMapper strictMapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictRequestBodies(java.time.Clock.systemDefaultZone()).customize(builder);
        return builder.build();
    }

    private Application read(String json) {
        return mapper.readValue(json, Application.class);
    }

    @Test
    void a_well_formed_body_reads_as_before() {
        Application application = read("""
                {"childrenCount":2,"employed":true,"income":1234.50,"name":"王芳\\n(备注)","since":"2020-02-29",
                 "month":"2026-11","at":"2026-12-03T08:00:00Z"}""");

        assertThat(application.childrenCount()).isEqualTo(2);
        assertThat(application.employed()).isTrue();
        assertThat(application.income()).isEqualByComparingTo("1234.50");
        assertThat(application.since()).isEqualTo(LocalDate.of(2020, 2, 29));
    }

    @Test
    void a_fraction_is_not_truncated_to_an_integer() {
        assertThatThrownBy(() -> read("{\"childrenCount\":12.345}")).isInstanceOf(JacksonException.class);
    }

    @Test
    void strings_are_not_coerced_to_booleans_or_numbers() {
        assertThatThrownBy(() -> read("{\"employed\":\"true\"}")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> read("{\"childrenCount\":\"5\"}")).isInstanceOf(JacksonException.class);
    }

    @Test
    void a_duplicate_key_is_refused() {
        assertThatThrownBy(() -> read("{\"name\":\"甲\",\"name\":\"乙\"}")).isInstanceOf(JacksonException.class)
                .hasMessageContaining("Duplicate");
    }

    @Test
    void dates_outside_the_span_are_refused_as_out_of_range() {
        for (String json : new String[] {"{\"since\":\"+999999999-12-31\"}", "{\"since\":\"1899-12-31\"}",
                "{\"month\":\"2200-01\"}", "{\"at\":\"-999999999-01-01T00:00:00Z\"}"}) {
            assertThatThrownBy(() -> read(json)).hasRootCauseInstanceOf(Refusal.class)
                    .rootCause().extracting(e -> ((Refusal) e).code()).isEqualTo("date-out-of-range");
        }
        assertThat(read("{\"since\":\"1900-01-01\",\"month\":\"2199-12\"}").month()).isEqualTo(YearMonth.of(2199, 12));
    }

    @Test
    void control_and_bidi_characters_and_overlong_text_are_refused() {
        for (String json : new String[] {"{\"name\":\"a\\u0000b\"}", "{\"name\":\"\\u202Eabc\"}",
                "{\"name\":\"\\u2066x\"}", "{\"name\":\"\\u001b[31m\"}"}) {
            assertThatThrownBy(() -> read(json)).rootCause().extracting(e -> ((Refusal) e).code())
                    .isEqualTo("text-control-character");
        }
        String long_ = "x".repeat(RequestText.MAX_LENGTH + 1);
        assertThatThrownBy(() -> read("{\"name\":\"" + long_ + "\"}")).rootCause()
                .extracting(e -> ((Refusal) e).code()).isEqualTo("text-too-long");
    }
}
