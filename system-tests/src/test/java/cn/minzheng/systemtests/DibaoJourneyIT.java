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
 * Issue 4's story on the whole platform, through the gateway with real Keycloak tokens: a township officer registers
 * a one-person household and files a dibao application, reviews it, the notice runs (the dev clock is moved past
 * it), the county approver approves, the payroll pays the first month, and a death recorded on the funeral topic
 * ends the enrolment.
 */
class DibaoJourneyIT extends ThroughTheGateway {

    private static JsonNode ok(HttpCalls.Response response, int... statuses) {
        assertThat(response.status()).as(response.toString()).isIn((Object[]) java.util.Arrays.stream(statuses)
                .boxed().toArray(Integer[]::new));
        return response.json();
    }

    @Test
    void a_dibao_household_goes_from_application_to_its_first_payment_and_a_death_ends_it() {
        String officer = tokens.user("zl-officer-1");
        String approver = tokens.user("zl-approver");
        String admin = tokens.user("admin");
        String idNumber = TestIdNumbers.male("320404", LocalDate.of(1950, 1, 10));

        ok(gateway.postJson("/api/assistance/standards", approver, """
                {"divisionCode":"320404","programme":"DIBAO","residence":"ALL","amount":800.00,"effectiveFrom":"2018-07-01"}
                """), 201);
        JsonNode household = ok(gateway.postJson("/api/assistance/households", officer, """
                {"divisionCode":"320404001007","residence":"URBAN","address":"钟楼区某路 8 号",
                 "members":[{"idNumber":"%s","name":"周建国","relation":"HEAD","disabilityGrade":0,"employed":false,
                 "monthlyIncome":200.00}],"assets":{"deposits":3000.00,"vehicles":0,"houses":1}}
                """.formatted(idNumber)), 201);
        String householdId = household.path("id").asString();
        String personRef = household.path("members").get(0).path("personRef").asString();
        assertThat(household.toString()).doesNotContain(idNumber);

        String applicationId = ok(gateway.postJson("/api/assistance/applications", officer, """
                {"householdId":"%s","programme":"DIBAO","reason":"独居老人，无固定收入"}""".formatted(householdId)),
                201).path("id").asString();
        ok(gateway.postJson("/api/assistance/applications/" + applicationId + "/review", officer,
                "{\"decision\":\"PASS\",\"opinion\":\"入户核查属实\"}"), 200);
        var notice = gateway.get("/api/assistance/public-notices?division=320404001", null);
        assertThat(notice.status()).isEqualTo(200);
        assertThat(notice.body()).contains(applicationId, "周**").doesNotContain(idNumber);

        ok(gateway.postJson("/api/assistance/dev/clock", admin, "{\"by\":\"P20D\"}"), 200);
        String enrolmentId = ok(gateway.postJson("/api/assistance/applications/" + applicationId + "/approval",
                approver, "{\"decision\":\"APPROVE\",\"opinion\":\"同意\"}"), 200).path("enrolmentId").asString();
        JsonNode enrolment = ok(gateway.get("/api/assistance/enrolments/" + enrolmentId, officer), 200);
        // (800 - 200) x 1 plus 10 % for a member aged 60 or more
        assertThat(enrolment.path("monthlyAmount").decimalValue()).isEqualByComparingTo("680.00");
        String month = enrolment.path("startMonth").asString();

        String payrollId = ok(gateway.postJson("/api/assistance/payrolls", approver,
                "{\"month\":\"" + month + "\",\"divisionCode\":\"320404\"}"), 200, 202).path("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/assistance/payrolls/" + payrollId,
                approver).json().path("status").asString().equals("COMPLETED"));
        JsonNode payments = ok(gateway.get("/api/assistance/payments?householdId=" + householdId, officer), 200);
        assertThat(payments.path("items").get(0).path("amount").decimalValue()).isEqualByComparingTo("680.00");

        // The funeral home records the death (the real producer of death.recorded), on its own today.
        ok(gateway.postJson("/api/funeral/deaths", tokens.user("funeral-home-operator"), """
                {"idNumber":"%s","name":"周建国","dateOfDeath":"%s","place":"家中","divisionCode":"320404001007"}"""
                .formatted(idNumber, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")))), 201);
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/assistance/enrolments/" + enrolmentId,
                officer).json().path("status").asString().equals("TERMINATED"));

        try (TopicRecords events = new TopicRecords(stack.kafkaBootstrapServers(), "minzheng.assistance")) {
            var records = events.awaitUntil(Duration.ofSeconds(60), received -> received.stream()
                    .anyMatch(r -> enrolmentId.equals(r.key())
                            && TopicRecords.type(r).equals("minzheng.assistance.assistance.terminated.v1")));
            var ours = records.stream().filter(r -> TopicRecords.body(r).contains(householdId)).toList();
            assertThat(ours).extracting(TopicRecords::type).contains("minzheng.assistance.household.reviewed.v1",
                    "minzheng.assistance.assistance.approved.v1", "minzheng.assistance.subsidy.paid.v1",
                    "minzheng.assistance.assistance.terminated.v1");
            assertThat(EventSchemas.violations(ours, stack.settings().root()
                    .resolve("assistance-service/src/main/resources/events"))).isEmpty();
            assertThat(records).map(TopicRecords::body).noneMatch(body -> body.contains(idNumber));
        }
    }
}
