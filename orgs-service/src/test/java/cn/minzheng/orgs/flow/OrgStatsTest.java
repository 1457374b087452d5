package cn.minzheng.orgs.flow;

import static cn.minzheng.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;


import tools.jackson.databind.JsonNode;

/** The statistics of a county of their own (天宁, 320402), worked out by hand from what the test registers. */
@ServiceTest
class OrgStatsTest extends OrgsFlow {

    static final String COUNTY = "320402";
    static final String OFFICER = TestJwts.token("orgs-officer-tn", COUNTY, "orgs-officer");

    private String register(String type, char category, String registeredOn) {
        String body = "5" + category + COUNTY + UUID.randomUUID().toString().replaceAll("[^0-9]", "")
                .concat("000000000").substring(0, 9);
        var created = http.postJson("/api/orgs/organizations", OFFICER, """
                {"name":"天宁区统计%s","type":"%s","creditCode":"%s","directRegistration":true,
                 "legalRepresentative":{"name":"孙立","idNumber":"%s"},"businessScope":"公益",
                 "divisionCode":"%s","registeredOn":"%s"}""".formatted(UUID.randomUUID().toString().substring(0, 6),
                type, body + CreditCode.checkCharacter(body), TestIdNumbers.male(COUNTY, LocalDate.of(1966, 1, 6)),
                COUNTY, registeredOn));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private void post(String id, String action, String body) {
        var response = OrgsCalls.postIfMatch(http, OFFICER, "/api/orgs/organizations/" + id, action, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /**
     * From 2025-01-01 to today: reports due in the period are 2024 and 2025 for the two associations (4) and 2025
     * for the foundation (1); the punctual association's two arrived in time; one verdict, PASS.
     */
    @Test
    void the_figures_of_a_period_are_those_of_its_records() {
        String punctual = register("ASSOCIATION", '1', "2024-03-01");
        post(punctual, "/annual-reports", "{\"year\":2024,\"registryReceivedOn\":\"2025-05-20\",\"result\":\"PASS\"}");
        post(punctual, "/annual-reports", "{\"year\":2025,\"registryReceivedOn\":\"2026-05-10\"}");
        String silent = register("ASSOCIATION", '1', "2024-03-01");
        post(silent, "/status-changes", """
                {"status":"ABNORMAL","reason":"未报送年报","legalBasis":"第九条","effectiveOn":"%s"}"""
                .formatted(today()));
        String foundation = register("FOUNDATION", '3', "2025-02-01");
        post(foundation, "/grades", "{\"grade\":\"4A\",\"gradedOn\":\"%s\"}".formatted(today()));
        assertThat(http.asGateway().postJson("/api/orgs/tips", null, """
                {"suspectedName":"天宁国学总会","text":"在小区收取会费","divisionCode":"%s"}""".formatted(COUNTY))
                .status()).isEqualTo(202);

        JsonNode stats = http.get("/api/orgs/stats?division=%s&from=2025-01-01&to=%s".formatted(COUNTY,
                today()), OFFICER).json();
        assertThat(stats.path("register").path("activeAtEnd").path("ASSOCIATION").asInt()).isEqualTo(2);
        assertThat(stats.path("register").path("registeredInPeriod").path("FOUNDATION").asInt()).isEqualTo(1);
        assertThat(stats.path("register").path("registeredInPeriod").has("ASSOCIATION")).isFalse();
        JsonNode annual = stats.path("annualInspection");
        assertThat(annual.path("due").asInt()).isEqualTo(5);
        assertThat(annual.path("receivedOnTime").asInt()).isEqualTo(2);
        assertThat(annual.path("rate").asDouble()).isEqualTo(0.4);
        assertThat(annual.path("verdicts").path("PASS").asInt()).isEqualTo(1);
        assertThat(stats.path("graded").path("share").asDouble()).isEqualTo(0.3333);
        assertThat(stats.path("listEntries").path("ABNORMAL").asInt()).isEqualTo(1);
        assertThat(stats.path("tips").path("OPEN").asInt()).isEqualTo(1);

        // By month: each month's figures are those of the month asked alone (a leader of the county reads them).
        String leader = TestJwts.token("tn-leader", COUNTY, "leader");
        JsonNode months = http.get("/api/orgs/stats?division=%s&from=%s&to=%s&series=month".formatted(COUNTY,
                today().withDayOfYear(1), today()), leader).json().path("months");
        assertThat(months.size()).isEqualTo(today().getMonthValue());
        JsonNode last = months.get(months.size() - 1);
        assertThat(last.path("figures")).isEqualTo(http.get("/api/orgs/stats?division=%s&from=%s&to=%s".formatted(
                COUNTY, last.path("from").asString(), last.path("to").asString()), leader).json());
        assertThat(last.path("figures").path("graded").path("share").asDouble()).isEqualTo(0.3333);
        assertThat(http.get("/api/orgs/organizations?division=" + COUNTY, leader).status())
                .as("a leader reads statistics, nothing else").isEqualTo(403);

        assertProblem(http.get("/api/orgs/stats?division=%s&from=2026-02-01&to=2026-01-01".formatted(COUNTY),
                OFFICER), 400, "/problems/invalid-request", "to");
    }
}
