package cn.minzheng.assistance.allowance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A parent applies for their disabled child's care subsidy with a payee account, an officer decides, and the parent
 * sees it under {@code /me/allowances}; a citizen cannot apply for someone outside their household.
 */
@ServiceTest
class AllowanceCitizenTest {

    @LocalServerPort
    int port;

    HttpCalls http;

    @BeforeEach
    void setUp() {
        http = new HttpCalls("http://127.0.0.1:" + port);
        AllowanceBadInputTest.ensureRules(http);
    }

    @Test
    void a_parent_applies_for_a_child_an_officer_decides_and_the_parent_sees_it() {
        String parent = TestIdNumbers.female("320412", LocalDate.of(1988, 8, 8));
        String child = TestIdNumbers.male("320412", LocalDate.of(2017, 2, 2));
        var household = http.postJson("/api/assistance/households", AllowanceBadInputTest.OFFICER, """
                {"divisionCode":"320412001004","residence":"RURAL","address":"某村 3 号","members":[
                 {"idNumber":"%s","name":"刘芳","relation":"HEAD","disabilityGrade":0,"employed":true,"monthlyIncome":3000.00},
                 {"idNumber":"%s","name":"刘小军","relation":"CHILD","disabilityGrade":1,"employed":false,"monthlyIncome":0}],
                 "assets":{"deposits":0,"vehicles":0,"houses":1}}""".formatted(parent, child));
        assertThat(household.status()).as(household.toString()).isEqualTo(201);
        String citizen = TestJwts.builder().user("liufang").roles("citizen").idNumber(parent).build();

        var applied = http.postJson("/api/assistance/allowances", citizen, """
                {"idNumber":"%s","name":"刘小军","divisionCode":"320412001004","programme":"DISABILITY_CARE",
                 "disabilityGrade":1,"disabilityType":"INTELLECTUAL",
                 "payee":{"name":"刘芳","relation":"母亲","account":"6228480402564890018"}}""".formatted(child));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        assertThat(applied.json().path("status").asString()).isEqualTo("APPLIED");
        assertThat(applied.json().path("payeeAccount").asString()).doesNotContain("0402564890");
        String id = applied.json().path("id").asString();

        var stranger = http.postJson("/api/assistance/allowances", citizen, """
                {"idNumber":"%s","name":"某人","divisionCode":"320412001004","programme":"OLD_AGE"}"""
                .formatted(TestIdNumbers.male("320412", LocalDate.of(1935, 1, 1))));
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.json().path("type").asString()).endsWith("/not-own-household");

        var noReason = http.postJson("/api/assistance/allowances/" + id + "/decision", AllowanceBadInputTest.OFFICER,
                "{\"decision\":\"REFUSE\"}");
        assertThat(noReason.status()).isEqualTo(400);
        var approved = http.postJson("/api/assistance/allowances/" + id + "/decision", AllowanceBadInputTest.OFFICER,
                "{\"decision\":\"APPROVE\",\"opinion\":\"持证一级智力残疾\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(approved.json().path("startMonth").asString()).isEqualTo(YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(1).toString());

        JsonNode mine = http.get("/api/assistance/me/allowances", citizen).json();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).path("programme").asString()).isEqualTo("DISABILITY_CARE");
        assertThat(mine.get(0).path("idNumber").asString()).doesNotContain(child.substring(6, 14));
    }
}
