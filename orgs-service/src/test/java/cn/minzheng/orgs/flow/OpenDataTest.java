package cn.minzheng.orgs.flow;

import static cn.minzheng.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;


/**
 * Public disclosure in a county of its own (金坛, 320413): the search by code without a division, and the
 * open-data extract as CSV (BOM, Chinese headers and labels by default, English on request) and JSON, the same
 * rows in both and no personal data.
 */
@ServiceTest
class OpenDataTest extends OrgsFlow {

    static final String COUNTY = "320413";
    static final String OFFICER = TestJwts.token("orgs-officer-jt", COUNTY, "orgs-officer");

    private String register(String name, String idNumber) {
        return register(COUNTY, OFFICER, name, idNumber);
    }

    private String register(String county, String officer, String name, String idNumber) {
        String body = "52" + county + UUID.randomUUID().toString().replaceAll("[^0-9]", "").concat("000000000")
                .substring(0, 9);
        String code = body + CreditCode.checkCharacter(body);
        var created = http.postJson("/api/orgs/organizations", officer, """
                {"name":"%s","type":"SERVICE_INSTITUTION","creditCode":"%s","sponsorUnit":"金坛区教育局",
                 "legalRepresentative":{"name":"钱芳","idNumber":"%s"},"businessScope":"托育服务, \\"普惠\\"",
                 "divisionCode":"%s","registeredOn":"2026-01-05"}""".formatted(name, code, idNumber, county));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return code;
    }

    @Test
    void the_register_is_searched_by_code_and_exported_as_csv_and_json_without_personal_data() {
        String idNumber = TestIdNumbers.female(COUNTY, LocalDate.of(1980, 2, 2));
        String run = UUID.randomUUID().toString().substring(0, 4);
        String first = register("金坛区阳光托育中心" + run, idNumber);
        register("金坛区彩虹托育中心" + run, TestIdNumbers.female(COUNTY, LocalDate.of(1981, 3, 3)));

        var byCode = http.get("/api/orgs/public/organizations?code=" + first, null);
        assertThat(byCode.json().path("items").get(0).path("name").asString()).isEqualTo("金坛区阳光托育中心" + run);
        assertProblem(http.get("/api/orgs/public/organizations", null), 400, "/problems/division-or-code-required",
                "division");

        var csv = http.get("/api/orgs/public/register.csv?division=" + COUNTY, null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Disposition")).contains("attachment");
        assertThat(csv.body()).startsWith("\uFEFF名称,统一社会信用代码,类型").doesNotContain(idNumber, "orgs-officer");
        List<CSVRecord> rows = parse(csv.body().substring(1));
        assertThat(rows).hasSize(2);
        CSVRecord row = rows.stream().filter(r -> r.get("统一社会信用代码").equals(first)).findFirst().orElseThrow();
        assertThat(row.get("类型")).isEqualTo("社会服务机构");
        assertThat(row.get("业务范围")).isEqualTo("托育服务, \"普惠\"");
        assertThat(row.get("状态")).isEqualTo("正常");
        assertThat(java.time.OffsetDateTime.parse(row.get("数据截至"))).as("each row says when it was true")
                .isBetween(java.time.OffsetDateTime.now().minusMinutes(1), java.time.OffsetDateTime.now());

        var english = http.send(http.request("/api/orgs/public/register.csv?division=" + COUNTY, null)
                .header("Accept-Language", "en"));
        assertThat(english.body()).startsWith("\uFEFFname,creditCode,type");
        assertThat(parse(english.body().substring(1)).get(0).get("type")).isEqualTo("social service institution");

        var json = http.get("/api/orgs/public/register.json?division=" + COUNTY, null);
        assertThat(java.time.OffsetDateTime.parse(json.json().path("asOf").asString()))
                .isBetween(java.time.OffsetDateTime.now().minusMinutes(1), java.time.OffsetDateTime.now());
        assertThat(json.json().path("organizations").size()).isEqualTo(2);
        assertThat(json.body()).doesNotContain(idNumber);
    }

    /**
     * Finding 29.8: the register can be pulled in a loop, so each extract carries an ETag from the register's last
     * change and today; asked again with it and nothing changed, the answer is a 304 with no body. A change anywhere
     * in the register, or the other language, gives the full file again.
     */
    @Test
    void the_register_export_answers_304_until_the_register_changes() {
        String county = "320411";
        String officer = TestJwts.token("orgs-officer-xb", county, "orgs-officer");
        String run = UUID.randomUUID().toString().substring(0, 4);
        register(county, officer, "新北区晨光托育中心" + run, TestIdNumbers.female(county, LocalDate.of(1983, 5, 5)));
        String csvUrl = "/api/orgs/public/register.csv?division=" + county;
        String jsonUrl = "/api/orgs/public/register.json?division=" + county;

        var first = http.get(csvUrl, null);
        String tag = first.header("ETag");
        assertThat(tag).startsWith("\"register-");
        var again = http.send(http.request(csvUrl, null).header("If-None-Match", tag));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        var english = http.send(http.request(csvUrl, null).header("If-None-Match", tag).header("Accept-Language", "en"));
        assertThat(english.status()).as("the labels differ, so the file does").isEqualTo(200);
        String jsonTag = http.get(jsonUrl, null).header("ETag");
        assertThat(http.send(http.request(jsonUrl, null).header("If-None-Match", jsonTag)).status()).isEqualTo(304);

        String second = register(county, officer, "新北区暖阳托育中心" + run,
                TestIdNumbers.female(county, LocalDate.of(1984, 6, 6)));

        var changed = http.send(http.request(csvUrl, null).header("If-None-Match", tag));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(tag);
        assertThat(changed.body()).contains(second);
        assertThat(http.send(http.request(jsonUrl, null).header("If-None-Match", jsonTag)).status()).isEqualTo(200);
    }

    /** OWASP's CSV injection rule: a cell a spreadsheet would take for a formula starts with a quote instead. */
    @Test
    void a_cell_a_spreadsheet_would_run_as_a_formula_is_neutralised_in_the_csv() {
        String county = "320412";
        String officer = TestJwts.token("orgs-officer-wj", county, "orgs-officer");
        String body = "52" + county + UUID.randomUUID().toString().replaceAll("[^0-9]", "").concat("000000000")
                .substring(0, 9);
        String code = body + CreditCode.checkCharacter(body);
        var created = http.postJson("/api/orgs/organizations", officer, """
                {"name":"武进区公式测试中心%s","type":"SERVICE_INSTITUTION","creditCode":"%s","sponsorUnit":"武进区教育局",
                 "legalRepresentative":{"name":"钱芳","idNumber":"%s"},
                 "businessScope":"=HYPERLINK(\\"http://127.0.0.1/x\\",\\"点击\\")","address":"-2+3",
                 "divisionCode":"%s","registeredOn":"2026-01-05"}""".formatted(UUID.randomUUID().toString()
                .substring(0, 4), code, TestIdNumbers.female(county, LocalDate.of(1982, 4, 4)), county));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        var csv = http.get("/api/orgs/public/register.csv?division=" + county, null);
        CSVRecord row = parse(csv.body().substring(1)).stream().filter(r -> r.get("统一社会信用代码").equals(code))
                .findFirst().orElseThrow();
        assertThat(row.get("业务范围")).isEqualTo("'=HYPERLINK(\"http://127.0.0.1/x\",\"点击\")");
        assertThat(row.get("住所")).isEqualTo("'-2+3");
        assertThat(row.get("名称")).startsWith("武进区");
    }

    private static List<CSVRecord> parse(String text) {
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(text)).getRecords();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
