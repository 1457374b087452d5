package cn.minzheng.orgs.flow;

import static cn.minzheng.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.testsupport.EventSchemas;
import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;
import cn.minzheng.testsupport.TopicRecords;


import tools.jackson.databind.JsonNode;

/**
 * 双随机一公开 on the real broker and store, in a county of its own (武进, 320412) so that its register is only
 * what this test registers: a plan drawn with a system seed, tied inspectors never assigned, a pool too small
 * refused naming the targets, the draw re-run from the published data alone, a re-draw with a reason and a
 * second officer, results entered only by an assigned inspector, and the rectification followed up.
 */
@ServiceTest
class RandomInspectionTest extends OrgsFlow {

    static final String COUNTY = "320412";
    static final String OFFICER = TestJwts.token("orgs-officer-wj", COUNTY, "orgs-officer");
    static final String SECOND_OFFICER = TestJwts.token("orgs-officer-wj-2", COUNTY, "orgs-officer");
    static final List<String> POOL = List.of("insp-wj-a", "insp-wj-b", "insp-wj-c", "insp-wj-d");

    private static String inspector(String name) {
        return TestJwts.token(name, COUNTY, "inspector");
    }

    private static String code(char category) {
        String body = "5" + category + COUNTY + UUID.randomUUID().toString().replaceAll("[^0-9]", "")
                .concat("000000000").substring(0, 9);
        return body + CreditCode.checkCharacter(body);
    }

    private String register(String name, char category) {
        String type = category == '1' ? "ASSOCIATION" : category == '2' ? "SERVICE_INSTITUTION" : "FOUNDATION";
        var created = http.postJson("/api/orgs/organizations", OFFICER, """
                {"name":"%s","type":"%s","creditCode":"%s","directRegistration":true,
                 "legalRepresentative":{"name":"吴敏","idNumber":"%s"},"businessScope":"公益服务",
                 "divisionCode":"%s","registeredOn":"2025-04-01"}""".formatted(name, type, code(category),
                TestIdNumbers.female(COUNTY, LocalDate.of(1970, 5, 1)), COUNTY));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private HttpCalls.Response plan(String body) {
        return http.postJson("/api/orgs/inspection-plans", OFFICER, body);
    }

    @Test
    void a_plan_is_drawn_reproducibly_with_recusal_then_re_drawn_by_two_officers_and_inspected() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 4);
        java.util.List<String> orgs = new java.util.ArrayList<>();
        for (int i = 0; i < 39; i++) {
            orgs.add(register("武进区第" + i + "志愿者协会" + run, '1'));
        }
        String charity = register("武进区慈善基金会" + run, '3');
        var recognized = OrgsCalls.postIfMatch(http, OFFICER, "/api/orgs/organizations/" + charity,
                "/charity-recognition", "{\"recognizedOn\":\"2025-06-01\"}");
        assertThat(recognized.status()).as(recognized.toString()).isEqualTo(200);
        var tie = http.postJson("/api/orgs/inspector-ties", OFFICER, """
                {"inspector":"insp-wj-a","organizationId":"%s","relation":"RELATIVE_OF_REPRESENTATIVE",
                 "note":"法定代表人系其配偶"}""".formatted(charity));
        assertThat(tie.status()).as(tie.toString()).isEqualTo(201);

        assertProblem(plan("""
                {"divisionCode":"%s","ratio":0.1,"inspectors":%s,"seed":"12345"}""".formatted(COUNTY, json(POOL))),
                422, "/problems/seed-chosen-by-system", "seed");
        assertProblem(plan("""
                {"divisionCode":"%s","ratio":0.02,"inspectors":%s}""".formatted(COUNTY, json(POOL))),
                422, "/problems/plan-ratio-out-of-range", "ratio");
        var tooSmall = plan("""
                {"divisionCode":"%s","ratio":0.1,"allCharities":true,"inspectors":["insp-wj-a","insp-wj-b"]}"""
                .formatted(COUNTY));
        assertProblem(tooSmall, 422, "/problems/plan-pool-too-small", "inspectors");
        assertThat(tooSmall.body()).contains(charity.substring(4));

