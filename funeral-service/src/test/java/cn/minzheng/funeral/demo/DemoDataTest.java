package cn.minzheng.funeral.demo;

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

/** The run command's funeral demo data: loaded through the real aggregates, none failing, and reported. */
@ServiceTest
@TestPropertySource(properties = {"minzheng.funeral.demo-data=true", "minzheng.test.database=funeral-demo-test",
        "spring.application.name=funeral-demo-test"})
class DemoDataTest {

    @LocalServerPort
    int port;

    @Autowired
    FuneralDemoData demoData;

    @Test
    void the_demo_counties_have_cemeteries_and_past_deaths_with_burials() {
        assertThat(demoData.report().failed()).as("failed items (their reasons are in the log)").isZero();
        HttpCalls http = new HttpCalls("http://127.0.0.1:" + port);
        String officer = TestJwts.token("funeral-officer", "320404", "funeral-officer");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode stats = http.get("/api/funeral/stats?division=320404&from=" + today.minusDays(200) + "&to=" + today,
                officer).json();
        assertThat(stats.path("deaths").asInt()).isEqualTo(20);
        assertThat(stats.path("cremationRate").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(stats.path("ecoBurials").asInt()).isPositive();
        assertThat(stats.path("plots").path("NICHE").path("USED").asInt()).isPositive();
        assertThat(stats.path("waiversByItem").path("TRANSPORT").path("deaths").asInt()).isEqualTo(20);
    }
}
