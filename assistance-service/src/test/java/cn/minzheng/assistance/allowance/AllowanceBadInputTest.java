package cn.minzheng.assistance.allowance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The bad inputs and edge cases for allowances and children's records: each a clear problem+json, and
 * nothing changes. Uses county 320412 of its own, so it meets no other test's rules.
 */
@ServiceTest
class AllowanceBadInputTest {

    static final String OFFICER = TestJwts.token("officer-w", "320412001", "township-officer");
    static final String OTHER_TOWNSHIP = TestJwts.token("officer-x", "320412002", "township-officer");
    static final String APPROVER = TestJwts.token("approver-w", "320412", "county-approver");
    static final String APPROVER_2 = TestJwts.token("approver-x", "320412", "county-approver");

    @LocalServerPort
    int port;

    HttpCalls http;

    @BeforeEach
    void setUp() {
        http = new HttpCalls("http://127.0.0.1:" + port);
        ensureRules(http);
    }

    /** County 320412's rules, version 1 from 2018, put in force once for the tests of this context. */
    static synchronized void ensureRules(HttpCalls http) {
        if (http.get("/api/assistance/allowance-rules/320412", APPROVER).status() == 404) {
            var proposed = http.postJson("/api/assistance/allowance-rules", APPROVER,
                    AllowanceJourneyTest.rules("320412", "2018-01-01", ""));
            assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
            assertThat(http.postJson("/api/assistance/allowance-rules/320412/versions/1/decision", APPROVER_2,
                    "{\"decision\":\"APPROVE\"}").status()).isEqualTo(200);
        }
    }

    private HttpCalls.Response file(String token, String idNumber, String programme, String extra) {
        return http.postJson("/api/assistance/allowances", token, """
                {"idNumber":"%s","name":"测试对象","divisionCode":"320412001003","programme":"%s"%s}"""
                .formatted(idNumber, programme, extra));
    }

    private long count(String programme) {
        return http.get("/api/assistance/allowances?division=320412001003&programme=" + programme, APPROVER).json()
                .path("page").path("totalElements").asLong();
    }

    @Test
    void a_disability_grade_outside_1_to_4_is_a_400_naming_the_field() {
        var response = file(OFFICER, TestIdNumbers.male("320412", LocalDate.of(1970, 1, 1)), "DISABILITY_CARE",
                ",\"disabilityGrade\":5,\"disabilityType\":\"PHYSICAL\"");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("disabilityGrade");
        assertThat(count("DISABILITY_CARE")).isZero();

        var rule = http.postJson("/api/assistance/allowance-rules", APPROVER, """
                {"county":"320412","effectiveFrom":"2027-01-01","programmes":[{"programme":"DISABILITY_CARE",
                 "amount":100.00,"criteria":[{"id":"bad","disabilityGrades":[0,5]}]}]}""");
        assertThat(rule.status()).isEqualTo(400);
        assertThat(rule.json().path("errors").get(0).path("field").asString()).contains("disabilityGrades");
    }

    @Test
    void an_orphan_over_18_without_the_education_extension_is_refused_with_the_rule() {
        LocalDate birth = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusYears(19);
        var response = file(OFFICER, TestIdNumbers.female("320412", birth), "ORPHAN_SCATTERED",
                ",\"childStatus\":\"ORPHAN\",\"education\":{\"school\":\"常州大学\",\"until\":\"2029-06-30\","
                        + "\"evidence\":\"学籍证明 2026-0815\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().path("type").asString()).endsWith("/child-age-limit");
        assertThat(response.json().path("detail").asString()).contains("十八周岁");
        var english = http.send(http.request("/api/assistance/allowances", OFFICER)
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"idNumber":"%s","name":"测试对象","divisionCode":"320412001003","programme":"ORPHAN_SCATTERED",
                         "childStatus":"ORPHAN"}""".formatted(TestIdNumbers.female("320412", birth)))));
        assertThat(english.json().path("detail").asString()).contains("18");
        assertThat(count("ORPHAN_SCATTERED")).isZero();
    }

    @Test
    void the_same_person_twice_in_one_programme_is_a_409_and_outside_the_division_a_403() {
        String idNumber = TestIdNumbers.male("320412", LocalDate.of(1940, 5, 5));
        assertThat(file(OFFICER, idNumber, "OLD_AGE", "").status()).isEqualTo(201);
        var twice = file(OFFICER, idNumber, "OLD_AGE", "");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("type").asString()).endsWith("/already-in-allowance");
        var outside = file(OTHER_TOWNSHIP, TestIdNumbers.male("320412", LocalDate.of(1941, 5, 5)), "OLD_AGE", "");
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.json().path("type").asString()).endsWith("/outside-division");
        assertThat(count("OLD_AGE")).isEqualTo(1);
    }

    @Test
    void a_child_record_is_read_only_by_its_division_and_its_assigned_director() {
        var opened = http.postJson("/api/assistance/children", OFFICER, """
                {"idNumber":"%s","name":"测试儿童","divisionCode":"320412001003","category":"LEFT_BEHIND",
                 "riskLevel":"HIGH","riskReason":"父母外出务工","directorUsername":"cd-w"}"""
                .formatted(TestIdNumbers.male("320412", LocalDate.of(2016, 3, 3))));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String id = opened.json().path("id").asString();
        assertThat(opened.json().path("nextVisitDue").asString()).isNotBlank();
        String assigned = TestJwts.token("cd-w", "320412001003", "child-director");
        String another = TestJwts.token("cd-z", "320412001003", "child-director");
        assertThat(http.get("/api/assistance/children/" + id, assigned).status()).isEqualTo(200);
        // Her worklists count her own children, as her list of children gives them.
        http.get("/api/assistance/worklists", assigned).json().path("items").forEach(entry -> assertThat(
                http.get(entry.path("list").asString(), assigned).json().path("page").path("totalElements").asLong())
                .as(entry.toString()).isEqualTo(entry.path("count").asLong()));
        assertThat(http.get("/api/assistance/worklists", another).json().path("items").get(0).path("count")
                .asLong()).as("another director's caseload has none of hers").isZero();
        var refused = http.get("/api/assistance/children/" + id, another);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("type").asString()).endsWith("/not-assigned");
        assertThat(http.get("/api/assistance/children/" + id, OTHER_TOWNSHIP).status()).isEqualTo(403);
        assertThat(http.get("/api/assistance/children/" + id,
                TestJwts.token("auditor-w", "320412", "auditor")).status()).isEqualTo(403);

        var visit = http.postJson("/api/assistance/children/" + id + "/visits", assigned,
                "{\"on\":\"%s\",\"note\":\"入户走访\"}".formatted(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))));
        assertThat(visit.status()).as(visit.toString()).isEqualTo(200);
        assertThat(visit.json().path("visitOverdue").asBoolean()).isFalse();
        var future = http.postJson("/api/assistance/children/" + id + "/visits", assigned,
                "{\"on\":\"%s\",\"note\":\"入户走访\"}".formatted(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(3)));
        assertThat(future.status()).isEqualTo(400);
        JsonNode after = http.get("/api/assistance/children/" + id, assigned).json();
        assertThat(after.path("visits").size()).isEqualTo(1);
    }
}
