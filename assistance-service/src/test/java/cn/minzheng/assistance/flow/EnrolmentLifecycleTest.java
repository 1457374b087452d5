package cn.minzheng.assistance.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** After approval: gradual exit, termination with four eyes, a new standard, holiday payments, statistics. */
@ServiceTest
@TestPropertySource(properties = {"minzheng.clock.movable=true",
        "minzheng.assistance.standard-rollout-interval=PT0.5S",
        "minzheng.assistance.gradual-exit-sweep-interval=PT0.5S"})
class EnrolmentLifecycleTest {

    @LocalServerPort
    int port;

    AssistanceApi api;

    @BeforeEach
    void setUp() {
        api = new AssistanceApi(port);
        api.standard("320404", "800.00", "2018-07-01");
    }

    /** Registers the standard family and walks it to an enrolment; returns the household and the enrolment. */
    private JsonNode[] enrolled() {
        JsonNode household = api.register(api.family()).json();
        String applicationId = api.apply(household.path("id").asString(), AssistanceApi.OFFICER).path("id")
                .asString();
        var reviewed = api.review(applicationId, "PASS", "00-" + "1".repeat(32) + "-" + "2".repeat(16) + "-01");
        LocalDate until = LocalDate.parse(reviewed.json().path("notice").path("until").asString());
        api.advancePast(until);
        String enrolmentId = api.approve(applicationId, AssistanceApi.APPROVER).json().path("enrolmentId").asString();
        return new JsonNode[] {household, enrolment(enrolmentId)};
    }

    private JsonNode enrolment(String id) {
        return api.http.get("/api/assistance/enrolments/" + id, AssistanceApi.OFFICER).json();
    }

    /**
     * Registers a household in a county of its own (members as JSON) and walks its dibao application to an
     * enrolment there; returns the household as registered and the enrolment as approved.
     */
    private JsonNode[] enrolledInCounty(String officer, String approver, String division, String members) {
        JsonNode household = api.http.postJson("/api/assistance/households", officer, """
                {"divisionCode":"%s","residence":"RURAL","address":"某村","members":%s,
                 "assets":{"deposits":0,"vehicles":0,"houses":1}}""".formatted(division, members)).json();
        String applicationId = api.http.postJson("/api/assistance/applications", officer,
                "{\"householdId\":\"" + household.path("id").asString()
                        + "\",\"programme\":\"DIBAO\",\"reason\":\"低收入\"}")
                .json().path("id").asString();
        LocalDate until = LocalDate.parse(api.http.postJson("/api/assistance/applications/" + applicationId
                + "/review", officer, "{\"decision\":\"PASS\",\"opinion\":\"属实\"}").json().path("notice")
                .path("until").asString());
        api.advancePast(until);
        String enrolmentId = api.http.postJson("/api/assistance/applications/" + applicationId + "/approval",
                approver, "{\"decision\":\"APPROVE\",\"opinion\":\"同意\"}").json().path("enrolmentId").asString();
        return new JsonNode[] {household, api.http.get("/api/assistance/enrolments/" + enrolmentId, officer).json()};
    }

    @Test
    void income_from_work_above_the_standard_starts_a_gradual_exit_that_still_pays_six_months() {
        JsonNode[] pair = enrolled();
        String enrolmentId = pair[1].path("id").asString();
        YearMonth start = YearMonth.parse(pair[1].path("startMonth").asString());
        String head = pair[0].path("members").get(0).path("personRef").asString();
        var changed = api.http.postJson("/api/assistance/households/" + pair[0].path("id").asString() + "/changes",
                AssistanceApi.OFFICER, """
                {"reason":"户主就业","effectiveOn":"%s","memberChanges":[{"personRef":"%s","employed":true,
                 "monthlyIncome":4000.00}]}""".formatted(start.atDay(1), head));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        JsonNode after = enrolment(enrolmentId);
        assertThat(after.path("status").asString()).isEqualTo("GRADUAL_EXIT");
        assertThat(after.path("termination").path("lastMonth").asString()).isEqualTo(start.plusMonths(5).toString());

        // Eight months on, the exit has paid its last month: the enrolment ends and the programme is free again.
        api.advanceClock("P250D");
        await().atMost(Duration.ofSeconds(30)).until(() -> enrolment(enrolmentId).path("status").asString()
                .equals("TERMINATED"));
        assertThat(enrolment(enrolmentId).path("termination").path("reason").asString())
                .isEqualTo("GRADUAL_EXIT_ENDED");
        assertThat(api.http.get("/api/assistance/households/" + pair[0].path("id").asString(),
                AssistanceApi.OFFICER).json().path("status").asString()).isEqualTo("REGISTERED");
    }

