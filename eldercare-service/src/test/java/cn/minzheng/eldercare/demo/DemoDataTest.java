package cn.minzheng.eldercare.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The run command's demo data: 钟楼区's facilities of every type and residents; in a database of its own. */
@ServiceTest
@TestPropertySource(properties = {"minzheng.eldercare.demo-data=true", "minzheng.test.database=eldercare-demo-test",
        "spring.application.name=eldercare-demo-test"})
class DemoDataTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoData demoData;

    @Test
    void every_item_loads_through_the_real_rules_and_the_realms_operator_sees_their_home() {
        assertThat(demoData.report().failed()).as("failed items (their reasons are in the log)").isZero();
        assertThat(demoData.report().loaded()).isEqualTo(130);

        HttpCalls http = new HttpCalls("http://127.0.0.1:" + port);
        String operator = TestJwts.builder().user("facility-operator").division("320404001")
                .roles("facility-operator").claim("facility_id", "fac-320404-001").build();
        JsonNode home = http.get("/api/eldercare/facilities/fac-320404-001", operator).json();
        assertThat(home.path("name").asString()).isEqualTo("钟楼区社会福利院");
        assertThat(home.path("beds").path("occupied").asInt()).isEqualTo(20);
        assertThat(http.get("/api/eldercare/public/facilities?division=320404", null).json().path("page")
                .path("totalElements").asLong()).isEqualTo(30);

        // The report's figures, from the demo data: 30 facilities, 400 beds of which 330 nursing, 60 residents,
        // 40 lunches a day for 30 days.
        String officer = TestJwts.token("officer", "320404", "eldercare-officer");
        JsonNode stats = http.get("/api/eldercare/stats?division=320404&from=2026-01-01&to=2026-12-31", officer)
                .json();
        assertThat(stats.path("facilities").path("total").asLong()).isEqualTo(30);
        assertThat(stats.path("meals").path("served").asLong()).isEqualTo(1200);
        assertThat(stats.path("meals").path("people").asLong()).isEqualTo(40);
        assertThat(stats.path("homeCare").path("serviceOrders").asLong()).isEqualTo(10);
        assertThat(stats.path("homeCare").path("servedWithProof").asLong()).isEqualTo(10);
        assertThat(stats.path("homeCare").path("hoursServed").asDouble()).as("1:40 to 2:00, capped at 2 h")
                .isEqualTo(19.15);
        assertThat(stats.path("facilities").path("byType").path("CARE_HOME").asLong()).isEqualTo(3);
        assertThat(stats.path("beds").path("total").asLong()).isEqualTo(400);
        assertThat(stats.path("beds").path("nursing").asLong()).isEqualTo(330);
        assertThat(stats.path("beds").path("nursingBedRatio").asDouble()).isEqualTo(82.5);
        assertThat(stats.path("beds").path("occupied").asLong()).isEqualTo(60);
        assertThat(stats.path("residents").path("admitted").asLong()).isEqualTo(60);
        assertThat(http.get("/api/eldercare/stats?division=320404&from=2026-12-31&to=2026-01-01", officer).status())
                .isEqualTo(400);
    }
}
