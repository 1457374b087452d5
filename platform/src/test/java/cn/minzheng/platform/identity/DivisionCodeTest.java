package cn.minzheng.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DivisionCodeTest {

    @Test
    void a_county_contains_its_townships_and_villages_and_a_township_only_its_own() {
        DivisionCode county = DivisionCode.of("320404");
        DivisionCode township = DivisionCode.of("320404001");

        assertThat(county.contains(DivisionCode.of("320404001007"))).isTrue();
        assertThat(county.contains(DivisionCode.of("320404002003"))).isTrue();
        assertThat(township.contains(DivisionCode.of("320404001007"))).isTrue();
        assertThat(township.contains(DivisionCode.of("320404002003"))).isFalse();
        assertThat(township.contains(county)).isFalse();
        assertThat(county.contains(DivisionCode.of("320413100"))).isFalse();
    }

    @Test
    void a_province_contains_its_cities_counties_and_villages_and_a_city_only_its_own_counties() {
        DivisionCode jiangsu = DivisionCode.of("320000");
        DivisionCode changzhou = DivisionCode.of("320400");

        assertThat(jiangsu.level()).isEqualTo(DivisionCode.Level.PROVINCE);
        assertThat(changzhou.level()).isEqualTo(DivisionCode.Level.CITY);
        assertThat(jiangsu.contains(DivisionCode.of("320404"))).isTrue();
        assertThat(jiangsu.contains(DivisionCode.of("320413100205"))).isTrue();
        assertThat(jiangsu.contains(changzhou)).isTrue();
        assertThat(jiangsu.contains(jiangsu)).isTrue();
        assertThat(changzhou.contains(DivisionCode.of("320404001"))).isTrue();
        assertThat(changzhou.contains(DivisionCode.of("320506"))).isFalse();
        assertThat(changzhou.contains(jiangsu)).isFalse();
        assertThat(DivisionCode.of("320404").contains(changzhou)).isFalse();
        assertThat(jiangsu.contains(DivisionCode.of("330106"))).isFalse();
        assertThat(jiangsu.scopePrefix()).isEqualTo("32");
        assertThat(changzhou.scopePrefix()).isEqualTo("3204");
    }

    @Test
    void levels_parents_and_township_kinds_come_from_the_code() {
        DivisionCode village = DivisionCode.of("320413100205");

        assertThat(village.level()).isEqualTo(DivisionCode.Level.VILLAGE);
        assertThat(village.county()).isEqualTo(DivisionCode.of("320413"));
        assertThat(village.township()).contains(DivisionCode.of("320413100"));
        assertThat(village.townshipKind()).contains(DivisionCode.TownshipKind.TOWN);
        assertThat(DivisionCode.of("320404001").townshipKind()).contains(DivisionCode.TownshipKind.STREET);
        assertThat(DivisionCode.of("320404201").townshipKind()).contains(DivisionCode.TownshipKind.TOWNSHIP);
        assertThat(DivisionCode.of("320404").level()).isEqualTo(DivisionCode.Level.COUNTY);
        assertThat(DivisionCode.of("320404").township()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "32040", "3204041", "3204040010", "32040400100", "3204040010071", "32040A",
            "320404000", "320404001000", "000000", "32O404"})
    void malformed_codes_are_refused(String code) {
        assertThatThrownBy(() -> DivisionCode.of(code)).isInstanceOf(InvalidIdentifierException.class)
                .extracting(e -> ((InvalidIdentifierException) e).kind()).isEqualTo("invalid-division-code");
    }
}
