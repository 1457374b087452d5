package cn.minzheng.funeral.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.minzheng.testsupport.EventSchemas;
import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;
import cn.minzheng.testsupport.TopicRecords;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The after-death one-thing case on funeral's side: opened by the provincial platform (202, the same case on a
 * second application), the death linked when recorded earlier, case-opened on the broker, the offices' reports
 * (a redelivered one changes nothing) completing it, the applicant's view, and a silent step on the worklist.
 * The offices' own reactions are tested in their services and, end to end, in the system test.
 */
@ServiceTest
@TestPropertySource(properties = "minzheng.funeral.one-thing.step-timeout=PT1S")
class OneThingCaseTest {

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    static final String PLATFORM = TestJwts.builder().user("service-account-integration").roles("integration")
            .claim("azp", "integration").build();
    static final String ADMIN = TestJwts.token("admin-a", "320404", "admin");
    static final String HOME = TestJwts.token("home-a", "320404", "funeral-home-operator");
    static final String OFFICER = TestJwts.token("officer-f", "320404", "funeral-officer");

    @LocalServerPort
    int port;

    HttpCalls http;

    @BeforeEach
    void setUp() {
        http = new HttpCalls("http://127.0.0.1:" + port);
        register("integration", "320000");
    }

    /** An admin registers an integration client for its divisions (no callbacks). */
    void register(String client, String division) {
        var registered = http.send(http.request("/api/funeral/integration-clients/" + client, ADMIN)
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"divisions\":[\"" + division + "\"]}")));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    HttpCalls.Response open(String deceased, String applicant) {
        return http.postJson("/api/funeral/one-thing/after-death", PLATFORM, """
                {"deceased":{"idNumber":"%s","name":"王秀兰","dateOfDeath":"%s","place":"家中","cause":"NATURAL",
                  "divisionCode":"320404001007"},
                 "applicant":{"idNumber":"%s","name":"李建国","relation":"儿子"}}""".formatted(deceased, today(),
                applicant));
    }

    void report(String office, String caseId, String personRef, String status, String eventId) {
        TopicRecords.sendCloudEvent("minzheng." + office, caseId, "minzheng." + office
                + ".one-thing.step-reported.v1", eventId, """
                {"caseId":"%s","personRef":"%s","office":"%s","status":"%s","detail":"测试","detailEn":"test"}"""
                .formatted(caseId, personRef, office.toUpperCase(), status));
    }

    JsonNode read(String caseId) {
        return http.get("/api/funeral/one-thing/cases/" + caseId, PLATFORM).json();
    }

    @Test
    void a_case_is_opened_once_reported_on_by_every_office_and_seen_by_its_applicant() {
        String deceased = TestIdNumbers.female("320404", LocalDate.of(1938, 2, 2));
        String applicant = TestIdNumbers.male("320404", LocalDate.of(1965, 7, 7));
        JsonNode opened;
        try (TopicRecords funeral = new TopicRecords("minzheng.funeral")) {
            var response = open(deceased, applicant);
            assertThat(response.status()).as(response.toString()).isEqualTo(202);
            opened = response.json();
            String personRef = opened.path("personRef").asString();
            var records = funeral.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream().filter(r ->
                    personRef.equals(r.key())).count() >= 2);
            var ours = records.stream().filter(r -> personRef.equals(r.key())).toList();
            assertThat(ours).extracting(TopicRecords::type).contains("minzheng.funeral.death.recorded.v1",
                    "minzheng.funeral.one-thing.case-opened.v1");
            assertThat(EventSchemas.violations(ours, Path.of("src/main/resources/events"))).isEmpty();
            assertThat(ours).map(TopicRecords::body).noneMatch(body -> body.contains(deceased));
        }
        String caseId = opened.path("id").asString();
        String personRef = opened.path("personRef").asString();
        assertThat(opened.path("steps")).extracting(s -> s.path("office").asString() + " " + s.path("status")
                .asString()).containsExactly("ASSISTANCE PENDING", "ELDERCARE PENDING", "REGISTRY PENDING",
                        "FUNERAL DONE");
        assertThat(open(deceased, applicant).json().path("id").asString()).as("the same case back").isEqualTo(caseId);
        // What a person reads of a step is worded when read: Chinese unless the reader asks for English.
        assertThat(opened.path("steps").get(3).path("detail").asString()).isEqualTo("已核算惠民殡葬费用减免");
        assertThat(http.send(http.request("/api/funeral/one-thing/cases/" + caseId, PLATFORM)
                .header("Accept-Language", "en").GET()).json().path("steps").get(3).path("detail").asString())
                .isEqualTo("Fee waiver computed");

        // A silent office is overdue after the configured time (1 s here), on the worklist.
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/funeral/one-thing/cases?division=320404",
                OFFICER).json().path("items").valueStream().anyMatch(c -> caseId.equals(c.path("id").asString())));
        // ...a paged list that says how many there are (issue 30.7)
        var worklist = http.get("/api/funeral/one-thing/cases?division=320404&size=1", OFFICER).json();
        assertThat(worklist.path("items").size()).isEqualTo(1);
        assertThat(worklist.path("page").path("totalElements").asLong()).isGreaterThanOrEqualTo(1);
        // ...and on the gauge the overdue-step alert reads (deploy/prometheus/alerts.yml)
        assertThat(meters.get("minzheng.onething.overdue.cases").gauge().value()).isGreaterThanOrEqualTo(1);

        String assistanceReport = UUID.randomUUID().toString();
        report("assistance", caseId, personRef, "DONE", assistanceReport);
        report("eldercare", caseId, personRef, "NOT_APPLICABLE", UUID.randomUUID().toString());
        report("registry", caseId, personRef, "DONE", UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> read(caseId).path("status").asString().equals("COMPLETE"));
        // An office words its own report in both languages; the reader gets theirs.
        assertThat(read(caseId).path("steps").get(0).path("detail").asString()).isEqualTo("测试");
        assertThat(http.send(http.request("/api/funeral/one-thing/cases/" + caseId, PLATFORM)
                .header("Accept-Language", "en").GET()).json().path("steps").get(0).path("detail").asString())
                .isEqualTo("test");
        long version = read(caseId).path("version").asLong();
        report("assistance", caseId, personRef, "DONE", assistanceReport);
        report("registry", caseId, personRef, "DONE", UUID.randomUUID().toString());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> read(caseId)
                .path("version").asLong() == version);
        assertThat(read(caseId).path("overdue").size()).isZero();

        String citizen = TestJwts.builder().user("lijianguo").roles("citizen").idNumber(applicant).build();
        JsonNode mine = http.get("/api/funeral/me/one-thing-cases", citizen).json();
        assertThat(mine).extracting(c -> c.path("id").asString()).containsExactly(caseId);
    }

    @Test
    void a_death_recorded_earlier_is_linked_to_the_case() {
        String deceased = TestIdNumbers.male("320404", LocalDate.of(1933, 3, 3));
        var recorded = http.postJson("/api/funeral/deaths", HOME, """
                {"idNumber":"%s","name":"赵大爷","dateOfDeath":"%s","place":"家中","divisionCode":"320404001007"}"""
                .formatted(deceased, today()));
        assertThat(recorded.status()).isEqualTo(201);
        var opened = open(deceased, TestIdNumbers.female("320404", LocalDate.of(1960, 8, 8)));
        assertThat(opened.status()).isEqualTo(202);
        assertThat(opened.json().path("deathId").asString()).isEqualTo(recorded.json().path("id").asString());
        var outside = http.postJson("/api/funeral/one-thing/after-death",
                TestJwts.token("officer-z", "320413", "funeral-officer"), """
                {"deceased":{"idNumber":"%s","name":"某人","dateOfDeath":"%s","place":"家中",
                  "divisionCode":"320404001007"},
                 "applicant":{"idNumber":"%s","name":"某人","relation":"儿子"}}""".formatted(
                TestIdNumbers.male("320404", LocalDate.of(1934, 4, 4)), today(),
                TestIdNumbers.male("320404", LocalDate.of(1962, 4, 4))));
        assertThat(outside.status()).isEqualTo(403);

        // An integration client acts only for its registered divisions (and only once registered).
        register("jintan-platform", "320413");
        String jintan = TestJwts.builder().user("service-account-jintan").roles("integration")
                .claim("azp", "jintan-platform").build();
        String unregistered = TestJwts.builder().user("service-account-x").roles("integration").claim("azp", "x")
                .build();
        for (String token : List.of(jintan, unregistered)) {
            var refused = http.postJson("/api/funeral/one-thing/after-death", token, """
                    {"deceased":{"idNumber":"%s","name":"某人","dateOfDeath":"%s","place":"家中",
                      "divisionCode":"320404001007"},
                     "applicant":{"idNumber":"%s","name":"某人","relation":"儿子"}}""".formatted(
                    TestIdNumbers.male("320404", LocalDate.of(1935, 5, 5)), today(),
                    TestIdNumbers.male("320404", LocalDate.of(1963, 5, 5))));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().path("type").asString()).endsWith("/outside-division");
        }
    }
}
