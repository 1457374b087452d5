package cn.minzheng.assistance.flow;

import static cn.minzheng.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;

import org.springframework.boot.test.web.server.LocalServerPort;

/** Each refusal of the list: a clear problem+json with the right status, type and field, and no change. */
@ServiceTest
class BadInputAndEdgeCasesTest {

    @LocalServerPort
    int port;

    AssistanceApi api;

    @BeforeEach
    void setUp() {
        api = new AssistanceApi(port);
        api.standard("320404", "800.00", "2018-07-01");
    }

    private HttpCalls.Response registerWith(String membersJson) {
        return api.http.postJson("/api/assistance/households", AssistanceApi.OFFICER, """
                {"divisionCode":"320404001007","residence":"URBAN","address":"某路 1 号","members":[%s],
                 "assets":{"deposits":0,"vehicles":0,"houses":1}}""".formatted(membersJson));
    }

    private static String member(String id, String income) {
        return """
                {"idNumber":"%s","name":"王五","relation":"HEAD","disabilityGrade":0,"employed":false,"monthlyIncome":%s}
                """.formatted(id, income);
    }

    private long households() {
        return api.http.get("/api/assistance/households?division=320404001", AssistanceApi.OFFICER).json()
                .path("page").path("totalElements").asLong();
    }


    @Test
    void a_bad_id_number_is_refused_naming_the_field_and_nothing_is_created() {
        long before = households();
        String valid = TestIdNumbers.male("320404", LocalDate.of(1970, 1, 1));
        String corrupted = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        var response = registerWith(member(corrupted, "0"));
        assertProblem(response, 400, "invalid-id-number");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("members[0].idNumber");
        assertThat(response.json().path("title").asString()).isEqualTo("身份证号无效");
        assertThat(response.json().path("errors").get(0).path("message").asString()).contains("校验码");
        assertThat(households()).isEqualTo(before);
    }

