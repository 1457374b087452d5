package cn.minzheng.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.minzheng.testsupport.EventSchemas;
import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TopicRecords;

/**
 * Category allowances and child protection through the gateway with the realm's users: two county approvers put
 * rules in force (the first alone cannot), a township officer grants a 92-year-old the old-age allowance in the
 * 90-99 band, a funeral home records his death and funeral's event ends it (allowance.* events, no ID number on
 * the wire), and a child's record is
 * read by its child director and refused to another.
 */
class AllowanceJourneyIT extends ThroughTheGateway {

    private static JsonNode ok(HttpCalls.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response.json();
    }

    @Test
    void rules_with_four_eyes_an_old_age_allowance_ended_by_a_death_and_a_childs_record_for_its_director_only() {
        String approver = tokens.user("zl-approver");
        String second = tokens.user("zl-approver-2");
        String officer = tokens.user("zl-officer-1");
        JsonNode proposed = ok(gateway.postJson("/api/assistance/allowance-rules", approver, """
                {"county":"320404","effectiveFrom":"2018-01-01","note":"系统测试",
                 "programmes":[{"programme":"OLD_AGE","bands":[{"minAge":80,"maxAge":89,"amount":50.00},
                   {"minAge":90,"maxAge":99,"amount":100.00},{"minAge":100,"amount":500.00}],
                   "criteria":[{"id":"age-80","minAge":80}]}]}"""), 201);
        int number = proposed.path("versions").size();
        String decision = "/api/assistance/allowance-rules/320404/versions/" + number + "/decision";
        assertThat(ok(gateway.postJson(decision, approver, "{\"decision\":\"APPROVE\"}"), 403).path("type")
                .asString()).isEqualTo("/problems/four-eyes");
        ok(gateway.postJson(decision, second, "{\"decision\":\"APPROVE\"}"), 200);

        String elder = TestIdNumbers.male("320404", LocalDate.now().minusYears(92).minusDays(40));
        try (TopicRecords events = new TopicRecords(stack.kafkaBootstrapServers(), "minzheng.assistance")) {
            JsonNode granted = ok(gateway.postJson("/api/assistance/allowances", officer, """
                    {"idNumber":"%s","name":"周老汉","divisionCode":"320404001005","programme":"OLD_AGE"}"""
                    .formatted(elder)), 201);
            String allowanceId = granted.path("id").asString();
            String personRef = granted.path("personRef").asString();
            assertThat(granted.path("band").asString()).isEqualTo("90-99");
            assertThat(granted.path("ruleVersion").asInt()).isEqualTo(number);
            assertThat(granted.path("idNumber").asString()).doesNotContain(elder.substring(6, 14));

            // The real producer: a funeral home records the death, and assistance reacts to funeral's event.
            LocalDate today = java.time.OffsetDateTime.parse(ok(gateway.get("/api/funeral/dev/clock",
                    tokens.user("admin")), 200).path("now").asString())
                    .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
            JsonNode death = ok(gateway.postJson("/api/funeral/deaths", tokens.user("funeral-home-operator"), """
                    {"idNumber":"%s","name":"周老汉","dateOfDeath":"%s","place":"家中","cause":"NATURAL",
                     "divisionCode":"320404001005"}""".formatted(elder, today)), 201);
            assertThat(death.path("personRef").asString()).isEqualTo(personRef);
            await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/assistance/allowances/"
                    + allowanceId, officer).json().path("status").asString().equals("TERMINATED"));
            assertThat(ok(gateway.get("/api/assistance/allowances/" + allowanceId, officer), 200)
                    .path("termination").path("reason").asString()).isEqualTo("DECEASED");

            var records = events.awaitUntil(Duration.ofSeconds(60), received -> received.stream().anyMatch(r ->
                    personRef.equals(r.key()) && TopicRecords.type(r).endsWith("allowance.terminated.v1")));
            var ours = records.stream().filter(r -> personRef.equals(r.key())).toList();
            assertThat(ours).extracting(TopicRecords::type).contains("minzheng.assistance.allowance.approved.v1",
                    "minzheng.assistance.allowance.terminated.v1");
            assertThat(EventSchemas.violations(ours, stack.settings().root()
                    .resolve("assistance-service/src/main/resources/events"))).isEmpty();
            assertThat(records).map(TopicRecords::body).noneMatch(body -> body.contains(elder));
        }

        String child = ok(gateway.postJson("/api/assistance/children", officer, """
                {"idNumber":"%s","name":"王小雨","divisionCode":"320404001007","category":"LEFT_BEHIND",
                 "riskLevel":"HIGH","riskReason":"父母均在外务工","directorUsername":"child-director-1"}"""
                .formatted(TestIdNumbers.female("320404", LocalDate.now().minusYears(9).minusDays(
                        UUID.randomUUID().hashCode() & 0xff)))), 201).path("id").asString();
        assertThat(ok(gateway.get("/api/assistance/children/" + child, tokens.user("child-director-1")), 200)
                .path("riskLevel").asString()).isEqualTo("HIGH");
        assertThat(ok(gateway.get("/api/assistance/children/" + child, tokens.user("child-director-2")), 403)
                .path("type").asString()).isEqualTo("/problems/not-assigned");
    }
}
