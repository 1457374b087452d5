package cn.minzheng.funeral.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

/**
 * A death recorded by a funeral home, its services and cremation, the fee waiver for a resident and for a person
 * of a one-person dibao household that the death itself ends, and burials in a public-welfare cemetery (plot size
 * limit, residents only, the last plot given once under concurrency, the eco reward).
 */
@ServiceTest
class FuneralJourneyTest {

    static final String HOME = TestJwts.token("home-a", "320404", "funeral-home-operator");
    static final String OFFICER = TestJwts.token("officer-f", "320404", "funeral-officer");

    @LocalServerPort
    int port;

    HttpCalls http;

    @BeforeEach
    void setUp() {
        http = new HttpCalls("http://127.0.0.1:" + port);
    }

    JsonNode death(String idNumber, String residence, LocalDate date) {
        var recorded = http.postJson("/api/funeral/deaths", HOME, """
                {"idNumber":"%s","name":"王秀兰","dateOfDeath":"%s","place":"常州市第一人民医院","cause":"DISEASE",
                 "divisionCode":"%s"}""".formatted(idNumber, date, residence));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        return recorded.json();
    }

    void serve(String deathId, String item, int quantity, LocalDate on) {
        var served = http.postJson("/api/funeral/deaths/" + deathId + "/services", HOME, """
                {"item":"%s","quantity":%d,"on":"%s"}""".formatted(item, quantity, on));
        assertThat(served.status()).as(served.toString()).isEqualTo(200);
    }

    JsonNode line(JsonNode waiver, String item) {
        for (JsonNode line : waiver.path("items")) {
            if (line.path("item").asString().equals(item)) {
                return line;
            }
        }
        throw new AssertionError("no " + item + " in " + waiver);
    }

