package cn.minzheng.assistance.flow;

import static cn.minzheng.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import cn.minzheng.testsupport.EventSchemas;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestInfrastructure;
import cn.minzheng.testsupport.TopicRecords;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * One dibao household from registration to its first payment and to the recalculation after a death, through the
 * real HTTP API, broker and store, with the clock moved past the public notice.
 */
@ServiceTest
@TestPropertySource(properties = "minzheng.clock.movable=true")
class DibaoJourneyTest {

    @LocalServerPort
    int port;

    AssistanceApi api;

    @BeforeEach
    void setUp() {
        api = new AssistanceApi(port);
        api.standard("320404", "800.00", "2018-07-01");
    }

    private java.util.List<JsonNode> monthlyLines(String householdId, YearMonth month) {
        JsonNode page = api.http.get("/api/assistance/payments?householdId=" + householdId + "&month=" + month,
                AssistanceApi.OFFICER).json();
        return page.path("items").valueStream().filter(line -> line.path("kind").asString().equals("MONTHLY"))
                .toList();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void a_household_goes_from_application_through_notice_and_approval_to_payment_and_a_death_recalculates_it(
            CapturedOutput logs) {
        AssistanceApi.Family family = api.family();
        var registered = api.register(family);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.header("ETag")).isEqualTo("\"1\"");
        assertThat(registered.body()).doesNotContain(family.head(), family.spouse(), family.child(), "13912345678",
                "6228480402564890018").contains("139****5678", "***************0018");
        JsonNode household = registered.json();
        String householdId = household.path("id").asString();
        // Found by a member's ID number (in the body, never a URL) through its keyed index, answered masked.
        var byNumber = api.http.postJson("/api/assistance/households/search", AssistanceApi.OFFICER,
                "{\"idNumber\":\"" + family.spouse() + "\"}");
        assertThat(byNumber.json().size()).as(byNumber.toString()).isEqualTo(1);
        assertThat(byNumber.json().get(0).path("id").asString()).isEqualTo(householdId);
        assertThat(byNumber.body()).doesNotContain(family.spouse());
        assertThat(api.http.postJson("/api/assistance/households/search", AssistanceApi.OTHER_TOWNSHIP,
                "{\"idNumber\":\"" + family.spouse() + "\"}").json().size())
                .as("another township's officer finds nothing of this one").isZero();
        // By the beginning of a member's name: a surname will do, only the caller's division, at most 50.
        var byName = api.http.postJson("/api/assistance/households/search", AssistanceApi.OFFICER,
                "{\"name\":\"李小\"}");
        assertThat(byName.status()).as(byName.toString()).isEqualTo(200);
        assertThat(byName.json().size()).isBetween(1, 50);
        assertThat(byName.json()).allSatisfy(found -> {
            assertThat(found.path("divisionCode").asString()).startsWith("320404001");
            assertThat(found.path("members").toString()).contains("\"name\":\"李小");
        });
        assertProblem(api.http.postJson("/api/assistance/households/search", AssistanceApi.OFFICER,
                "{\"name\":\"李小红\",\"idNumber\":\"" + family.spouse() + "\"}"), 400, "invalid-request", "name");
        String childRef = StreamSupport.stream(household.path("members").spliterator(), false)
                .filter(m -> m.path("relation").asString().equals("CHILD")).findFirst().orElseThrow()
                .path("personRef").asString();

        long toReview = toReview();
        JsonNode application = api.apply(householdId, AssistanceApi.OFFICER);
        assertThat(toReview()).as("the officer's worklist counts the new application").isEqualTo(toReview + 1);
        String applicationId = application.path("id").asString();
        assertThat(application.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(application.path("meansTest").path("perCapitaIncome").decimalValue()).isEqualByComparingTo("100");

        String traceId = UUID.randomUUID().toString().replace("-", "");
        var reviewed = api.review(applicationId, "PASS", "00-" + traceId + "-00f067aa0ba902b7-01");
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        assertThat(reviewed.json().path("status").asString()).isEqualTo("PUBLIC_NOTICE");
        LocalDate noticeUntil = LocalDate.parse(reviewed.json().path("notice").path("until").asString());

        var notices = api.http.get("/api/assistance/public-notices?division=320404001", null);
        assertThat(notices.status()).isEqualTo(200);
        assertThat(notices.body()).contains(applicationId, "张**").doesNotContain(family.head(), "张大伟");

        var tooEarly = api.approve(applicationId, AssistanceApi.APPROVER);
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.json().path("type").asString()).isEqualTo("/problems/notice-running");
        assertThat(tooEarly.json().path("detail").asString()).contains(noticeUntil.toString());

        var objection = api.http.postJson("/api/assistance/applications/" + applicationId + "/objections",
                AssistanceApi.OFFICER, "{\"text\":\"邻居反映其有经营收入\"}");
        assertThat(objection.status()).isEqualTo(200);
        String objectionId = objection.json().path("objections").get(0).path("id").asString();

        // Read-only roles never object (an objection blocks the approval); 403 before the body is read.
        for (String readOnly : new String[] {AssistanceApi.AUDITOR, AssistanceApi.ADMIN}) {
            assertThat(api.http.postJson("/api/assistance/applications/" + applicationId + "/objections", readOnly,
                    "{\"text\":\"审计员不应能提异议\"}").status()).isEqualTo(403);
        }
        // Anyone may object from the notice page without logging in; nothing about the household is echoed.
        var fromPublic = api.http.asGateway().postJson("/api/assistance/public-notices/" + applicationId + "/objections", null,
                "{\"text\":\"该户开有小卖部\"}");
        assertThat(fromPublic.status()).as(fromPublic.toString()).isEqualTo(202);
        assertThat(fromPublic.json().path("noticeUntil").asString()).isEqualTo(noticeUntil.toString());
        assertThat(fromPublic.body()).doesNotContain("张", "小卖部", applicationId);
        assertThat(api.http.asGateway().postJson("/api/assistance/public-notices/" + applicationId + "/objections", null,
                "{}").status()).isEqualTo(400);
        var objections = api.http.get("/api/assistance/applications/" + applicationId, AssistanceApi.OFFICER).json()
                .path("objections");
        assertThat(objections.size()).isEqualTo(2);
        String publicObjectionId = objections.get(1).path("id").asString();
        assertThat(objections.get(1).path("by").asString()).isEqualTo("(public notice page)");

        api.advancePast(noticeUntil);
        assertThat(api.http.asGateway().postJson("/api/assistance/public-notices/" + applicationId + "/objections", null,
                "{\"text\":\"迟到的异议\"}").status()).isEqualTo(409);
        var withObjection = api.approve(applicationId, AssistanceApi.APPROVER);
        assertThat(withObjection.status()).isEqualTo(409);
        assertThat(withObjection.json().path("type").asString()).isEqualTo("/problems/open-objections");

        var resolved = api.http.postJson("/api/assistance/applications/" + applicationId + "/objections/"
                + objectionId + "/resolution", AssistanceApi.OFFICER,
                "{\"outcome\":\"DISMISSED\",\"note\":\"核查无经营收入\"}");
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(api.http.postJson("/api/assistance/applications/" + applicationId + "/objections/"
                + publicObjectionId + "/resolution", AssistanceApi.OFFICER,
                "{\"outcome\":\"DISMISSED\",\"note\":\"经营已于去年停止\"}").status()).isEqualTo(200);

        var approved = api.approve(applicationId, AssistanceApi.APPROVER);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        String enrolmentId = approved.json().path("enrolmentId").asString();

        // (800 - 300/3) x 3 = 2100, plus 10 % of 800 for the child
        JsonNode enrolment = api.http.get("/api/assistance/enrolments/" + enrolmentId, AssistanceApi.OFFICER).json();
        assertThat(enrolment.path("monthlyAmount").decimalValue()).isEqualByComparingTo("2180.00");
        assertThat(enrolment.path("breakdown").size()).isEqualTo(4);
        YearMonth firstMonth = YearMonth.parse(enrolment.path("startMonth").asString());

        var payroll = api.http.postJson("/api/assistance/payrolls", AssistanceApi.APPROVER,
                "{\"month\":\"" + firstMonth + "\",\"divisionCode\":\"320404\"}");
        assertThat(payroll.status()).as(payroll.toString()).isIn(200, 202);
        String payrollId = payroll.json().path("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.http.get("/api/assistance/payrolls/" + payrollId,
                AssistanceApi.APPROVER).json().path("status").asString().equals("COMPLETED"));
        // (Other tests' holiday runs may add HOLIDAY lines for the household; the monthly line is what this checks.)
        var payments = monthlyLines(householdId, firstMonth);
        assertThat(payments).hasSize(1);
        assertThat(payments.get(0).path("amount").decimalValue()).isEqualByComparingTo("2180.00");
        // The run's payment list opens in a spreadsheet: a BOM, Chinese headers, the household's line.
        var list = api.http.get("/api/assistance/payrolls/" + payrollId + "/payments.csv", AssistanceApi.APPROVER);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).startsWith("\uFEFF发放编号,家庭编号").contains(householdId + ",", "最低生活保障", "2180.00");

        var again = api.http.postJson("/api/assistance/payrolls", AssistanceApi.APPROVER,
                "{\"month\":\"" + firstMonth + "\",\"divisionCode\":\"320404\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asString()).isEqualTo(payrollId);
        assertThat(monthlyLines(householdId, firstMonth)).hasSize(1);

        // The child dies in the first paid month: from the next month two members count: (800 - 150) x 2 = 1300.
        String funeralTrace = UUID.randomUUID().toString().replace("-", "");
        TopicRecords.sendCloudEvent(TestInfrastructure.get().kafkaBootstrapServers(), "minzheng.funeral",
                "death-" + UUID.randomUUID(), "minzheng.funeral.death.recorded.v1", UUID.randomUUID().toString(),
                "{\"personRef\":\"" + childRef + "\",\"dateOfDeath\":\"" + firstMonth.atDay(10)
                        + "\",\"cremationPlanned\":true}", "00-" + funeralTrace + "-b7ad6b7169203331-01");
        String nextMonth = firstMonth.plusMonths(1).toString();
        await().atMost(Duration.ofSeconds(60)).until(() -> api.http.get("/api/assistance/enrolments/"
                + enrolmentId, AssistanceApi.OFFICER).json().path("history").valueStream()
                .anyMatch(period -> period.path("fromMonth").asString().equals(nextMonth)));
        JsonNode after = api.http.get("/api/assistance/enrolments/" + enrolmentId, AssistanceApi.OFFICER).json();
        JsonNode fromNextMonth = after.path("history").valueStream()
                .filter(period -> period.path("fromMonth").asString().equals(nextMonth)).findFirst().orElseThrow();
        assertThat(fromNextMonth.path("monthlyAmount").decimalValue()).isEqualByComparingTo("1300.00");

        // The death was recorded in error and is retracted: the child counts again from the same month (2180), and
        // assistance reports what it reversed (twice delivered: one report).
        String deathId = "death-" + childRef;
        String retraction = UUID.randomUUID().toString();
        try (TopicRecords reports = new TopicRecords("minzheng.assistance")) {
            for (int i = 0; i < 2; i++) {
                TopicRecords.sendCloudEvent("minzheng.funeral", childRef, "minzheng.funeral.death.retracted.v1",
                        retraction, "{\"deathId\":\"" + deathId + "\",\"personRef\":\"" + childRef
                                + "\",\"dateOfDeath\":\"" + firstMonth.atDay(10)
                                + "\",\"residenceDivision\":\"320404001\",\"reason\":\"错录\"}");
            }
            var handled = reports.awaitUntil(Duration.ofSeconds(60), rs -> rs.stream()
                    .anyMatch(r -> TopicRecords.type(r).endsWith("death.retraction-handled.v1")));
            var report = handled.stream().filter(r -> TopicRecords.type(r).endsWith("death.retraction-handled.v1"))
                    .toList();
            assertThat(report).hasSize(1);
            assertThat(EventSchemas.violations(report)).isEmpty();
            assertThat(TopicRecords.body(report.get(0))).contains("MEMBER_REINSTATED", householdId)
                    .doesNotContain(family.child());
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode reinstated = api.http.get("/api/assistance/enrolments/" + enrolmentId, AssistanceApi.OFFICER)
                    .json();
            JsonNode latest = reinstated.path("history").valueStream()
                    .filter(period -> period.path("fromMonth").asString().equals(nextMonth))
                    .reduce((first, second) -> second).orElseThrow();
            assertThat(latest.path("monthlyAmount").decimalValue()).isEqualByComparingTo("2180.00");
        });
        JsonNode changes = api.http.get("/api/assistance/households/" + householdId, AssistanceApi.OFFICER).json()
                .path("changes");
        assertThat(changes.toString()).contains("DEATH_RETRACTED");
        // The history a clerk reads is in Chinese (English on request), never the code's English.
        assertThat(changes.get(0).path("summary").asString()).startsWith("登记家庭");
        assertThat(changes.get(changes.size() - 1).path("summary").asString())
                .matches("成员自 \\d{4}-\\d{2}-\\d{2} 起恢复计入（死亡信息已撤回）");
        assertThat(api.http.send(api.http.request("/api/assistance/households/" + householdId, AssistanceApi.OFFICER)
                .header("Accept-Language", "en").GET()).json().path("changes").get(0).path("summary").asString())
                .startsWith("Household registered");

        try (TopicRecords events = new TopicRecords("minzheng.assistance")) {
            var records = events.awaitUntil(Duration.ofSeconds(30), received -> received.stream()
                    .map(TopicRecords::type).filter(t -> t.endsWith("assistance.changed.v1")).count() >= 1
                    && received.stream().anyMatch(r -> TopicRecords.type(r).endsWith("subsidy.paid.v1")));
            assertThat(records).extracting(TopicRecords::type).contains(
                    "minzheng.assistance.household.reviewed.v1", "minzheng.assistance.assistance.approved.v1",
                    "minzheng.assistance.subsidy.paid.v1", "minzheng.assistance.payroll.completed.v1",
                    "minzheng.assistance.assistance.changed.v1");
            var ours = records.stream().filter(r -> TopicRecords.body(r).contains(householdId)
                    || r.key().equals(payrollId)).toList();
            assertThat(EventSchemas.violations(ours)).isEmpty();
            // The portal's trace continues into the event its request caused.
            assertThat(ours.stream().filter(r -> TopicRecords.type(r).endsWith("household.reviewed.v1"))
                    .map(r -> TopicRecords.header(r, "traceparent")).findFirst().orElseThrow()).contains(traceId);
            // ...and funeral's trace continues through the death event into the recalculation it caused.
            assertThat(ours.stream().filter(r -> TopicRecords.type(r).endsWith("assistance.changed.v1"))
                    .map(r -> TopicRecords.header(r, "traceparent")).toList()).anyMatch(t -> t.contains(funeralTrace));
            assertThat(records).map(TopicRecords::body).noneMatch(body -> body.contains(family.head())
                    || body.contains(family.child()) || body.contains(family.spouse()));
            assertThat(records).flatMap(r -> java.util.Arrays.stream(r.headers().toArray())
                    .map(h -> new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)).toList())
                    .noneMatch(header -> header.contains(family.head()) || header.contains(family.child()));
        }
        // The full numbers were read once on purpose (audited); none of them reached a log line.
        assertThat(api.http.get("/api/assistance/households/" + householdId + "/id-numbers", AssistanceApi.OFFICER)
                .body()).contains(family.head());
        assertThat(logs.getAll()).doesNotContain(family.head(), family.spouse(), family.child());
    }

    /** The officer's APPLICATIONS_TO_REVIEW count, checked against the total of the list it names. */
    private long toReview() {
        JsonNode entry = StreamSupport.stream(api.http.get("/api/assistance/worklists", AssistanceApi.OFFICER).json()
                .path("items").spliterator(), false)
                .filter(e -> e.path("name").asString().equals("APPLICATIONS_TO_REVIEW")).findFirst().orElseThrow();
        assertThat(api.http.get(entry.path("list").asString(), AssistanceApi.OFFICER).json().path("page")
                .path("totalElements").asLong()).isEqualTo(entry.path("count").asLong());
        return entry.path("count").asLong();
    }
}
