package cn.minzheng.funeral.flow;

import static cn.minzheng.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A death recorded in error: proposed by one officer, refused to the same officer's confirmation (four eyes),
 * confirmed by a second; death.retracted published once; nothing more done on the record; the after-death case
 * RETRACTED; an office's reversal report kept on the death once, even when redelivered.
 */
@ServiceTest
class RetractionTest {

    static final String HOME = TestJwts.token("home-a", "320404", "funeral-home-operator");
    static final String OFFICER = TestJwts.token("officer-f", "320404", "funeral-officer");
    static final String SECOND = TestJwts.token("officer-g", "320404", "funeral-officer");
    static final String PLATFORM = TestJwts.builder().user("service-account-integration").roles("integration")
            .claim("azp", "integration").build();
    static final String ADMIN = TestJwts.token("admin-a", "320404", "admin");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    HttpCalls http;

    @BeforeEach
    void setUp() {
        http = new HttpCalls("http://127.0.0.1:" + port);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void a_retraction_needs_two_officers_publishes_once_and_keeps_each_offices_report() {
        String idNumber = TestIdNumbers.male("320404", LocalDate.of(1944, 5, 6));
        var recorded = http.postJson("/api/funeral/deaths", HOME, """
                {"idNumber":"%s","name":"张德明","dateOfDeath":"%s","place":"家中","divisionCode":"320404001007"}"""
                .formatted(idNumber, today().minusDays(1)));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String id = recorded.json().path("id").asString();
        String personRef = recorded.json().path("personRef").asString();
        String path = "/api/funeral/deaths/" + id + "/retraction";

        assertProblem(http.postJson(path + "/confirmation", SECOND, "{}"), 409, "no-retraction-proposed");
        assertProblem(http.postJson(path, OFFICER, "{\"reason\":\"\"}"), 400, "invalid-request", "reason");
        assertProblem(http.postJson(path, HOME, "{\"reason\":\"错录\"}"), 403, "forbidden");
        var proposed = http.postJson(path, OFFICER, "{\"reason\":\"医院将同名患者误报为死亡\"}");
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(200);
        assertThat(proposed.json().path("retracted").asBoolean()).isFalse();
        assertThat(proposed.json().path("actions").toString()).as("the proposer may not confirm").isEqualTo("[]");
        assertThat(http.get("/api/funeral/deaths/" + id, SECOND).json().path("actions").toString())
                .isEqualTo("[\"CONFIRM_RETRACTION\"]");
        assertThat(http.get("/api/funeral/deaths/" + id, HOME).json().path("actions").toString())
                .isEqualTo("[\"RECORD_SERVICE\",\"RECORD_CREMATION\"]");
        assertProblem(http.postJson(path, SECOND, "{\"reason\":\"重复\"}"), 409, "retraction-pending");
        long version = proposed.json().path("version").asLong();
        assertProblem(http.postJson(path + "/confirmation", OFFICER, "{}"), 403, "four-eyes");
        assertThat(http.get("/api/funeral/deaths/" + id, OFFICER).json().path("version").asLong())
                .as("a refusal changes nothing").isEqualTo(version);

        JsonNode confirmed;
        try (TopicRecords funeral = new TopicRecords("minzheng.funeral")) {
            var response = http.postJson(path + "/confirmation", SECOND, "{}");
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            confirmed = response.json();
            var published = funeral.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream()
                    .anyMatch(r -> TopicRecords.type(r).endsWith("death.retracted.v1") && personRef.equals(r.key())));
            var ours = published.stream().filter(r -> TopicRecords.type(r).endsWith("death.retracted.v1")
                    && personRef.equals(r.key())).toList();
            assertThat(ours).hasSize(1);
            assertThat(EventSchemas.violations(ours, Path.of("src/main/resources/events"))).isEmpty();
            assertThat(TopicRecords.body(ours.get(0))).contains("医院将同名患者误报为死亡", id).doesNotContain(idNumber);
        }
        assertThat(confirmed.path("retracted").asBoolean()).isTrue();
        assertThat(confirmed.path("actions").size()).as("nothing is done on a retracted death").isZero();
        assertThat(confirmed.path("retraction").path("proposedBy").asString()).isEqualTo("officer-f");
        assertThat(confirmed.path("retraction").path("confirmedBy").asString()).isEqualTo("officer-g");
        assertProblem(http.postJson("/api/funeral/deaths/" + id + "/cremation", HOME, """
                {"certificateNo":"R-%s","date":"%s"}""".formatted(UUID.randomUUID().toString().substring(0, 8),
                today())), 409, "death-retracted");
        assertProblem(http.postJson(path, OFFICER, "{\"reason\":\"再次\"}"), 409, "death-retracted");

        String eventId = UUID.randomUUID().toString();
        String report = """
                {"deathId":"%s","personRef":"%s","office":"REGISTRY",
                 "reversed":[{"code":"MARRIAGE_RESTORED","ref":"mar-1"}],
                 "actionsNeeded":[{"code":"APPOINTMENT_REBOOK","ref":"apt-1"}]}""".formatted(id, personRef);
        TopicRecords.sendCloudEvent("minzheng.registry", personRef, "minzheng.registry.death.retraction-handled.v1",
                eventId, report);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/funeral/deaths/" + id, OFFICER).json()
                .path("retraction").path("offices").size() == 1);
        JsonNode withReport = http.get("/api/funeral/deaths/" + id, OFFICER).json();
        JsonNode office = withReport.path("retraction").path("offices").get(0);
        assertThat(office.path("office").asString()).isEqualTo("REGISTRY");
        assertThat(office.path("reversed").get(0).path("code").asString()).isEqualTo("MARRIAGE_RESTORED");
        assertThat(office.path("actionsNeeded").get(0).path("ref").asString()).isEqualTo("apt-1");

