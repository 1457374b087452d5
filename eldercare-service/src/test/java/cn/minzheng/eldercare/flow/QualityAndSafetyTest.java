package cn.minzheng.eldercare.flow;

import static cn.minzheng.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.minzheng.testsupport.EventSchemas;
import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestJwts;
import cn.minzheng.testsupport.TopicRecords;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Quality and safety of a facility, with the service's clock on Wed 2026-12-02: a star rating (event), fire-safety
 * status, caregivers and their certification rate, the contracts-ending worklist, and an inspection whose deadline
 * on a Saturday moves to Monday, one finding overdue on the worklist until it is rectified.
 */
@ServiceTest
class QualityAndSafetyTest {

    static final String OFFICER = TestJwts.token("officer-zl", "320404", "eldercare-officer");

    @LocalServerPort
    int port;

    HttpCalls http;
    String facility;

    @BeforeEach
    void setUp() {
        http = new HttpCalls("http://127.0.0.1:" + port);
        var created = http.postJson("/api/eldercare/facilities", OFFICER, """
                {"name":"五星敬老院(测试%s)","type":"CARE_HOME","ownership":"PUBLIC_BUILT_PRIVATE_OPERATED",
                 "operatorCreditCode":"52320404MJ5837462K","operatorName":"颐和养老服务中心","contractEnds":"2027-01-31",
                 "divisionCode":"320404002","beds":{"total":80,"nursing":60}}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        facility = created.json().path("id").asString();
    }

    @Test
    void a_rating_fire_safety_and_caregivers_show_on_the_facility_and_a_contract_ending_on_the_worklist() {
        try (TopicRecords topic = new TopicRecords("minzheng.eldercare")) {
            var rated = http.postJson("/api/eldercare/facilities/" + facility + "/ratings", OFFICER,
                    "{\"stars\":4,\"ratedOn\":\"2026-11-18\"}");
            assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
            assertProblem(http.postJson("/api/eldercare/facilities/" + facility + "/ratings", OFFICER,
                    "{\"stars\":6,\"ratedOn\":\"2026-11-19\"}"), 400, "invalid-request", "stars");
            assertProblem(http.postJson("/api/eldercare/facilities/" + facility + "/ratings", OFFICER,
                    "{\"stars\":3,\"ratedOn\":\"2026-11-18\"}"), 409, "already-rated");
            http.postJson("/api/eldercare/facilities/" + facility + "/fire-safety", OFFICER,
                    "{\"status\":\"COMPLIANT\",\"since\":\"2026-06-30\"}");
            assertProblem(http.postJson("/api/eldercare/facilities/" + facility + "/caregivers", OFFICER,
                    "{\"total\":10,\"certified\":11,\"reportedOn\":\"2026-12-01\"}"), 422, "certified-above-total",
                    "certified");
            http.postJson("/api/eldercare/facilities/" + facility + "/caregivers", OFFICER,
                    "{\"total\":25,\"certified\":23,\"reportedOn\":\"2026-12-01\"}");

            JsonNode read = http.get("/api/eldercare/facilities/" + facility, OFFICER).json();
            assertThat(read.path("stars").asInt()).isEqualTo(4);
            assertThat(read.path("fireSafety").path("status").asString()).isEqualTo("COMPLIANT");
            assertThat(read.path("certificationRate").asDouble()).isEqualTo(92.0);
            assertThat(read.path("nursingBedRatio").asDouble()).isEqualTo(75.0);
            assertThat(http.get("/api/eldercare/public/facilities?division=320404002", null).json().path("items")
                    .toString()).contains("\"stars\":4");

            var records = topic.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r ->
                    facility.equals(r.key()) && TopicRecords.type(r).endsWith("facility.rated.v1")));
            assertThat(EventSchemas.violations(records)).isEmpty();
        }
        var ending = http.get("/api/eldercare/facilities/contracts-ending?division=320404&withinDays=90", OFFICER)
                .json();
        assertThat(ending.path("items").toString()).contains(facility);
        assertThat(ending.path("page").path("totalElements").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(http.get("/api/eldercare/facilities/contracts-ending?division=320404&withinDays=30", OFFICER)
                .json().toString()).doesNotContain(facility);
    }

    @Test
    void an_inspection_deadline_on_a_rest_day_moves_and_an_overdue_finding_is_on_the_worklist_until_rectified() {
        var recorded = http.postJson("/api/eldercare/facilities/" + facility + "/inspections", OFFICER, """
                {"date":"2026-11-25","findings":[
                  {"item":"三楼疏散通道堆放杂物","severity":"SERIOUS","deadline":"2026-12-05"},
                  {"item":"厨房燃气报警器失效","severity":"MAJOR","deadline":"2026-11-30"}]}""");
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        JsonNode inspection = recorded.json();
        String id = inspection.path("id").asString();
        assertThat(inspection.path("findings").get(0).path("deadline").asString())
                .as("Saturday 2026-12-05 moves to Monday").isEqualTo("2026-12-07");
        assertThat(inspection.path("findings").get(1).path("overdue").asBoolean()).isTrue();
        assertThat(http.get("/api/eldercare/inspections/overdue?division=320404", OFFICER).json().toString())
                .contains(id);
        // a paged worklist that says how many there are (issue 30.7), a range on overdueAfter (issue 30.6)
        var firstPage = http.get("/api/eldercare/inspections/overdue?division=320404&size=1", OFFICER).json();
        assertThat(firstPage.path("items").size()).isEqualTo(1);
        assertThat(firstPage.path("page").path("totalElements").asLong()).isGreaterThanOrEqualTo(1);

        String operator = TestJwts.builder().user("operator").division("320404002").roles("facility-operator")
                .claim("facility_id", facility).build();
        assertProblem(http.postJson("/api/eldercare/inspections/" + id + "/rectifications", operator,
                "{\"findingId\":\"f2\",\"rectifiedOn\":\"2026-11-20\",\"evidence\":\"照片\"}"), 400,
                "date-outside-inspection", "rectifiedOn");
        var rectified = http.postJson("/api/eldercare/inspections/" + id + "/rectifications", operator,
                "{\"findingId\":\"f2\",\"rectifiedOn\":\"2026-12-01\",\"evidence\":\"更换报警器，照片 sha256:ab12\"}");
        assertThat(rectified.status()).as(rectified.toString()).isEqualTo(200);
        assertThat(rectified.json().path("overdue").asBoolean()).isFalse();
        assertThat(rectified.json().path("open").asBoolean()).as("f1 is still open").isTrue();
        assertThat(rectified.json().path("findings").get(1).path("actions").size()).as("f2 is done").isZero();
        assertThat(rectified.json().path("findings").get(0).path("actions").toString()).isEqualTo("[\"RECTIFY\"]");
        assertThat(http.get("/api/eldercare/inspections/" + id, TestJwts.token("auditor-zl", "320404", "auditor"))
                .json().path("findings").get(0).path("actions").size()).as("an auditor reads").isZero();
        assertProblem(http.postJson("/api/eldercare/inspections/" + id + "/rectifications", operator,
                "{\"findingId\":\"f2\",\"rectifiedOn\":\"2026-12-02\",\"evidence\":\"x\"}"), 409, "already-rectified");
        assertThat(http.get("/api/eldercare/inspections/overdue?division=320404", OFFICER).json().toString())
                .doesNotContain(id);
        assertProblem(http.postJson("/api/eldercare/facilities/" + facility + "/inspections", OFFICER, """
                {"date":"2026-11-25","findings":[{"item":"x","severity":"MINOR","deadline":"2026-11-25"}]}"""),
                400, "deadline-not-after-inspection", "findings[0].deadline");
    }

    @Test
    void an_operators_revocation_flags_the_facilities_it_runs_once() {
        String code = "52320404MJ5911208C";
        var created = http.postJson("/api/eldercare/facilities", OFFICER, """
                {"name":"安康护理院(测试%s)","type":"CARE_HOME","ownership":"PUBLIC_BUILT_PRIVATE_OPERATED",
                 "operatorCreditCode":"%s","operatorName":"安康养老服务社","contractEnds":"2030-06-30",
                 "divisionCode":"320404003","beds":{"total":40,"nursing":30}}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6), code));
        String run = created.json().path("id").asString();
        assertThat(created.json().path("operatorStatus").asString()).isEqualTo("ACTIVE");
        String eventId = UUID.randomUUID().toString();
        String revoked = """
                {"orgId":"org-7","creditCode":"%s","revokedOn":"2026-11-30","reason":"连续两年未参加年检"}"""
                .formatted(code);
        try (TopicRecords orgs = new TopicRecords("minzheng.orgs")) {
            for (int i = 0; i < 2; i++) {
                TopicRecords.sendCloudEvent("minzheng.orgs", "org-7", "minzheng.orgs.org.revoked.v1", eventId, revoked);
            }
            var sent = orgs.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream().filter(r -> "org-7".equals(r.key()))
                    .count() >= 2);
            assertThat(EventSchemas.violations(sent.stream().filter(r -> "org-7".equals(r.key())).toList(),
                    java.nio.file.Path.of("src/test/resources/consumed-events"))).isEmpty();
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.get(
                "/api/eldercare/facilities/" + run, OFFICER).json().path("operatorStatus").asString())
                .isEqualTo("SUSPENDED_OPERATOR"));
        JsonNode flagged = http.get("/api/eldercare/facilities/" + run, OFFICER).json();
        assertThat(flagged.path("operatorSuspension").path("reason").asString()).isEqualTo("连续两年未参加年检");
        var suspended = http.get("/api/eldercare/facilities/suspended-operators?division=320404", OFFICER).json();
        assertThat(suspended.path("items").toString()).contains(run).doesNotContain(facility);
        assertThat(suspended.path("page").path("totalElements").asLong()).isEqualTo(suspended.path("items").size());
        assertThat(http.get("/api/eldercare/facilities/" + facility, OFFICER).json().path("operatorStatus")
                .asString()).as("another operator's facility").isEqualTo("ACTIVE");
    }
}
