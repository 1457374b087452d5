package cn.minzheng.eldercare.flow;

import static cn.minzheng.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonRefs;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.testsupport.EventSchemas;
import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;
import cn.minzheng.testsupport.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A care home on the real broker and store: registered (event), a resident admitted on a nursing bed (event, bed
 * counted), refused when no bed of the type is free or the person lives elsewhere, a facility's staff kept to their
 * own facility, the public finder without a login, and a recorded death that discharges the resident and frees the
 * bed, once however often the event arrives. Concurrent admissions never fill more beds than there are.
 */
@ServiceTest
class FacilitiesAndResidentsTest {

    static final String OFFICER = TestJwts.token("officer-zl", "320404", "eldercare-officer");
    static final String CREDIT_CODE = "52320404MJ5837462K";

    @LocalServerPort
    int port;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    MongoTemplate mongo;

    HttpCalls http;

    @BeforeEach
    void setUp() {
        http = new HttpCalls("http://127.0.0.1:" + port);
    }

    private String careHome(int total, int nursing) {
        var response = http.postJson("/api/eldercare/facilities", OFFICER, """
                {"name":"钟楼区社会福利院(测试%s)","type":"CARE_HOME","ownership":"PUBLIC_BUILT_PRIVATE_OPERATED",
                 "operatorCreditCode":"%s","operatorName":"颐和养老服务中心","contractEnds":"2029-12-31",
                 "divisionCode":"320404001","address":"西新桥二路 18 号","beds":{"total":%d,"nursing":%d}}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6), CREDIT_CODE, total, nursing));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    private static String operatorOf(String facilityId) {
        return TestJwts.builder().user("operator-" + facilityId.substring(4, 10)).division("320404001")
                .roles("facility-operator").claim("facility_id", facilityId).build();
    }

    private HttpCalls.Response admit(String facility, String token, String idNumber, String bedType) {
        return http.postJson("/api/eldercare/facilities/" + facility + "/admissions", token, """
                {"idNumber":"%s","name":"王桂英","abilityLevel":"MODERATE","bedType":"%s"}""".formatted(idNumber,
                bedType));
    }

    private static String elder(int seed) {
        return TestIdNumbers.female("320404", LocalDate.of(1940, 1, 1).plusDays(seed));
    }

    @Test
    void a_care_home_admits_on_a_free_bed_and_a_recorded_death_frees_it_once() {
        try (TopicRecords topic = new TopicRecords("minzheng.eldercare")) {
            String facility = careHome(3, 1);
            JsonNode read = http.get("/api/eldercare/facilities/" + facility, OFFICER).json();
            assertThat(read.path("nursingBedRatio").asString()).isEqualTo("33.33");
            assertThat(read.path("beds").path("freeNursing").asInt()).isEqualTo(1);
            assertThat(read.path("actions").toString())
                    .isEqualTo("[\"ADMIT\",\"REPORT_CAREGIVERS\",\"RECORD_MEAL\",\"RATE\",\"RECORD_FIRE_SAFETY\",\"INSPECT\"]");
            // The officer's worklists count what their lists hold.
            http.get("/api/eldercare/worklists", OFFICER).json().path("items").forEach(entry -> assertThat(
                    http.get(entry.path("list").asString(), OFFICER).json().path("page").path("totalElements")
                            .asLong()).as(entry.toString()).isEqualTo(entry.path("count").asLong()));

            String operator = operatorOf(facility);
            assertThat(http.get("/api/eldercare/facilities/" + facility, operator).json().path("actions").toString())
                    .as("the home's own staff admit and report caregivers; the rest is the officer's")
                    .isEqualTo("[\"ADMIT\",\"REPORT_CAREGIVERS\",\"RECORD_MEAL\"]");
            String idNumber = elder(1);
            var admitted = admit(facility, operator, idNumber, "NURSING");
            assertThat(admitted.status()).as(admitted.toString()).isEqualTo(201);
            JsonNode resident = admitted.json();
            assertThat(resident.path("careLevel").asString()).isEqualTo("LEVEL_2");
            assertThat(resident.path("actions").toString()).isEqualTo("[\"REASSESS\",\"DISCHARGE\"]");
            assertThat(resident.path("idNumber").asString()).contains("*").isNotEqualTo(idNumber);
            String residentId = resident.path("id").asString();

            assertProblem(admit(facility, operator, elder(2), "NURSING"), 409, "no-free-bed");
            assertProblem(admit(facility, operator, idNumber, "GENERAL"), 409, "already-resident");
            assertThat(http.get("/api/eldercare/facilities/" + facility, OFFICER).json().path("beds")
                    .path("occupied").asInt()).as("the refused ones gave their beds back").isEqualTo(1);

            String other = careHome(2, 0);
            assertProblem(admit(other, operator, elder(3), "GENERAL"), 403, "other-facility");
            assertThat(http.get("/api/eldercare/facilities?division=320404", operator).json().path("items")
                    .size()).as("staff see their own facility only").isEqualTo(1);

            JsonNode finder = http.get("/api/eldercare/public/facilities?division=320404001&type=CARE_HOME", null)
                    .json();
            assertThat(finder.path("items").toString()).contains(facility).doesNotContain(CREDIT_CODE);

            var records = topic.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream()
                    .anyMatch(r -> residentId.equals(r.key())));
            assertThat(EventSchemas.violations(records)).isEmpty();
            assertThat(records.stream().map(TopicRecords::body)).noneMatch(b -> b.contains(idNumber));

            String personRef = PersonRefs.of(ResidentIdNumber.of(idNumber), cipher);
            String eventId = UUID.randomUUID().toString();
            String death = "{\"deathId\":\"death-" + eventId + "\",\"personRef\":\"" + personRef
                    + "\",\"dateOfDeath\":\"" + LocalDate.of(2026, 12, 1) + "\",\"division\":\"320404001\"}";
            try (TopicRecords funeral = new TopicRecords("minzheng.funeral")) {
                // Sent twice: a redelivery changes nothing.
                for (int i = 0; i < 2; i++) {
                    TopicRecords.sendCloudEvent("minzheng.funeral", "death-" + eventId,
                            "minzheng.funeral.death.recorded.v1", eventId, death);
                }
                var sent = funeral.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream()
                        .anyMatch(r -> ("death-" + eventId).equals(r.key())));
                assertThat(EventSchemas.violations(sent.stream().filter(r -> ("death-" + eventId).equals(r.key()))
                        .toList(), Path.of("src/test/resources/consumed-events"))).isEmpty();
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.get(
                    "/api/eldercare/residents/" + residentId, OFFICER).json().path("dischargeReason").asString())
                    .isEqualTo("DECEASED"));
            JsonNode after = http.get("/api/eldercare/facilities/" + facility, OFFICER).json();
            assertThat(after.path("beds").path("freeNursing").asInt()).isEqualTo(1);
            assertThat(admit(facility, operator, elder(4), "NURSING").status()).isEqualTo(201);
            var discharged = topic.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r ->
                    residentId.equals(r.key()) && TopicRecords.type(r).endsWith("resident.discharged.v1")));
            assertThat(discharged.stream().filter(r -> residentId.equals(r.key())
                    && TopicRecords.type(r).endsWith("resident.discharged.v1"))).hasSize(1);

            // The death is retracted: the bed has been given to someone else, so a re-admission is for a person.
            String retraction = UUID.randomUUID().toString();
            String retracted = "{\"deathId\":\"death-" + eventId + "\",\"personRef\":\"" + personRef
                    + "\",\"dateOfDeath\":\"2026-12-01\",\"residenceDivision\":\"320404001\",\"reason\":\"错录\"}";
            try (TopicRecords funeral = new TopicRecords("minzheng.funeral")) {
                for (int i = 0; i < 2; i++) {
                    TopicRecords.sendCloudEvent("minzheng.funeral", personRef, "minzheng.funeral.death.retracted.v1",
                            retraction, retracted);
                }
                var sent = funeral.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream()
                        .anyMatch(r -> personRef.equals(r.key())));
                assertThat(EventSchemas.violations(sent.stream().filter(r -> personRef.equals(r.key())).toList(),
                        Path.of("src/test/resources/consumed-events"))).isEmpty();
            }
            // Other tests' retractions run on the same topic: this death's report is the one that names it.
            var reports = topic.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r ->
                    TopicRecords.type(r).endsWith("death.retraction-handled.v1")
                            && TopicRecords.body(r).contains("death-" + eventId)));
            var report = reports.stream().filter(r -> TopicRecords.type(r).endsWith("death.retraction-handled.v1")
                    && TopicRecords.body(r).contains("death-" + eventId)).toList();
            assertThat(report).hasSize(1);
            assertThat(EventSchemas.violations(report)).isEmpty();
            assertThat(TopicRecords.body(report.get(0))).contains("READMISSION_NEEDED", residentId)
                    .doesNotContain(idNumber);
        }
    }

    /** Every 403 to an authenticated caller is on the trail: a facility's staff reading another facility too. */
    @Test
    void another_facilitys_staff_are_refused_and_the_refusal_is_audited() {
        String own = careHome(2, 0);
        String other = careHome(2, 0);
        String operator = operatorOf(own);
        String actor = "operator-" + own.substring(4, 10);
        long before = denied(actor);
        assertProblem(http.get("/api/eldercare/facilities/" + other, operator), 403, "other-facility");
        assertProblem(admit(other, operator, elder(5), "GENERAL"), 403, "other-facility");
        assertThat(denied(actor) - before).as("both refusals audited").isEqualTo(2);
    }

    private long denied(String actor) {
        return mongo.find(new Query(Criteria.where("actor").is(actor)), org.bson.Document.class, "audit").stream()
                .filter(r -> "DENIED".equals(r.getString("outcome"))).count();
    }

    @Test
    void bad_input_is_refused_and_changes_nothing() {
        long before = mongo.count(new Query(), "facilities");
        assertProblem(http.postJson("/api/eldercare/facilities", OFFICER, """
                {"name":"x","type":"CARE_HOME","ownership":"PUBLIC","divisionCode":"320404001",
                 "beds":{"total":10,"nursing":11}}"""), 422, "nursing-above-total", "beds.nursing");
        assertProblem(http.postJson("/api/eldercare/facilities", OFFICER, """
                {"name":"x","type":"CARE_HOME","ownership":"PUBLIC_BUILT_PRIVATE_OPERATED",
                 "operatorCreditCode":"52320404MJ5837462A","operatorName":"y","contractEnds":"2029-12-31",
                 "divisionCode":"320404001","beds":{"total":10,"nursing":1}}"""), 400, "invalid-credit-code",
                "operatorCreditCode");
        assertProblem(http.postJson("/api/eldercare/facilities", OFFICER, """
                {"name":"x","type":"MEAL_POINT","ownership":"PUBLIC","divisionCode":"320413001",
                 "beds":{"total":0,"nursing":0}}"""), 403, "outside-division");
        assertThat(mongo.count(new Query(), "facilities")).isEqualTo(before);
        String facility = careHome(1, 0);
        assertProblem(admit(facility, OFFICER, "320404194803120024", "GENERAL"), 400, "invalid-id-number",
                "idNumber");
        assertThat(mongo.count(new Query(Criteria.where("facilityId").is(facility)), "residents")).isZero();
        // One clock: the service's day is 2026-12-02 here, so a person born on 2026-12-05 is born in the future,
        // whatever day the machine's own clock says.
        assertProblem(admit(facility, OFFICER, TestIdNumbers.female("320404", LocalDate.of(2026, 12, 5)), "GENERAL"),
                400, "invalid-id-number", "idNumber");
    }

    @Test
    void concurrent_admissions_never_fill_more_beds_than_there_are() throws Exception {
        String facility = careHome(10, 0);
        String operator = operatorOf(facility);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String idNumber = elder(1000 + i);
            attempts.add(() -> admit(facility, operator, idNumber, "GENERAL").status());
        }
        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (Future<Integer> status : pool.invokeAll(attempts)) {
                statuses.add(status.get());
            }
        }
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(10);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(50);
        assertThat(mongo.count(new Query(Criteria.where("facilityId").is(facility).and("status").is("ADMITTED")),
                "residents")).isEqualTo(10);
        assertThat(http.get("/api/eldercare/facilities/" + facility, OFFICER).json().path("beds").path("freeGeneral")
                .asInt()).isZero();
    }

    @Test
    void an_extremely_poor_resident_is_linked_to_centralised_support_from_assistances_event() {
        String facility = careHome(5, 0);
        String idNumber = elder(77);
        String residentId = admit(facility, OFFICER, idNumber, "GENERAL").json().path("id").asString();
        assertThat(http.get("/api/eldercare/residents/" + residentId, OFFICER).json().path("centralisedSupport")
                .asBoolean()).isFalse();

        String personRef = PersonRefs.of(ResidentIdNumber.of(idNumber), cipher);
        String enrolment = "enr-" + UUID.randomUUID();
        TopicRecords.sendCloudEvent("minzheng.assistance", enrolment, "minzheng.assistance.assistance.approved.v1",
                UUID.randomUUID().toString(), """
                {"enrolmentId":"%s","applicationId":"app-9","householdId":"hh-9","programme":"TEKUN",
                 "division":"320404001007","status":"ACTIVE","personRefs":["%s"],"startMonth":"2026-11",
                 "monthlyAmount":"1200.00"}""".formatted(enrolment, personRef));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.get("/api/eldercare/residents/"
                + residentId, OFFICER).json().path("centralisedSupport").asBoolean()).isTrue());
        assertThat(http.get("/api/eldercare/facilities/" + facility, OFFICER).json()
                .path("residentsInCentralisedSupport").asLong()).isEqualTo(1);
    }
}