        // The same report again under a new event id (a retry upstream): the death keeps its version.
        String marker = UUID.randomUUID().toString();
        TopicRecords.sendCloudEvent("minzheng.registry", personRef, "minzheng.registry.death.retraction-handled.v1",
                UUID.randomUUID().toString(), report);
        TopicRecords.sendCloudEvent("minzheng.registry", marker, "minzheng.registry.death.retraction-handled.v1",
                marker, report.replace(id, "death-unknown"));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(marker));
        assertThat(http.get("/api/funeral/deaths/" + id, OFFICER).json().path("version").asLong())
                .isEqualTo(withReport.path("version").asLong());
    }

    @Test
    void the_case_of_a_retracted_death_is_retracted_and_no_new_case_is_opened_for_it() {
        var registered = http.send(http.request("/api/funeral/integration-clients/integration", ADMIN)
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"divisions\":[\"320000\"]}")));
        assertThat(registered.status()).isEqualTo(200);
        String deceased = TestIdNumbers.female("320404", LocalDate.of(1938, 8, 8));
        String application = """
                {"deceased":{"idNumber":"%s","name":"陈桂英","dateOfDeath":"%s","place":"家中","cause":"NATURAL",
                  "divisionCode":"320404001007"},
                 "applicant":{"idNumber":"%s","name":"陈立","relation":"儿子"}}""".formatted(deceased, today(),
                TestIdNumbers.male("320404", LocalDate.of(1965, 1, 1)));
        var opened = http.postJson("/api/funeral/one-thing/after-death", PLATFORM, application);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(202);
        String caseId = opened.json().path("id").asString();
        String deathId = http.get("/api/funeral/one-thing/cases/" + caseId, PLATFORM).json().path("deathId")
                .asString();

        String path = "/api/funeral/deaths/" + deathId + "/retraction";
        assertThat(http.postJson(path, OFFICER, "{\"reason\":\"错录\"}").status()).isEqualTo(200);
        assertThat(http.postJson(path + "/confirmation", SECOND, "{}").status()).isEqualTo(200);
        assertThat(http.get("/api/funeral/one-thing/cases/" + caseId, PLATFORM).json().path("status").asString())
                .isEqualTo("RETRACTED");
        assertThat(http.postJson(path + "/confirmation", SECOND, "{}").status())
                .as("a repeated confirmation is answered the same").isEqualTo(200);
        // The application again: the same case back (retracted), not a new death.
        var again = http.postJson("/api/funeral/one-thing/after-death", PLATFORM, application);
        assertThat(again.json().path("id").asString()).isEqualTo(caseId);
    }

    private boolean processed(String eventId) {
        return mongo.exists(new Query(Criteria.where("_id").is(eventId)), "processed_events");
    }
}