        var committed = plan("""
                {"divisionCode":"%s","ratio":0.1,"allCharities":true,"inspectors":%s}""".formatted(COUNTY,
                json(POOL)));
        assertThat(committed.status()).as(committed.toString()).isEqualTo(201);
        JsonNode plan = committed.json();
        String planId = plan.path("id").asString();
        assertThat(plan.path("seed").asString()).matches("[0-9a-f]{32}");
        assertThat(plan.path("targets").size()).as("the charity and ceil(10%% of 39)").isEqualTo(1 + 4);
        JsonNode first = plan.path("targets").get(0);
        assertThat(first.path("creditCode").asString()).isEqualTo(charity.substring(4));
        assertThat(first.path("inspectors").valueStream().map(JsonNode::asString)).doesNotContain("insp-wj-a");
        plan.path("targets").forEach(t -> assertThat(Set.copyOf(t.path("inspectors").valueStream()
                .map(JsonNode::asString).toList())).hasSize(2).isSubsetOf(POOL));

        assertThat(drawnAgainFromPublishedData(planId)).isEqualTo(targets(plan));

        // A re-draw: asked with a reason, refused to the same officer, made by a second one with a new seed.
        var asked = OrgsCalls.postIfMatch(http, OFFICER, "/api/orgs/inspection-plans/" + planId, "/redraw-request",
                "{\"reason\":\"两名检查人员借调外地\"}");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        assertThat(actions(http.get("/api/orgs/inspection-plans/" + planId, OFFICER).json())).isEmpty();
        assertThat(actions(http.get("/api/orgs/inspection-plans/" + planId, SECOND_OFFICER).json()))
                .containsExactly("REDRAW");
        assertProblem(OrgsCalls.postIfMatch(http, OFFICER, "/api/orgs/inspection-plans/" + planId, "/redraw", ""),
                403, "/problems/four-eyes");
        var redrawn = OrgsCalls.postIfMatch(http, SECOND_OFFICER, "/api/orgs/inspection-plans/" + planId,
                "/redraw", "");
        assertThat(redrawn.status()).as(redrawn.toString()).isEqualTo(200);
        JsonNode draws = redrawn.json().path("draws");
        assertThat(draws.size()).isEqualTo(2);
        assertThat(draws.get(1).path("reason").asString()).isEqualTo("两名检查人员借调外地");
        assertThat(draws.get(1).path("requestedBy").asString()).isEqualTo("orgs-officer-wj");
        assertThat(draws.get(1).path("confirmedBy").asString()).isEqualTo("orgs-officer-wj-2");
        assertThat(draws.get(1).path("seed").asString()).isNotEqualTo(draws.get(0).path("seed").asString());
        assertThat(drawnAgainFromPublishedData(planId)).isEqualTo(targets(redrawn.json()));

        // Read on its own, the plan names its targets and offers each assigned inspector the result form.
        JsonNode read = http.get("/api/orgs/inspection-plans/" + planId, OFFICER).json();
        assertThat(actions(read)).containsExactly("REQUEST_REDRAW");
        JsonNode target = read.path("targets").get(1);
        assertThat(target.path("name").asString()).startsWith("武进区").endsWith(run);
        assertThat(actions(target)).isEmpty();
        String inspectionId = target.path("inspectionId").asString();
        List<String> assigned = target.path("inspectors").valueStream().map(JsonNode::asString).toList();
        String outsider = POOL.stream().filter(p -> !assigned.contains(p)).findFirst().orElseThrow();
        assertThat(actions(http.get("/api/orgs/inspection-plans/" + planId, inspector(assigned.get(0))).json()
                .path("targets").get(1))).containsExactly("ENTER_RESULT");
        assertThat(actions(http.get("/api/orgs/inspection-plans/" + planId, inspector(outsider)).json()
                .path("targets").get(1))).isEmpty();

        // The inspector's own targets, open ones counted on their worklist.
        JsonNode mine = http.get("/api/orgs/inspections/assigned?open=true&size=100", inspector(assigned.get(0)))
                .json();
        JsonNode task = mine.path("items").valueStream().filter(t -> t.path("inspectionId").asString()
                .equals(inspectionId)).findFirst().orElseThrow();
        assertThat(task.path("name").asString()).isEqualTo(target.path("name").asString());
        assertThat(actions(task)).containsExactly("ENTER_RESULT");
        JsonNode counts = http.get("/api/orgs/worklists", inspector(assigned.get(0))).json();
        assertThat(counts.path("items").get(0).path("name").asString()).isEqualTo("INSPECTIONS_TO_ENTER");
        assertThat(counts.path("items").get(0).path("count").asLong())
                .isEqualTo(mine.path("page").path("totalElements").asLong()).isPositive();