    @Test
    void an_enrolment_appears_on_the_review_worklist_once_its_review_falls_due() {
        String enrolmentId = enrolled()[1].path("id").asString();
        LocalDate today = api.serviceToday();
        String dueWithinAYear = api.http.get("/api/assistance/enrolments?division=320404001&reviewDueBefore="
                + today.plusYears(1).plusDays(1) + "&size=200", AssistanceApi.OFFICER).body();
        String dueToday = api.http.get("/api/assistance/enrolments?division=320404001&reviewDueBefore=" + today
                + "&size=200", AssistanceApi.OFFICER).body();
        assertThat(dueWithinAYear).contains(enrolmentId);
        assertThat(dueToday).doesNotContain(enrolmentId);
    }

    @Test
    void the_township_proposes_termination_and_a_county_approver_confirms_it() {
        String enrolmentId = enrolled()[1].path("id").asString();
        var proposed = api.http.postJson("/api/assistance/enrolments/" + enrolmentId + "/termination",
                AssistanceApi.OFFICER, "{\"reason\":\"RECTIFICATION: 人情保\"}");
        assertThat(proposed.json().path("status").asString()).isEqualTo("TERMINATION_PROPOSED");
        var confirmed = api.http.postJson("/api/assistance/enrolments/" + enrolmentId + "/termination/decision",
                AssistanceApi.APPROVER, "{\"decision\":\"CONFIRM\",\"opinion\":\"核实属实\"}");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asString()).isEqualTo("TERMINATED");

