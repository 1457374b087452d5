package cn.minzheng.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.TestIdNumbers;

/**
 * Social organisations through the gateway with real Keycloak tokens: a registry officer registers a service
 * institution that operates a care home, commits this year's 双随机 plan, the inspector the draw assigned enters a
 * result (another inspector is refused), the public reads the plan and the register without a login, and revoking
 * the organisation suspends the care home's operator in eldercare.
 */
class OrgsJourneyIT extends ThroughTheGateway {

    private static JsonNode ok(HttpCalls.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response.json();
    }

    private static HttpCalls.Response postIfMatch(String token, String record, String action, String body) {
        String etag = gateway.get(record, token).header("ETag");
        return gateway.send(gateway.request(record + action, token).header("Content-Type", "application/json")
                .header("If-Match", etag).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void a_plan_is_drawn_and_inspected_and_a_revoked_operator_is_suspended_in_eldercare() {
        String officer = tokens.user("orgs-officer");
        String admin = tokens.user("admin");
        LocalDate today = OffsetDateTime.parse(ok(gateway.get("/api/eldercare/dev/clock", admin), 200).path("now")
                .asString()).atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String body = "52320404" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").concat("000000000")
                .substring(0, 9);
        String code = body + CreditCode.checkCharacter(body);
        String orgId = ok(gateway.postJson("/api/orgs/organizations", officer, """
                {"name":"系统测试颐养服务中心%s","type":"SERVICE_INSTITUTION","creditCode":"%s",
                 "sponsorUnit":"钟楼区民政局","legalRepresentative":{"name":"顾明","idNumber":"%s"},
                 "businessScope":"养老服务","divisionCode":"320404","registeredOn":"%s"}""".formatted(suffix, code,
                TestIdNumbers.male("320404", LocalDate.of(1972, 4, 4)), today.minusDays(30))), 201)
                .path("id").asString();
        String home = ok(gateway.postJson("/api/eldercare/facilities", tokens.user("eldercare-officer"), """
                {"name":"系统测试颐养院%s","type":"CARE_HOME","ownership":"PUBLIC_BUILT_PRIVATE_OPERATED",
                 "operatorCreditCode":"%s","operatorName":"系统测试颐养服务中心%s","contractEnds":"2030-12-31",
                 "divisionCode":"320404001","beds":{"total":10,"nursing":5}}""".formatted(suffix, code, suffix)), 201)
                .path("id").asString();

        JsonNode plan = ok(gateway.postJson("/api/orgs/inspection-plans", officer, """
                {"divisionCode":"320404","ratio":0.03,"inspectors":["inspector","inspector-2","inspector-3",
                 "inspector-4","inspector-5","inspector-6","inspector-7"]}"""), 201);
        assertThat(plan.path("seed").asString()).matches("[0-9a-f]{32}");
        JsonNode target = plan.path("targets").get(0);
        String assigned = target.path("inspectors").get(0).asString();
        String outsider = java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(i -> i == 1 ? "inspector"
                : "inspector-" + i).filter(i -> !target.path("inspectors").toString().contains("\"" + i + "\""))
                .findFirst().orElseThrow();
        String result = """
                {"outcome":"COMPLIANT","inspectedOn":"%s"}""".formatted(today);
        String results = "/api/orgs/inspections/" + target.path("inspectionId").asString() + "/results";
        assertThat(ok(gateway.postJson(results, tokens.user(outsider), result), 403).path("type").asString())
                .isEqualTo("/problems/not-assigned-inspector");
        ok(gateway.postJson(results, tokens.user(assigned), result), 201);

        JsonNode published = ok(gateway.get("/api/orgs/public/inspection-plans/" + plan.path("id").asString(),
                null), 200);
        assertThat(published.path("targets").get(0).path("outcome").asString()).isEqualTo("COMPLIANT");
        JsonNode disclosed = ok(gateway.get("/api/orgs/public/organizations?code=" + code, null), 200);
        assertThat(disclosed.path("items").get(0).path("status").asString()).isEqualTo("REGISTERED");
        var csv = gateway.get("/api/orgs/public/register.csv?division=320404", null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFF名称").contains(code);

        ok(postIfMatch(officer, "/api/orgs/organizations/" + orgId, "/revocation", """
                {"reason":"以养老服务名义非法集资","legalBasis":"《民办非企业单位登记管理暂行条例》第二十五条",
                 "effectiveOn":"%s"}""".formatted(today)), 200);
        ok(postIfMatch(tokens.user("orgs-officer-2"), "/api/orgs/organizations/" + orgId,
                "/revocation-proposal/confirmation", ""), 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/eldercare/facilities/" + home,
                tokens.user("eldercare-officer")).json().path("operatorStatus").asString()
                .equals("SUSPENDED_OPERATOR"));
        assertThat(ok(gateway.get("/api/orgs/public/organizations?code=" + code, null), 200).path("items").get(0)
                .path("status").asString()).isEqualTo("REVOKED");
    }
}