        // Results: only an inspector the draw in force assigned, once; then follow-ups until rectified.
        String result = """
                {"outcome":"RECTIFICATION_REQUIRED","findings":"未按章程换届","inspectedOn":"%s",
                 "rectificationDeadline":"%s"}""".formatted(today(), today().plusDays(30));
        assertProblem(http.postJson("/api/orgs/inspections/" + inspectionId + "/results", inspector(outsider),
                result), 403, "/problems/not-assigned-inspector");
        try (TopicRecords topic = new TopicRecords("minzheng.orgs")) {
            var entered = http.postJson("/api/orgs/inspections/" + inspectionId + "/results",
                    inspector(assigned.get(0)), result);
            assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
            assertThat(entered.json().path("rectification").asString()).isEqualTo("DUE");
            String orgId = "org-" + target.path("creditCode").asString();
            var records = topic.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> orgId.equals(
                    r.key()) && TopicRecords.type(r).endsWith("org.inspected.v1")));
            var inspected = records.stream().filter(r -> orgId.equals(r.key())).toList();
            assertThat(EventSchemas.violations(inspected)).isEmpty();
            assertThat(TopicRecords.body(inspected.get(inspected.size() - 1))).contains("RANDOM_INSPECTION", planId);
        }
        assertProblem(http.postJson("/api/orgs/inspections/" + inspectionId + "/results",
                inspector(assigned.get(1)), result), 409, "/problems/inspection-result-entered");
        assertThat(http.get("/api/orgs/inspections/assigned?open=true&size=100", inspector(assigned.get(1))).json()
                .path("items").valueStream().map(t -> t.path("inspectionId").asString())).doesNotContain(inspectionId);
        assertThat(actions(http.get("/api/orgs/inspection-plans/" + planId, inspector(assigned.get(1))).json()
                .path("targets").get(1))).containsExactly("FOLLOW_UP");
        assertThat(actions(http.get("/api/orgs/inspection-plans/" + planId, OFFICER).json())).isEmpty();
        var visited = OrgsCalls.postIfMatch(http, inspector(assigned.get(1)), "/api/orgs/inspections/"
                + inspectionId, "/follow-ups", """
                {"visitedOn":"%s","rectified":true,"note":"已完成换届"}""".formatted(today()));
        assertThat(visited.status()).as(visited.toString()).isEqualTo(200);
        assertThat(visited.json().path("rectification").asString()).isEqualTo("RECTIFIED");

        OrgsCalls.postIfMatch(http, OFFICER, "/api/orgs/inspection-plans/" + planId, "/redraw-request",
                "{\"reason\":\"再次调整\"}");
        assertProblem(OrgsCalls.postIfMatch(http, SECOND_OFFICER, "/api/orgs/inspection-plans/" + planId,
                "/redraw", ""), 409, "/problems/redraw-after-results");

        JsonNode published = http.get("/api/orgs/public/inspection-plans/" + planId, null).json();
        assertThat(published.path("targets").get(1).path("outcome").asString()).isEqualTo("RECTIFICATION_REQUIRED");
        assertThat(published.path("targets").get(1).path("rectification").asString()).isEqualTo("RECTIFIED");
        assertThat(published.toString()).doesNotContain("法定代表人系其配偶", "RELATIVE_OF_REPRESENTATIVE");
        assertThat(published.path("exclusions").get(0).path("inspector").asString()).isEqualTo("insp-wj-a");
    }

    /** What anyone computes from the public plan and candidate list alone, with {@link PublishedDraw}. */
    private Map<String, List<String>> drawnAgainFromPublishedData(String planId) throws Exception {
        JsonNode plan = http.get("/api/orgs/public/inspection-plans/" + planId, null).json();
        JsonNode list = http.get("/api/orgs/public/inspection-plans/" + planId + "/candidates", null).json();
        assertThat(list.path("seed").asString()).isEqualTo(plan.path("seed").asString());
        Set<String> excluded = new HashSet<>();
        plan.path("exclusions").forEach(e -> excluded.add(e.path("inspector").asString() + "|"
                + e.path("creditCode").asString()));
        return PublishedDraw.run(plan.path("seed").asString(), strings(list.path("creditCodes")),
                Set.copyOf(strings(list.path("charities"))), plan.path("allCharities").asBoolean(),
                new BigDecimal(plan.path("ratio").asString()), strings(plan.path("pool")), excluded);
    }

    private static List<String> actions(JsonNode record) {
        return strings(record.path("actions"));
    }

    private static Map<String, List<String>> targets(JsonNode plan) {
        Map<String, List<String>> targets = new LinkedHashMap<>();
        plan.path("targets").forEach(t -> targets.put(t.path("creditCode").asString(), strings(t.path("inspectors"))));
        return targets;
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }
}
