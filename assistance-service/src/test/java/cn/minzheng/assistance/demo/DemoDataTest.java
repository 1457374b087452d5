package cn.minzheng.assistance.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The run command's demo data: loaded through the real workflow, in every state, once. In a database and consumer
 * group of its own, so its standards and payrolls do not meet the other tests' households.
 */
@ServiceTest
@TestPropertySource(properties = {"minzheng.assistance.demo-data=true", "minzheng.test.database=assistance-demo-test",
        "spring.application.name=assistance-demo-test"})
class DemoDataTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoData demoData;

    @Autowired
    AllowanceDemoData allowanceDemoData;

    @Test
    void the_allowance_demo_has_rules_with_a_mid_year_widening_allowances_proposals_and_children() {
        assertThat(allowanceDemoData.report().failed()).as("failed items (their reasons are in the log)").isZero();
        HttpCalls http = new HttpCalls("http://127.0.0.1:" + port);
        String approver = TestJwts.token("zl-approver", "320404", "county-approver");
        JsonNode rules = http.get("/api/assistance/allowance-rules/320404?on=2026-06-30", approver).json();
        assertThat(rules.path("inForce").asInt()).isEqualTo(1);
        assertThat(http.get("/api/assistance/allowance-rules/320404?on=2026-07-01", approver).json().path("inForce")
                .asInt()).isEqualTo(2);
        assertThat(http.get("/api/assistance/allowances?division=320404&programme=OLD_AGE", approver).json()
                .path("page").path("totalElements").asLong()).isPositive();
        assertThat(http.get("/api/assistance/allowance-proposals?division=320404&status=OPEN", approver).json()
                .path("page").path("totalElements").asLong()).isPositive();
        String director = TestJwts.token("child-director-1", "320404001007", "child-director");
        JsonNode mine = http.get("/api/assistance/children", director).json();
        assertThat(mine.path("page").path("totalElements").asLong()).isEqualTo(6);
        mine.path("items").forEach(child -> assertThat(child.path("directorUsername").asString())
                .isEqualTo("child-director-1"));
    }

    @Test
    void every_item_of_the_demo_data_loads_through_the_real_rules() {
        assertThat(demoData.report().failed()).as("failed items (their reasons are in the log)").isZero();
        assertThat(demoData.report().loaded()).isGreaterThan(100);
    }

    @Test
    void the_demo_counties_have_standards_households_in_every_state_and_paid_months() {
        HttpCalls http = new HttpCalls("http://127.0.0.1:" + port);
        String approver = TestJwts.token("zl-approver", "320404", "county-approver");
        String jintan = TestJwts.token("jt-approver", "320413", "county-approver");

        JsonNode standards = http.get("/api/assistance/standards?division=320413&programme=DIBAO", jintan).json();
        assertThat(standards.path("history").size()).isEqualTo(5);
        assertThat(standards.path("inForce").path("amount").decimalValue()).isEqualByComparingTo("960.00");

        assertThat(http.get("/api/assistance/households?division=320404", approver).json().path("page")
                .path("totalElements").asLong()).isGreaterThan(100);
        for (String status : new String[] {"SUBMITTED", "PUBLIC_NOTICE", "APPROVED"}) {
            assertThat(http.get("/api/assistance/applications?division=320404&status=" + status, approver).json()
                    .path("page").path("totalElements").asLong()).as(status).isPositive();
        }
        assertThat(http.get("/api/assistance/public-notices?division=320404", null).json().path("items").size())
                .isPositive();

        String citizen = TestJwts.builder().user("citizen").roles("citizen").idNumber("320404198503150026").build();
        await().atMost(Duration.ofSeconds(60)).until(() -> http.get("/api/assistance/me/payments", citizen).json()
                .path("page").path("totalElements").asLong() >= 1);
        assertThat(http.get("/api/assistance/me/applications", citizen).json().get(0).path("status").asString())
                .isEqualTo("APPROVED");
    }
}
