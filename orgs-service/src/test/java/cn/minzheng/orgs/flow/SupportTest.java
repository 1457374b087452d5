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

/**
 * The sector's support in a county of its own (320490): a purchased-service project evaluated once, an incubation
 * tenant that leaves registered, donations only to a recognised charity and never received beyond the pledge, and
 * the statistics that count them.
 */
@ServiceTest
class SupportTest extends OrgsFlow {

    static final String COUNTY = "320490";
    static final String OFFICER = TestJwts.token("orgs-officer-s", COUNTY, "orgs-officer");

    private String register(String name) {
        String body = "51" + COUNTY + UUID.randomUUID().toString().replaceAll("[^0-9]", "").concat("000000000")
                .substring(0, 9);
        return http.postJson("/api/orgs/organizations", OFFICER, """
                {"name":"%s%s","type":"ASSOCIATION","creditCode":"%s","directRegistration":true,
                 "legalRepresentative":{"name":"沈洁","idNumber":"%s"},"businessScope":"慈善",
                 "divisionCode":"%s","registeredOn":"2025-01-01"}""".formatted(name, UUID.randomUUID().toString()
                .substring(0, 4), body + CreditCode.checkCharacter(body), TestIdNumbers.female(COUNTY,
                        LocalDate.of(1977, 7, 7)), COUNTY)).json().path("id").asString();
    }

    private HttpCalls.Response post(String record, String action, String body) {
        return OrgsCalls.postIfMatch(http, OFFICER, record, action, body);
    }

    @Test
    void projects_tenants_and_donations_are_kept_by_their_rules_and_counted() {
        String today = today().toString();
        String org = register("某县慈善会");

        var project = http.postJson("/api/orgs/projects", OFFICER, """
                {"kind":"VENTURE_PHILANTHROPY","title":"困境儿童陪伴","organizationId":"%s","purchaser":"县民政局",
                 "amount":80000,"startsOn":"%s","endsOn":"%s"}""".formatted(org, today,
                today().plusMonths(6)));
        assertThat(project.status()).as(project.toString()).isEqualTo(201);
        String projectId = "/api/orgs/projects/" + project.json().path("id").asString();
        assertThat(project.json().path("actions").toString()).isEqualTo("[\"EVALUATE\"]");
        var evaluated = post(projectId, "/evaluation", """
                {"rating":"EXCELLENT","evaluatedOn":"%s"}""".formatted(today));
        assertThat(evaluated.status()).isEqualTo(200);
        assertThat(evaluated.json().path("actions").isEmpty()).as("evaluated once").isTrue();
        assertProblem(post(projectId, "/evaluation", """
                {"rating":"FAIL","evaluatedOn":"%s"}""".formatted(today)), 409, "/problems/project-evaluated");

        var tenant = http.postJson("/api/orgs/incubation-tenancies", OFFICER, """
                {"base":"县社会组织孵化园","tenantName":"邻里守望社","divisionCode":"%s","movedInOn":"%s"}"""
                .formatted(COUNTY, today));
        String tenancy = "/api/orgs/incubation-tenancies/" + tenant.json().path("id").asString();
        assertThat(post(tenancy, "/exit", "{\"leftOn\":\"%s\",\"exit\":\"REGISTERED\"}".formatted(today))
                .json().path("exit").asString()).isEqualTo("REGISTERED");

        String pledge = """
                {"organizationId":"%s","donorKind":"PERSON","donorName":"王某","purpose":"助学","pledged":1000,
                 "pledgedOn":"%s"}""".formatted(org, today);
        assertProblem(http.postJson("/api/orgs/donations", OFFICER, pledge), 422, "/problems/not-a-charity",
                "organizationId");
        post("/api/orgs/organizations/" + org, "/charity-recognition", "{\"recognizedOn\":\"%s\"}".formatted(today));
        var donation = http.postJson("/api/orgs/donations", OFFICER, pledge);
        assertThat(donation.status()).as(donation.toString()).isEqualTo(201);
        assertThat(donation.json().path("donorName").isNull()).as("a person donor is not named").isTrue();
        String donationId = "/api/orgs/donations/" + donation.json().path("id").asString();
        assertThat(post(donationId, "/receipts", "{\"amount\":600,\"receivedOn\":\"%s\"}".formatted(today))
                .status()).isEqualTo(200);
        assertProblem(post(donationId, "/receipts", "{\"amount\":500,\"receivedOn\":\"%s\"}".formatted(today)), 422,
                "/problems/received-exceeds-pledge", "amount");
        assertThat(http.get(donationId, OFFICER).json().path("actions").toString()).as("400 still to come")
                .isEqualTo("[\"RECEIVE\"]");

        JsonNode stats = http.get("/api/orgs/stats?division=%s&from=%s&to=%s".formatted(COUNTY, today, today),
                OFFICER).json();
        assertThat(stats.path("projectsStarted").path("VENTURE_PHILANTHROPY").path("amount").decimalValue())
                .isEqualByComparingTo("80000");
        assertThat(stats.path("donationsPledged").path("amount").decimalValue()).isEqualByComparingTo("1000");
        assertThat(stats.path("donationsReceived").decimalValue()).isEqualByComparingTo("600");
    }
}