        LocalDate today = api.serviceToday().plusDays(1);
        JsonNode stats = api.http.get("/api/assistance/stats?division=320404&from=2020-01-01&to=" + today,
                AssistanceApi.APPROVER).json();
        assertThat(stats.path("removedByRectification").path("RECTIFICATION: 人情保").asLong()).isPositive();
        assertThat(stats.path("perProgramme").path("DIBAO").path("householdsTerminated").asLong()).isPositive();
    }

    /** In its own county (武进区, 320412), so the new standard changes no other test's households. */
    @Test
    void a_new_standard_recalculates_enrolments_from_its_effective_month() {
        String officer = TestJwts.token("wj-officer", "320412001", "township-officer");
        String approver = TestJwts.token("wj-approver", "320412", "county-approver");
        api.http.postJson("/api/assistance/standards", approver, """
                {"divisionCode":"320412","programme":"DIBAO","residence":"ALL","amount":800.00,"effectiveFrom":"2018-07-01"}""");
        String id = TestIdNumbers.male("320412", LocalDate.of(1990, 5, 5));
        JsonNode enrolment = enrolledInCounty(officer, approver, "320412001001", """
                [{"idNumber":"%s","name":"陈一","relation":"HEAD","disabilityGrade":0,"employed":false,
                  "monthlyIncome":100.00}]""".formatted(id))[1];
        String enrolmentId = enrolment.path("id").asString();
        assertThat(enrolment.path("monthlyAmount").decimalValue()).isEqualByComparingTo("700.00");
        YearMonth start = YearMonth.parse(enrolment.path("startMonth").asString());

        api.http.postJson("/api/assistance/standards", approver, """
                {"divisionCode":"320412","programme":"DIBAO","residence":"ALL","amount":900.00,"effectiveFrom":"%s"}
                """.formatted(start.plusMonths(1).atDay(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.http.get("/api/assistance/enrolments/"
                + enrolmentId, officer).json().path("history").size() == 2);
        JsonNode history = api.http.get("/api/assistance/enrolments/" + enrolmentId, officer).json().path("history");
        assertThat(history.get(1).path("fromMonth").asString()).isEqualTo(start.plusMonths(1).toString());
        assertThat(history.get(1).path("monthlyAmount").decimalValue()).isEqualByComparingTo("800.00");
    }

    /**
     * A standard that rolls out after a later change must not erase it (it once did: the rollout replaced every period
     * from its month with one amount for that month's members, and a member who had left from a later month counted
     * again). In its own county (溧阳市, 320481), so no other test's standard rolls out over it.
     */
    @Test
    void a_new_standard_keeps_a_later_change_of_members() {
        String officer = TestJwts.token("ly-officer", "320481001", "township-officer");
        String approver = TestJwts.token("ly-approver", "320481", "county-approver");
        api.http.postJson("/api/assistance/standards", approver, """
                {"divisionCode":"320481","programme":"DIBAO","residence":"ALL","amount":800.00,"effectiveFrom":"2018-07-01"}""");
        String head = TestIdNumbers.male("320481", LocalDate.of(1970, 2, 2));
        String son = TestIdNumbers.male("320481", LocalDate.of(2000, 3, 3));
        JsonNode[] enrolled = enrolledInCounty(officer, approver, "320481001001", """
                [{"idNumber":"%s","name":"周一","relation":"HEAD","disabilityGrade":0,"employed":false,"monthlyIncome":0},
                 {"idNumber":"%s","name":"周二","relation":"CHILD","disabilityGrade":0,"employed":false,"monthlyIncome":0}]"""
                .formatted(head, son));
        JsonNode household = enrolled[0];
        String householdId = household.path("id").asString();
        String enrolmentId = enrolled[1].path("id").asString();
        YearMonth start = YearMonth.parse(enrolled[1].path("startMonth").asString());

        // The son leaves the household from the third month: the enrolment pays one member from then on.
        String sonRef = household.path("members").get(1).path("personRef").asString();
        var left = api.http.postJson("/api/assistance/households/" + householdId + "/changes", officer, """
                {"reason":"儿子户口迁出","effectiveOn":"%s","membersLeaving":["%s"]}"""
                .formatted(start.plusMonths(2).atDay(1), sonRef));
        assertThat(left.status()).as(left.toString()).isEqualTo(200);
        JsonNode before = api.http.get("/api/assistance/enrolments/" + enrolmentId, officer).json().path("history");
        assertThat(before.size()).as(before.toString()).isEqualTo(2);
        assertThat(before.get(1).path("monthlyAmount").decimalValue()).isEqualByComparingTo("800.00");

        // Then a higher standard from the second month rolls out.
        api.http.postJson("/api/assistance/standards", approver, """
                {"divisionCode":"320481","programme":"DIBAO","residence":"ALL","amount":900.00,"effectiveFrom":"%s"}
                """.formatted(start.plusMonths(1).atDay(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.http.get("/api/assistance/enrolments/"
                + enrolmentId, officer).json().path("history").valueStream()
                .anyMatch(period -> period.path("fromMonth").asString().equals(start.plusMonths(1).toString())));
        JsonNode history = api.http.get("/api/assistance/enrolments/" + enrolmentId, officer).json().path("history");
        assertThat(history.size()).as(history.toString()).isEqualTo(3);
        assertThat(history.get(1).path("monthlyAmount").decimalValue()).isEqualByComparingTo("1800.00");
        assertThat(history.get(2).path("fromMonth").asString()).isEqualTo(start.plusMonths(2).toString());
        assertThat(history.get(2).path("monthlyAmount").decimalValue()).isEqualByComparingTo("900.00");
        assertThat(history.get(2).path("reason").toString()).contains("儿子户口迁出");
    }

    @Test
    void a_holiday_payment_pays_each_selected_household_once() {
        JsonNode enrolment = enrolled()[1];
        String month = enrolment.path("startMonth").asString();
        var holiday = api.http.postJson("/api/assistance/payrolls", AssistanceApi.APPROVER, """
                {"month":"%s","divisionCode":"320404","holiday":{"name":"spring-festival","programmes":["DIBAO","TEKUN"],
                 "amountPerHousehold":500.00}}""".formatted(month));
        String payrollId = holiday.json().path("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.http.get("/api/assistance/payrolls/" + payrollId,
                AssistanceApi.APPROVER).json().path("status").asString().equals("COMPLETED"));
        JsonNode lines = api.http.get("/api/assistance/payments?householdId=" + enrolment.path("householdId")
                .asString() + "&month=" + month, AssistanceApi.OFFICER).json();
        var holidayLines = lines.path("items").valueStream()
                .filter(line -> line.path("kind").asString().equals("HOLIDAY")).toList();
        assertThat(holidayLines).hasSize(1);
        assertThat(holidayLines.get(0).path("amount").decimalValue()).isEqualByComparingTo("500.00");
    }
}
