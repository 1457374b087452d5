package cn.minzheng.assistance.allowance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Category allowances through the HTTP API, with the service clock: rules as data with four eyes, a widening
 * entered late that applies from its date (with arrears) and not before, and a person turning 80 who is proposed,
 * confirmed, paid, and moved to the next band at 90. The widening runs first: the old-age journey moves the clock
 * ten years.
 */
@ServiceTest
@TestPropertySource(properties = {"minzheng.clock.movable=true",
        "minzheng.assistance.allowance-sweep-initial-delay=PT1H"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AllowanceJourneyTest {

    static final String ZL_OFFICER = TestJwts.token("officer-a", "320404001", "township-officer");
    static final String ZL_APPROVER = TestJwts.token("approver-c", "320404", "county-approver");
    static final String ZL_APPROVER_2 = TestJwts.token("approver-g", "320404", "county-approver");
    static final String JT_OFFICER = TestJwts.token("officer-j", "320413001", "township-officer");
    static final String JT_APPROVER = TestJwts.token("approver-j", "320413", "county-approver");
    static final String JT_APPROVER_2 = TestJwts.token("approver-k", "320413", "county-approver");
    static final String ADMIN = TestJwts.token("admin-d", "320404", "admin");

    @LocalServerPort
    int port;

    HttpCalls http;

    @BeforeEach
    void setUp() {
        http = new HttpCalls("http://127.0.0.1:" + port);
    }

    static String rules(String county, String effectiveFrom, String extraLivingCriterion) {
        return """
                {"county":"%s","effectiveFrom":"%s","note":"县民政局分类补贴实施细则",
                 "programmes":[
                  {"programme":"OLD_AGE","bands":[{"minAge":80,"maxAge":89,"amount":100.00},
                     {"minAge":90,"maxAge":99,"amount":200.00},{"minAge":100,"amount":500.00}],
                   "criteria":[{"id":"age-80","minAge":80}]},
                  {"programme":"DISABILITY_LIVING","amount":150.00,"criteria":[
                     {"id":"poor-household","disabilityGrades":[1,2,3,4],"householdProgrammes":["DIBAO","TEKUN"]}%s]},
                  {"programme":"DISABILITY_CARE","amount":120.00,"criteria":[{"id":"severe","disabilityGrades":[1,2]},
                     {"id":"mental-3-4","disabilityGrades":[3,4],"disabilityTypes":["INTELLECTUAL","MENTAL"]}]},
                  {"programme":"ORPHAN_SCATTERED","amount":1500.00,"criteria":[{"id":"orphan","childStatuses":["ORPHAN"]}]}],
                 "exclusiveGroups":[["ORPHAN_SCATTERED","DISABILITY_LIVING"]],"childDirectorStipend":300.00}
                """.formatted(county, effectiveFrom, extraLivingCriterion);
    }

    static final String DAFENG_WIDENING = """
            ,{"id":"grade3-physical-unemployed","disabilityGrades":[3],"disabilityTypes":["PHYSICAL"],"minAge":18,"employed":false}""";

    /** Proposes and approves a rule version with two approvers; the proposer alone is refused. */
    void inForce(String county, String body, String proposer, String approver) {
        var proposed = http.postJson("/api/assistance/allowance-rules", proposer, body);
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        int number = proposed.json().path("versions").size();
        assertThat(proposed.json().path("decidable").valueStream().map(JsonNode::asInt))
                .as("the proposer may not decide it").doesNotContain(number);
        assertThat(http.get("/api/assistance/allowance-rules/" + county, approver).json().path("decidable")
                .valueStream().map(JsonNode::asInt)).contains(number);
        String decision = "/api/assistance/allowance-rules/" + county + "/versions/" + number + "/decision";
        var own = http.postJson(decision, proposer, "{\"decision\":\"APPROVE\"}");
        assertThat(own.status()).as(own.toString()).isEqualTo(403);
        assertThat(own.json().path("type").asString()).endsWith("/four-eyes");
        var approved = http.postJson(decision, approver, "{\"decision\":\"APPROVE\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    }

    String household(String token, String village, String members) {
        var registered = http.postJson("/api/assistance/households", token, """
                {"divisionCode":"%s","residence":"RURAL","address":"某村 8 号","members":[%s],
                 "assets":{"deposits":0,"vehicles":0,"houses":1}}""".formatted(village, members));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.json().path("members").get(0).path("personRef").asString();
    }

    JsonNode proposal(String token, String programme, String personRef) {
        var found = http.get("/api/assistance/allowance-proposals/prop-" + programme + "-" + personRef, token);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        return found.json();
    }

    LocalDate serviceToday() {
        return OffsetDateTime.parse(http.get("/api/assistance/dev/clock", ADMIN).json().path("now").asString())
                .atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
    }

    void advance(String by) {
        var moved = http.postJson("/api/assistance/dev/clock", ADMIN, "{\"by\":\"" + by + "\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }

    JsonNode payroll(String county, YearMonth month, String approver) {
        var started = http.postJson("/api/assistance/payrolls", approver,
                "{\"month\":\"%s\",\"divisionCode\":\"%s\"}".formatted(month, county));
        assertThat(started.status()).as(started.toString()).isIn(200, 202);
        String id = started.json().path("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(
                http.get("/api/assistance/payrolls/" + id, approver).json().path("status").asString()));
        return http.get("/api/assistance/payrolls/" + id, approver).json();
    }

    List<String> lines(String allowanceId, String token) {
        List<String> lines = new ArrayList<>();
        http.get("/api/assistance/allowances/" + allowanceId + "/payments", token).json().forEach(line -> lines.add(
                line.path("month").asString() + " " + line.path("kind").asString() + " "
                        + line.path("amount").decimalValue().setScale(2).toPlainString()));
        return lines;
    }

    @Test
    @Order(1)
    void a_widening_entered_late_applies_from_its_date_with_arrears_and_not_before() {
        inForce("320413", rules("320413", "2018-01-01", ""), JT_APPROVER, JT_APPROVER_2);
        String idNumber = TestIdNumbers.male("320413", LocalDate.of(1985, 4, 2));
        String person = household(JT_OFFICER, "320413001002", """
                {"idNumber":"%s","name":"钱建国","relation":"HEAD","disabilityGrade":3,"disabilityCategory":"PHYSICAL",
                 "employed":false,"monthlyIncome":1200.00}""".formatted(idNumber));

        // Under version 1 an unemployed adult with a grade-3 physical disability in no poor household gets nothing.
        var refused = http.postJson("/api/assistance/allowances", JT_OFFICER, """
                {"idNumber":"%s","name":"钱建国","divisionCode":"320413001002","programme":"DISABILITY_LIVING",
                 "disabilityGrade":3,"disabilityType":"PHYSICAL","employed":false}""".formatted(idNumber));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("type").asString()).endsWith("/not-eligible");
        assertThat(refused.json().path("detail").asString()).contains("320413").contains("第 1 版");
        assertThat(http.get("/api/assistance/allowances?division=320413&programme=DISABILITY_LIVING", JT_APPROVER)
                .json().path("page").path("totalElements").asLong()).isZero();

        // In December the county enters a widening dated 1 July (the Dafeng way), approved by a second approver.
        inForce("320413", rules("320413", "2026-07-01", DAFENG_WIDENING), JT_APPROVER, JT_APPROVER_2);
        JsonNode proposed = proposal(JT_OFFICER, "DISABILITY_LIVING", person);
        assertThat(proposed.path("startMonth").asString()).isEqualTo("2026-07");
        assertThat(proposed.path("ruleVersion").asInt()).isEqualTo(2);
        assertThat(proposed.path("criterionId").asString()).isEqualTo("grade3-physical-unemployed");
        assertThat(proposed.path("trigger").asString()).isEqualTo("RULES_CHANGED");
        assertThat(proposed.path("idNumber").asString()).doesNotContain(idNumber.substring(6, 14));

        var confirmed = http.postJson("/api/assistance/allowance-proposals/" + proposed.path("id").asString()
                + "/confirmation", JT_OFFICER, "");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        String allowanceId = confirmed.json().path("id").asString();
        assertThat(confirmed.json().path("startMonth").asString()).isEqualTo("2026-07");
        assertThat(confirmed.json().path("history").get(0).path("ruleVersion").asInt()).isEqualTo(2);

        // A village child director serves from January: the same payroll pays the county's stipend.
        var director = http.postJson("/api/assistance/child-directors", JT_OFFICER, """
                {"username":"cd-jt-1","idNumber":"%s","name":"周敏","divisionCode":"320413001002",
                 "servesFrom":"2026-01-01"}""".formatted(TestIdNumbers.female("320413", LocalDate.of(1980, 7, 15))));
        assertThat(director.status()).as(director.toString()).isEqualTo(201);

        // The month's payroll pays December and the arrears from July; nothing for June.
        YearMonth now = YearMonth.from(serviceToday());
        payroll("320413", now, JT_APPROVER);
        List<String> paid = lines(allowanceId, JT_OFFICER);
        List<String> expected = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2026, 7); m.isBefore(now); m = m.plusMonths(1)) {
            expected.add(m + " ALLOWANCE_ARREARS 150.00");
        }
        expected.add(now + " ALLOWANCE 150.00");
        assertThat(paid).containsExactlyElementsOf(expected);
        assertThat(paid).noneMatch(line -> line.startsWith("2026-06"));

        // Running the payroll again pays nothing twice.
        payroll("320413", now, JT_APPROVER);
        assertThat(lines(allowanceId, JT_OFFICER)).containsExactlyElementsOf(expected);

        // The report's figures come from the lines: one person, the arrears months and this one; one director.
        JsonNode stats = http.get("/api/assistance/stats/allowances?division=320413&from=2026-01-01&to="
                + now.atEndOfMonth(), JT_APPROVER).json();
        JsonNode living = stats.path("allowances").path("DISABILITY_LIVING");
        assertThat(living.path("people").asInt()).isEqualTo(1);
        assertThat(living.path("lines").asInt()).isEqualTo(expected.size());
        assertThat(living.path("amount").decimalValue()).isEqualByComparingTo(
                new java.math.BigDecimal("150.00").multiply(java.math.BigDecimal.valueOf(expected.size())));
        assertThat(stats.path("childDirectorsPaid").path("people").asInt()).isEqualTo(1);
        assertThat(stats.path("childDirectorsPaid").path("amount").decimalValue()).isEqualByComparingTo("300.00");
    }

    @Test
    @Order(2)
    void a_person_turning_80_is_proposed_confirmed_paid_and_moves_to_the_next_band_at_90() {
        inForce("320404", rules("320404", "2018-01-01", ""), ZL_APPROVER, ZL_APPROVER_2);
        LocalDate today = serviceToday();
        // Turns 80 on the 20th of next month: proposed from the month after (ages are taken on the 1st).
        LocalDate birth = today.withDayOfMonth(20).plusMonths(1).minusYears(80);
        String person = household(ZL_OFFICER, "320404001007", """
                {"idNumber":"%s","name":"孙秀英","relation":"HEAD","disabilityGrade":0,"employed":false,
                 "monthlyIncome":0}""".formatted(TestIdNumbers.female("320404", birth)));
        YearMonth eightieth = YearMonth.from(birth.plusYears(80)).plusMonths(1);

        advance("P1D");
        assertThat(http.get("/api/assistance/allowance-proposals/prop-OLD_AGE-" + person, ZL_OFFICER).status())
                .as("not yet proposed: 80 only in two months").isEqualTo(404);
        advance("P31D");
        JsonNode proposed = proposal(ZL_OFFICER, "OLD_AGE", person);
        assertThat(proposed.path("startMonth").asString()).isEqualTo(eightieth.toString());
        assertThat(proposed.path("trigger").asString()).isEqualTo("AGE_REACHED");
        assertThat(proposed.path("band").asString()).isEqualTo("80-89");
        assertThat(proposed.path("monthlyAmount").decimalValue()).isEqualByComparingTo("100.00");

        String confirm = "/api/assistance/allowance-proposals/" + proposed.path("id").asString() + "/confirmation";
        var confirmed = http.postJson(confirm, ZL_OFFICER, "");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        String allowanceId = confirmed.json().path("id").asString();
        var again = http.postJson(confirm, ZL_OFFICER, "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asString()).isEqualTo(allowanceId);
        assertThat(again.json().path("version").asLong()).isEqualTo(confirmed.json().path("version").asLong());

        // Many at once: each proposal done or refused on its own, and reported.
        String proposalId = proposed.path("id").asString();
        var batch = http.postJson("/api/assistance/allowance-proposals/confirmations", ZL_OFFICER, """
                {"ids":["%s","prop-OLD_AGE-nobody"]}""".formatted(proposalId));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        assertThat(batch.json().path("confirmed").asInt()).isEqualTo(1);
        assertThat(batch.json().path("results").get(0).path("allowanceId").asString()).isEqualTo(allowanceId);
        JsonNode missing = batch.json().path("results").get(1);
        assertThat(missing.path("outcome").asString()).isEqualTo("REFUSED");
        assertThat(missing.path("problem").path("status").asInt()).isEqualTo(404);
        assertThat(missing.path("problem").path("title").asString()).isNotBlank();
        JsonNode foreign = http.postJson("/api/assistance/allowance-proposals/confirmations", JT_OFFICER, """
                {"ids":["%s"]}""".formatted(proposalId)).json().path("results").get(0);
        assertThat(foreign.path("problem").path("type").asString()).isEqualTo("/problems/outside-division");
        assertThat(http.postJson("/api/assistance/allowance-proposals/confirmations", ZL_OFFICER, "{\"ids\":[]}")
                .status()).isEqualTo(400);

        advance("P31D");
        assertThat(YearMonth.from(serviceToday())).isEqualTo(eightieth);
        payroll("320404", eightieth, ZL_APPROVER);
        assertThat(lines(allowanceId, ZL_OFFICER)).containsExactly(eightieth + " ALLOWANCE 100.00");

        // Ten years on, the person is 90 on the first of the month after their birthday month: the next band.
        advance("P3653D");
        YearMonth ninetieth = eightieth.plusYears(10);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/assistance/allowances/" + allowanceId,
                ZL_OFFICER).json().path("history").size() == 2);
        JsonNode allowance = http.get("/api/assistance/allowances/" + allowanceId, ZL_OFFICER).json();
        JsonNode band90 = allowance.path("history").get(1);
        assertThat(band90.path("fromMonth").asString()).isEqualTo(ninetieth.toString());
        assertThat(band90.path("band").asString()).isEqualTo("90-99");
        assertThat(band90.path("monthlyAmount").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(band90.path("reason").asString()).isEqualTo("进入年龄段 90-99");
        YearMonth payMonth = YearMonth.from(serviceToday());
        payroll("320404", payMonth, ZL_APPROVER);
        assertThat(lines(allowanceId, ZL_OFFICER)).contains(payMonth + " ALLOWANCE 200.00");
    }
    /** 次月 (docs/allowances.md): born on the 1st, 80 on the 1st of a month, paid from the month after, not that month. */
    @Test
    @Order(3)
    void a_person_turning_80_on_the_first_of_a_month_is_paid_from_the_month_after() {
        LocalDate today = serviceToday();
        YearMonth birthdayMonth = YearMonth.from(today).plusMonths(1);
        LocalDate birth = birthdayMonth.atDay(1).minusYears(80);
        String person = household(ZL_OFFICER, "320404001007", """
                {"idNumber":"%s","name":"钱玉兰","relation":"HEAD","disabilityGrade":0,"employed":false,
                 "monthlyIncome":0}""".formatted(TestIdNumbers.female("320404", birth)));

        advance("PT1M");
        assertThat(http.get("/api/assistance/allowance-proposals/prop-OLD_AGE-" + person, ZL_OFFICER).status())
                .as("80 on the 1st of next month: not paid for that month").isEqualTo(404);
        advance("P" + java.time.temporal.ChronoUnit.DAYS.between(today, birthdayMonth.atDay(1)) + "D");
        JsonNode proposed = proposal(ZL_OFFICER, "OLD_AGE", person);
        assertThat(proposed.path("startMonth").asString()).isEqualTo(birthdayMonth.plusMonths(1).toString());
        assertThat(proposed.path("trigger").asString()).isEqualTo("AGE_REACHED");
    }
}