    @Test
    void a_means_test_failure_is_explained_in_chinese_by_default_and_in_english_on_request() {
        String id = TestIdNumbers.male("320404", LocalDate.of(1975, 5, 5));
        String householdId = registerWith(member(id, "3000.00")).json().path("id").asString();
        String applicationId = api.apply(householdId, AssistanceApi.OFFICER).path("id").asString();
        String pass = "{\"decision\":\"PASS\",\"opinion\":\"入户调查\"}";
        var chinese = api.http.postJson("/api/assistance/applications/" + applicationId + "/review",
                AssistanceApi.OFFICER, pass);
        assertProblem(chinese, 422, "means-test-failed");
        assertThat(chinese.json().path("title").asString()).isEqualTo("家庭经济状况核对未通过");
        assertThat(chinese.json().path("detail").asString()).contains("家庭月人均收入 3000.00 元", "800.00 元");

        var english = api.http.send(api.http.request("/api/assistance/applications/" + applicationId + "/review",
                AssistanceApi.OFFICER).header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(pass)));
        assertProblem(english, 422, "means-test-failed");
        assertThat(english.json().path("title").asString()).isEqualTo("Means test not passed");
        assertThat(english.json().path("detail").asString()).contains("per-capita income 3000.00 yuan", "800.00");
    }

    @Test
    void a_bad_phone_number_is_refused_naming_the_field() {
        String id = TestIdNumbers.male("320404", LocalDate.of(1974, 1, 1));
        var response = api.http.postJson("/api/assistance/households", AssistanceApi.OFFICER, """
                {"divisionCode":"320404001007","residence":"URBAN","address":"某路","members":[%s],
                 "assets":{"deposits":0,"vehicles":0,"houses":1},"contactPhone":"12345"}""".formatted(member(id, "0")));
        assertProblem(response, 400, "invalid-phone-number");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("contactPhone");
    }

    @Test
    void negative_or_three_decimal_money_is_refused() {
        String id = TestIdNumbers.male("320404", LocalDate.of(1971, 1, 1));
        var negative = registerWith(member(id, "-1.00"));
        assertProblem(negative, 400, "invalid-request");
        assertThat(negative.json().path("errors").get(0).path("field").asString())
                .isEqualTo("members[0].monthlyIncome");
        assertProblem(registerWith(member(id, "10.005")), 400, "invalid-request");
    }

    @Test
    void a_person_who_is_an_active_member_elsewhere_cannot_join_a_second_household() {
        String id = TestIdNumbers.female("320404", LocalDate.of(1972, 1, 1));
        assertThat(registerWith(member(id, "0")).status()).isEqualTo(201);
        long before = households();
        assertProblem(registerWith(member(id, "0")), 409, "member-in-other-household");
        assertThat(households()).isEqualTo(before);
    }

    @Test
    void an_officer_of_another_township_gets_403_and_the_attempt_is_audited() {
        String householdId = api.register(api.family()).json().path("id").asString();
        assertProblem(api.http.get("/api/assistance/households/" + householdId, AssistanceApi.OTHER_TOWNSHIP), 403,
                "outside-division");
        JsonNode audit = api.http.get("/api/assistance/audit?actor=officer-b", AssistanceApi.AUDITOR).json();
        assertThat(audit.path("items").toString()).contains("OUTSIDE_DIVISION", householdId, "DENIED");
    }

    @Test
    void unknown_fields_on_a_command_are_refused() {
        String id = TestIdNumbers.male("320404", LocalDate.of(1973, 1, 1));
        var response = api.http.postJson("/api/assistance/households", AssistanceApi.OFFICER, """
                {"divisionCode":"320404001007","residence":"URBAN","address":"某路","status":"ENROLLED",
                 "members":[%s],"assets":{"deposits":0,"vehicles":0,"houses":1}}""".formatted(member(id, "0")));
        assertProblem(response, 400, "unknown-field");
    }

    /** A number left out of a member is named as required (it was "wrong type or format"), and nothing is stored. */
    @Test
    void a_number_left_out_is_named_as_required() {
        var response = api.http.postJson("/api/assistance/households", AssistanceApi.OFFICER, """
                {"divisionCode":"320404001007","residence":"URBAN","address":"某小区 2 号",
                 "members":[{"idNumber":"%s","name":"张大伟","relation":"HEAD","employed":false,"monthlyIncome":0}],
                 "assets":{"deposits":0,"vehicles":0,"houses":1}}""".formatted(api.family().head()));

        assertProblem(response, 400, "/problems/invalid-request", "members[0].disabilityGrade");
        assertThat(response.json().path("errors").get(0).path("message").asString()).isEqualTo("必须填写");
    }

    @Test
    void a_stale_if_match_gets_412_and_changes_nothing() {
        JsonNode household = api.register(api.family()).json();
        String id = household.path("id").asString();
        String change = """
                {"reason":"收入变化","effectiveOn":"2026-12-01","memberChanges":[{"personRef":"%s","monthlyIncome":500}]}
                """.formatted(household.path("members").get(0).path("personRef").asString());
        var first = api.http.send(api.http.request("/api/assistance/households/" + id + "/changes",
                AssistanceApi.OFFICER).header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .POST(HttpRequest.BodyPublishers.ofString(change)));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"2\"");
        var stale = api.http.send(api.http.request("/api/assistance/households/" + id + "/changes",
                AssistanceApi.OFFICER).header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .POST(HttpRequest.BodyPublishers.ofString(change)));
        assertProblem(stale, 412, "stale-version");
        assertThat(api.http.get("/api/assistance/households/" + id, AssistanceApi.OFFICER).header("ETag"))
                .isEqualTo("\"2\"");
    }

    @Test
    void the_reviewer_cannot_approve_their_own_review() {
        String both = TestJwts.token("officer-and-approver", "320404", "township-officer", "county-approver");
        String householdId = api.register(api.family()).json().path("id").asString();
        String applicationId = api.apply(householdId, AssistanceApi.OFFICER).path("id").asString();
        var review = api.http.postJson("/api/assistance/applications/" + applicationId + "/review", both,
                "{\"decision\":\"PASS\",\"opinion\":\"属实\"}");
        assertThat(review.status()).isEqualTo(200);
        assertProblem(api.approve(applicationId, both), 403, "four-eyes");
        assertThat(api.http.get("/api/assistance/applications/" + applicationId, AssistanceApi.OFFICER).json()
                .path("status").asString()).isEqualTo("PUBLIC_NOTICE");
    }

    @Test
    void a_rejection_needs_a_written_reason() {
        String householdId = api.register(api.family()).json().path("id").asString();
        String applicationId = api.apply(householdId, AssistanceApi.OFFICER).path("id").asString();
        var response = api.http.postJson("/api/assistance/applications/" + applicationId + "/review",
                AssistanceApi.OFFICER, "{\"decision\":\"REJECT\"}");
        assertProblem(response, 400, "invalid-request");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("opinion");
    }

    @Test
    void the_same_idempotency_key_returns_the_same_application_and_creates_one() {
        String householdId = api.register(api.family()).json().path("id").asString();
        String body = "{\"householdId\":\"" + householdId + "\",\"programme\":\"DIBAO\",\"reason\":\"失业\"}";
        var first = api.http.send(api.http.request("/api/assistance/applications", AssistanceApi.OFFICER)
                .header("Content-Type", "application/json").header("Idempotency-Key", "mobile-retry-1")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        var retry = api.http.send(api.http.request("/api/assistance/applications", AssistanceApi.OFFICER)
                .header("Content-Type", "application/json").header("Idempotency-Key", "mobile-retry-1")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(api.http.get("/api/assistance/applications?division=320404001&status=SUBMITTED",
                AssistanceApi.OFFICER).body()).containsOnlyOnce(householdId);

        var otherBody = api.http.send(api.http.request("/api/assistance/applications", AssistanceApi.OFFICER)
                .header("Content-Type", "application/json").header("Idempotency-Key", "mobile-retry-1")
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("失业", "患病"))));
        assertProblem(otherBody, 422, "idempotency-key-reused");
    }

    @Test
    void a_full_id_number_is_read_only_on_purpose_and_the_person_sees_who_read_it() {
        AssistanceApi.Family family = api.family();
        String householdId = api.register(family).json().path("id").asString();
        assertThat(api.http.get("/api/assistance/households/" + householdId, AssistanceApi.OFFICER).body())
                .doesNotContain(family.head());

        var full = api.http.get("/api/assistance/households/" + householdId + "/id-numbers", AssistanceApi.OFFICER);
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.body()).contains(family.head(), family.child());
        assertProblem(api.http.get("/api/assistance/households/" + householdId + "/id-numbers",
                AssistanceApi.AUDITOR), 403, "forbidden");

        String head = TestJwts.builder().user("citizen-head").roles("citizen").idNumber(family.head()).build();
        JsonNode usage = api.http.get("/api/assistance/me/data-usage", head).json();
        assertThat(usage.toString()).contains("READ_FULL_PERSONAL_DATA", "officer-a", "POST /api/assistance/households");
        JsonNode mine = api.http.get("/api/assistance/me/applications", head).json();
        assertThat(mine.isArray()).isTrue();
    }
}