    @Test
    void a_death_is_recorded_once_served_cremated_with_a_unique_certificate_and_its_fees_waived_for_a_resident() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String idNumber = TestIdNumbers.female("320404", LocalDate.of(1941, 3, 12));
        JsonNode death;
        try (TopicRecords funeral = new TopicRecords("minzheng.funeral")) {
            death = death(idNumber, "320404001007", today.minusDays(2));
            String personRef = death.path("personRef").asString();
            var published = funeral.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream()
                    .anyMatch(r -> personRef.equals(r.key())));
            var ours = published.stream().filter(r -> personRef.equals(r.key())).toList();
            assertThat(ours).extracting(TopicRecords::type).containsExactly("minzheng.funeral.death.recorded.v1");
            assertThat(EventSchemas.violations(ours, Path.of("src/main/resources/events"))).isEmpty();
            assertThat(TopicRecords.body(ours.get(0))).contains("\"residenceDivision\":\"320404001007\"")
                    .doesNotContain(idNumber);
        }
        String id = death.path("id").asString();
        assertThat(death.path("idNumber").asString()).doesNotContain(idNumber.substring(6, 14));

        var again = http.postJson("/api/funeral/deaths", HOME, """
                {"idNumber":"%s","name":"王秀兰","dateOfDeath":"%s","place":"家中","divisionCode":"320404001007"}"""
                .formatted(idNumber, today.minusDays(1)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asString()).contains(id);
        var future = http.postJson("/api/funeral/deaths", HOME, """
                {"idNumber":"%s","name":"某人","dateOfDeath":"%s","place":"家中","divisionCode":"320404001007"}"""
                .formatted(TestIdNumbers.male("320404", LocalDate.of(1950, 1, 1)), today.plusDays(1)));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().path("errors").get(0).path("field").asString()).isEqualTo("dateOfDeath");

        serve(id, "TRANSPORT", 1, today.minusDays(2));
        serve(id, "COLD_STORAGE", 5, today.minusDays(1));
        serve(id, "FAREWELL", 1, today);
        String certificate = "HZ-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.postJson("/api/funeral/deaths/" + id + "/cremation", HOME, """
                {"certificateNo":"%s","date":"%s"}""".formatted(certificate, today)).status()).isEqualTo(200);
        String other = death(TestIdNumbers.male("320404", LocalDate.of(1939, 9, 9)), "320404001003", today)
                .path("id").asString();
        var reused = http.postJson("/api/funeral/deaths/" + other + "/cremation", HOME, """
                {"certificateNo":"%s","date":"%s"}""".formatted(certificate, today));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json().path("type").asString()).endsWith("/certificate-used");

        JsonNode waiver = http.get("/api/funeral/deaths/" + id + "/fee-waiver", OFFICER).json();
        assertThat(waiver.path("resident").asBoolean()).isTrue();
        assertThat(line(waiver, "TRANSPORT").path("waived").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(line(waiver, "COLD_STORAGE").path("waived").decimalValue()).as("three of five days")
                .isEqualByComparingTo("150.00");
        assertThat(line(waiver, "CREMATION").path("rule").asString()).isEqualTo("RESIDENT_BASIC");
        assertThat(line(waiver, "FAREWELL").path("waived").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(waiver.path("payable").decimalValue()).isEqualByComparingTo("400.00");
    }

    @Test
    void a_one_person_dibao_household_ended_by_this_death_still_has_its_waiver_and_a_non_resident_no_basic_one() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        JsonNode death = death(TestIdNumbers.male("320404", LocalDate.of(1948, 6, 6)), "320412001002", today);
        String personRef = death.path("personRef").asString();
        String enrolment = "enr-" + UUID.randomUUID();
        YearMonth month = YearMonth.from(today);
        try (TopicRecords assistance = new TopicRecords("minzheng.assistance")) {
            TopicRecords.sendCloudEvent("minzheng.assistance", enrolment, "minzheng.assistance.assistance.approved.v1",
                    UUID.randomUUID().toString(), """
                    {"enrolmentId":"%s","householdId":"hh-9","programme":"DIBAO","division":"320412001002",
                     "status":"ACTIVE","personRefs":["%s"],"startMonth":"2025-01","monthlyAmount":"850.00"}"""
                            .formatted(enrolment, personRef));
            // The death leaves nobody: assistance ends the enrolment with the month of death as the last paid.
            TopicRecords.sendCloudEvent("minzheng.assistance", enrolment,
                    "minzheng.assistance.assistance.terminated.v1", UUID.randomUUID().toString(), """
                    {"enrolmentId":"%s","householdId":"hh-9","programme":"DIBAO","division":"320412001002",
                     "status":"TERMINATED","personRefs":["%s"],"reason":"NO_MEMBER_LEFT","lastMonth":"%s"}"""
                            .formatted(enrolment, personRef, month));
            var sent = assistance.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream()
                    .filter(r -> enrolment.equals(r.key())).count() == 2);
            assertThat(EventSchemas.violations(sent.stream().filter(r -> enrolment.equals(r.key())).toList(),
                    Path.of("src/test/resources/consumed-events"))).isEmpty();
        }
        String id = death.path("id").asString();
        serve(id, "TRANSPORT", 1, today);
        serve(id, "FAREWELL", 1, today);
        await().atMost(Duration.ofSeconds(30)).until(() -> "DIBAO".equals(http.get("/api/funeral/deaths/" + id
                + "/fee-waiver", OFFICER).json().path("householdProgramme").asString()));
        JsonNode waiver = http.get("/api/funeral/deaths/" + id + "/fee-waiver", OFFICER).json();
        assertThat(waiver.path("resident").asBoolean()).as("registered in 320412, died in a 320404 home").isFalse();
        assertThat(line(waiver, "TRANSPORT").path("waived").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(line(waiver, "FAREWELL").path("rule").asString()).isEqualTo("POOR_HOUSEHOLD_DIBAO");
        assertThat(line(waiver, "FAREWELL").path("waived").decimalValue()).isEqualByComparingTo("300.00");
    }

    @Test
    void a_public_welfare_cemetery_has_size_limits_serves_residents_and_gives_its_last_plot_once() throws Exception {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        var tooLarge = http.postJson("/api/funeral/cemeteries", OFFICER, """
                {"name":"超标公墓","kind":"PUBLIC_WELFARE","eco":true,"divisionCode":"320404",
                 "plots":[{"kind":"GRAVE","count":2,"areaSqm":0.80}]}""");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().path("errors").get(0).path("field").asString()).isEqualTo("plots[0].areaSqm");
        var cemetery = http.postJson("/api/funeral/cemeteries", OFFICER, """
                {"name":"钟楼区公益性公墓","kind":"PUBLIC_WELFARE","eco":true,"divisionCode":"320404",
                 "plots":[{"kind":"NICHE","count":1,"areaSqm":0.10},{"kind":"ECO","count":5,"areaSqm":0.30}]}""");
        assertThat(cemetery.status()).as(cemetery.toString()).isEqualTo(201);
        String cemeteryId = cemetery.json().path("id").asString();

        String stranger = death(TestIdNumbers.male("320412", LocalDate.of(1944, 4, 4)), "320412001001", today)
                .path("id").asString();
        var refused = bury(stranger, cemeteryId, "NICHE", today);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("type").asString()).endsWith("/non-resident-public-cemetery");

        String tree = death(TestIdNumbers.female("320404", LocalDate.of(1936, 5, 5)), "320404002001", today)
                .path("id").asString();
        var eco = bury(tree, cemeteryId, "TREE", today);
        assertThat(eco.status()).as(eco.toString()).isEqualTo(200);
        assertThat(eco.json().path("burial").path("ecoReward").asBoolean()).isTrue();
        assertThat(bury(tree, cemeteryId, "TREE", today).status()).as("a reward once per death").isEqualTo(409);

        List<String> racing = List.of(
                death(TestIdNumbers.male("320404", LocalDate.of(1930, 1, 2)), "320404001001", today).path("id")
                        .asString(),
                death(TestIdNumbers.male("320404", LocalDate.of(1931, 1, 2)), "320404001001", today).path("id")
                        .asString());
        List<Future<Integer>> results = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (String deathId : racing) {
                results.add(pool.submit((Callable<Integer>) () -> bury(deathId, cemeteryId, "NICHE", today)
                        .status()));
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        JsonNode plots = http.get("/api/funeral/cemeteries/" + cemeteryId, OFFICER).json().path("plots");
        assertThat(plots.path("NICHE").path("USED").asInt()).isEqualTo(1);
        assertThat(plots.path("ECO").path("USED").asInt()).isEqualTo(1);

        // The report counts from the records: the tree burial and its reward, the plots now.
        JsonNode stats = http.get("/api/funeral/stats?division=320404&from=" + today + "&to=" + today, OFFICER)
                .json();
        assertThat(stats.path("burialsByType").path("TREE").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(stats.path("ecoRewards").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("1000"));
        assertThat(stats.path("deaths").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(stats.path("plots").path("NICHE").path("USED").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(http.get("/api/funeral/stats?division=320404&from=" + today + "&to=" + today.minusDays(1),
                OFFICER).status()).isEqualTo(400);
    }

    HttpCalls.Response bury(String deathId, String cemeteryId, String type, LocalDate date) {
        return http.postJson("/api/funeral/burials", OFFICER, """
                {"deathId":"%s","cemeteryId":"%s","type":"%s","date":"%s"}"""
                .formatted(deathId, cemeteryId, type, date));
    }
}
