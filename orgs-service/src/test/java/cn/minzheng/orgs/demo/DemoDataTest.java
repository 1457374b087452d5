package cn.minzheng.orgs.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The run command's orgs demo data: 钟楼区's 292 organisations, 47% graded, with this year's plan; none failing. */
@ServiceTest
@TestPropertySource(properties = {"minzheng.orgs.demo-data=true", "minzheng.test.database=orgs-demo-test",
        "spring.application.name=orgs-demo-test"})
class DemoDataTest {

    @LocalServerPort
    int port;

    @Autowired
    OrgsDemoData demoData;

    @Test
    void zhonglou_has_its_register_its_grades_and_a_plan_of_this_year() {
        assertThat(demoData.report().failed()).as("failed items (their reasons are in the log)").isZero();
        HttpCalls http = new HttpCalls("http://127.0.0.1:" + port);
        String officer = TestJwts.token("orgs-officer", "320404", "orgs-officer");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode stats = http.get("/api/orgs/stats?division=320404&from=" + today.withDayOfYear(1) + "&to=" + today,
                officer).json();
        assertThat(stats.path("graded").path("active").asInt()).isEqualTo(292);
        assertThat(stats.path("graded").path("share").asDouble()).isEqualTo(0.4692);
        assertThat(stats.path("annualInspection").path("rate").asDouble()).isBetween(0.85, 0.99);
        assertThat(stats.path("randomInspection").path("plans").asInt()).isEqualTo(1);
        assertThat(stats.path("randomInspection").path("targets").asInt()).isGreaterThan(14);

        JsonNode worklist = http.get("/api/orgs/worklists/revocation?division=320404", officer).json();
        assertThat(worklist.path("page").path("totalElements").asLong()).as("organisations missing both recent reports")
                .isPositive();
        JsonNode plans = http.get("/api/orgs/public/inspection-plans?division=320404", null).json();
        assertThat(plans.path("items").get(0).path("pool").size()).isEqualTo(7);
        assertThat(plans.path("items").get(0).path("exclusions").get(0).path("inspector").asString())
                .isEqualTo("inspector-3");
    }
}
