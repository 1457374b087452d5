package cn.minzheng.orgs.flow;

import static cn.minzheng.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.testsupport.EventSchemas;
import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;
import cn.minzheng.testsupport.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The registry's supervision in the county of 溧阳 (320481): the 僵尸 clean-up worklist with a proposer and a
 * different confirming officer, the credit records due within five working days, deregistration in its three
 * steps, and a charity recognised once.
 */
@ServiceTest
class SupervisionTest extends OrgsFlow {

    static final String COUNTY = "320481";
    static final String OFFICER = TestJwts.token("orgs-officer-ly", COUNTY, "orgs-officer");
    static final String SECOND_OFFICER = TestJwts.token("orgs-officer-ly-2", COUNTY, "orgs-officer");

    @Autowired
    LegalCalendar calendar;

    private String register(String name, String registeredOn) {
        String body = "51" + COUNTY + UUID.randomUUID().toString().replaceAll("[^0-9]", "").concat("000000000")
                .substring(0, 9);
        var created = http.postJson("/api/orgs/organizations", OFFICER, """
                {"name":"%s%s","type":"ASSOCIATION","creditCode":"%s","directRegistration":true,
                 "legalRepresentative":{"name":"蒋涛","idNumber":"%s"},"businessScope":"行业交流",
                 "divisionCode":"%s","registeredOn":"%s"}""".formatted(name, UUID.randomUUID().toString()
                .substring(0, 4), body + CreditCode.checkCharacter(body), TestIdNumbers.male(COUNTY,
                        LocalDate.of(1968, 8, 8)), COUNTY, registeredOn));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private HttpCalls.Response post(String token, String id, String action, String body) {
        return OrgsCalls.postIfMatch(http, token, "/api/orgs/organizations/" + id, action, body);
    }

    @Test
    void a_zombie_organisation_is_revoked_by_one_officer_proposing_and_another_confirming() {
        String zombie = register("溧阳市沉寂协会", "2023-03-01");
        String young = register("溧阳市新成立协会", "2025-09-01");
        JsonNode page = http.get("/api/orgs/worklists/revocation?size=200", OFFICER).json();
        JsonNode worklist = page.path("items");
        assertThat(worklist.valueStream().map(w -> w.path("id").asString())).contains(zombie).doesNotContain(young);
        assertThat(page.path("page").path("totalElements").asLong()).isEqualTo(worklist.size());
        JsonNode entry = worklist.valueStream().filter(w -> w.path("id").asString().equals(zombie)).findFirst()
                .orElseThrow();
        assertThat(entry.path("firstMissedYear").asInt()).isEqualTo(2023);

        String proposal = """
                {"reason":"连续两年未参加年检","legalBasis":"《社会团体登记管理条例》第三十条","effectiveOn":"%s"}"""
                .formatted(today());
        assertProblem(post(OFFICER, young, "/revocation-proposal", proposal), 422,
                "/problems/not-on-revocation-worklist");
        assertThat(post(OFFICER, zombie, "/revocation-proposal", proposal).status()).isEqualTo(200);
        assertProblem(post(OFFICER, zombie, "/revocation-proposal/confirmation", ""), 403, "/problems/four-eyes");
        assertThat(http.get("/api/orgs/organizations/" + zombie, OFFICER).json().path("actions").toString())
                .doesNotContain("REVOCATION");
        assertThat(http.get("/api/orgs/organizations/" + zombie, SECOND_OFFICER).json().path("actions").toString())
                .contains("CONFIRM_REVOCATION");
        try (TopicRecords topic = new TopicRecords("minzheng.orgs")) {
            var confirmed = post(SECOND_OFFICER, zombie, "/revocation-proposal/confirmation", "");
            assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
            assertThat(confirmed.json().path("status").asString()).isEqualTo("REVOKED");
            var history = confirmed.json().path("history");
            assertThat(history.get(history.size() - 1).path("by").asString()).isEqualTo("orgs-officer-ly-2");
            // The officer's reason as they wrote it; who proposed it is a field, not words appended to it.
            assertThat(history.get(history.size() - 1).path("reason").asString()).isEqualTo("连续两年未参加年检");
            assertThat(history.get(history.size() - 1).path("proposedBy").asString()).isEqualTo("orgs-officer-ly");
            topic.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> zombie.equals(r.key())
                    && TopicRecords.type(r).endsWith("org.revoked.v1")));
        }
        assertThat(http.get("/api/orgs/worklists/revocation?size=200", OFFICER).json().path("items").valueStream()
                .map(w -> w.path("id").asString())).doesNotContain(zombie);
    }

    @Test
    void a_list_decision_is_due_in_the_credit_record_within_five_working_days() {
        String id = register("溧阳市失信协会", "2025-09-01");
        assertThat(post(OFFICER, id, "/status-changes", """
                {"status":"ABNORMAL","reason":"未按规定报告重大事项","legalBasis":"《社会组织信用信息管理办法》第九条",
                 "effectiveOn":"%s"}""".formatted(today())).status()).isEqualTo(200);
        LocalDate due = today();
        for (int counted = 0; counted < 5;) {
            due = due.plusDays(1);
            counted += calendar.isWorkingDay(due) ? 1 : 0;
        }
        JsonNode organisation = http.get("/api/orgs/worklists/credit-records?size=200", OFFICER).json()
                .path("items").valueStream().filter(w -> w.path("id").asString().equals(id)).findFirst()
                .orElseThrow();
        JsonNode item = organisation.path("due").get(0);
        assertThat(item.path("change").asInt()).isZero();
        assertThat(item.path("dueBy").asString()).isEqualTo(due.toString());
        assertThat(item.path("overdue").asBoolean()).isFalse();

        assertProblem(post(OFFICER, id, "/credit-records", "{\"change\":3,\"recordedOn\":\"%s\"}"
                .formatted(today())), 400, "/problems/not-a-credit-change", "change");
        var recorded = post(OFFICER, id, "/credit-records", "{\"change\":0,\"recordedOn\":\"%s\"}"
                .formatted(today()));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(recorded.json().path("history").get(0).path("creditRecordedBy").asString())
                .isEqualTo("orgs-officer-ly");
        assertProblem(post(OFFICER, id, "/credit-records", "{\"change\":0,\"recordedOn\":\"%s\"}"
                .formatted(today())), 409, "/problems/credit-already-recorded", "change");
        assertThat(http.get("/api/orgs/worklists/credit-records?size=200", OFFICER).json().path("items")
                .valueStream().map(w -> w.path("id").asString())).doesNotContain(id);
    }

    @Test
    void deregistration_goes_application_liquidation_approval_and_ends_the_registration() {
        String id = register("溧阳市解散协会", "2025-09-01");
        String today = today().toString();
        assertProblem(post(OFFICER, id, "/deregistration/approval", "{\"approvedOn\":\"%s\"}".formatted(today)),
                409, "/problems/deregistration-out-of-order");
        assertThat(post(OFFICER, id, "/deregistration", """
                {"appliedOn":"%s","reason":"会员大会决议解散"}""".formatted(today)).status()).isEqualTo(200);
        assertProblem(post(OFFICER, id, "/deregistration", """
                {"appliedOn":"%s","reason":"重复申请"}""".formatted(today)), 409, "/problems/deregistration-under-way");
        assertThat(post(OFFICER, id, "/deregistration/liquidation-report", """
                {"reportedOn":"%s","summary":"债务已清偿，剩余财产移交同类组织"}""".formatted(today)).status())
                .isEqualTo(200);
        try (TopicRecords topic = new TopicRecords("minzheng.orgs")) {
            var approved = post(OFFICER, id, "/deregistration/approval", "{\"approvedOn\":\"%s\"}".formatted(today));
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            assertThat(approved.json().path("status").asString()).isEqualTo("DEREGISTERED");
            var events = topic.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> id.equals(r.key())
                    && TopicRecords.type(r).endsWith("org.changed.v1")));
            var changed = events.stream().filter(r -> id.equals(r.key())
                    && TopicRecords.type(r).endsWith("org.changed.v1")).toList();
            assertThat(EventSchemas.violations(changed)).isEmpty();
            assertThat(TopicRecords.body(changed.get(0))).contains("\"status\":\"DEREGISTERED\"");
        }
        assertProblem(post(OFFICER, id, "/major-matters", """
                {"kind":"OTHER","summary":"注销后","reportedOn":"%s"}""".formatted(today)), 409,
                "/problems/org-status-final");
    }

    @Test
    void a_charity_is_recognised_once_and_major_matters_are_kept() {
        String id = register("溧阳市慈善协会", "2025-09-01");
        String today = today().toString();
        assertProblem(post(OFFICER, id, "/charity-recognition", "{\"recognizedOn\":\"2025-08-01\"}"), 422,
                "/problems/date-outside-registration", "recognizedOn");
        assertThat(post(OFFICER, id, "/charity-recognition", "{\"recognizedOn\":\"%s\"}".formatted(today))
                .json().path("charityRecognizedOn").asString()).isEqualTo(today);
        assertProblem(post(OFFICER, id, "/charity-recognition", "{\"recognizedOn\":\"%s\"}".formatted(today)), 409,
                "/problems/charity-already-recognized");
        var reported = post(OFFICER, id, "/major-matters", """
                {"kind":"LARGE_DONATION","summary":"接受企业捐赠 200 万元","reportedOn":"%s"}""".formatted(today));
        assertThat(reported.json().path("majorMatters").get(0).path("kind").asString()).isEqualTo("LARGE_DONATION");
    }
}
