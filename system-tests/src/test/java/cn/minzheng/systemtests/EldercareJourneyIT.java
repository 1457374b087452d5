package cn.minzheng.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.minzheng.testsupport.EventSchemas;
import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TopicRecords;

/**
 * Eldercare through the gateway with real Keycloak tokens: an officer registers a care home and a meal point,
 * admits an 85-year-old to the last free bed (the next admission is refused), records her lunch with the 80+
 * subsidy, and a death event on the broker discharges her and frees the bed.
 */
class EldercareJourneyIT extends ThroughTheGateway {

    private static JsonNode ok(HttpCalls.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response.json();
    }

    @Test
    void a_resident_is_admitted_eats_lunch_and_a_recorded_death_frees_her_bed() {
        String officer = tokens.user("eldercare-officer");
        String admin = tokens.user("admin");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String home = ok(gateway.postJson("/api/eldercare/facilities", officer, """
                {"name":"系统测试敬老院%s","type":"CARE_HOME","ownership":"PUBLIC","divisionCode":"320404001",
                 "beds":{"total":1,"nursing":0}}""".formatted(suffix)), 201).path("id").asString();
        String point = ok(gateway.postJson("/api/eldercare/facilities", officer, """
                {"name":"系统测试助餐点%s","type":"MEAL_POINT","ownership":"PUBLIC","divisionCode":"320404001",
                 "beds":{"total":0,"nursing":0}}""".formatted(suffix)), 201).path("id").asString();

        LocalDate today = OffsetDateTime.parse(ok(gateway.get("/api/eldercare/dev/clock", admin), 200).path("now")
                .asString()).atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
        String elder = TestIdNumbers.female("320404", today.minusYears(85).minusDays(10));
        try (TopicRecords events = new TopicRecords(stack.kafkaBootstrapServers(), "minzheng.eldercare")) {
            JsonNode resident = ok(gateway.postJson("/api/eldercare/facilities/" + home + "/admissions", officer, """
                    {"idNumber":"%s","name":"赵秀英","abilityLevel":"MILD","bedType":"GENERAL"}""".formatted(elder)),
                    201);
            String residentId = resident.path("id").asString();
            assertThat(resident.path("careLevel").asString()).isEqualTo("LEVEL_1");
            assertThat(ok(gateway.postJson("/api/eldercare/facilities/" + home + "/admissions", officer, """
                    {"idNumber":"%s","name":"钱桂兰","abilityLevel":"MILD","bedType":"GENERAL"}""".formatted(
                    TestIdNumbers.female("320404", today.minusYears(78)))), 409).path("type").asString())
                    .isEqualTo("/problems/no-free-bed");

            JsonNode lunch = ok(gateway.postJson("/api/eldercare/meal-points/" + point + "/meals", officer, """
                    {"idNumber":"%s","name":"赵秀英","date":"%s","meal":"LUNCH"}""".formatted(elder, today)), 201);
            assertThat(lunch.path("subsidy").decimalValue()).isEqualByComparingTo("4.00");

            // The funeral home records the death (the real producer of death.recorded).
            ok(gateway.postJson("/api/funeral/deaths", tokens.user("funeral-home-operator"), """
                    {"idNumber":"%s","name":"赵秀英","dateOfDeath":"%s","place":"敬老院","divisionCode":"320404001"}"""
                    .formatted(elder, today)), 201);
            await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/eldercare/residents/" + residentId,
                    officer).json().path("dischargeReason").asString().equals("DECEASED"));
            assertThat(ok(gateway.get("/api/eldercare/facilities/" + home, officer), 200).path("beds")
                    .path("freeGeneral").asInt()).isEqualTo(1);

            var records = events.awaitUntil(Duration.ofSeconds(60), received -> received.stream().anyMatch(r ->
                    residentId.equals(r.key()) && TopicRecords.type(r).endsWith("resident.discharged.v1")));
            var ours = records.stream().filter(r -> residentId.equals(r.key()) || home.equals(r.key())).toList();
            assertThat(ours).extracting(TopicRecords::type).contains("minzheng.eldercare.facility.registered.v1",
                    "minzheng.eldercare.resident.admitted.v1", "minzheng.eldercare.resident.discharged.v1");
            assertThat(EventSchemas.violations(ours, stack.settings().root()
                    .resolve("eldercare-service/src/main/resources/events"))).isEmpty();
            assertThat(records).map(TopicRecords::body).noneMatch(body -> body.contains(elder));
        }
    }
}
