package cn.minzheng.registry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.minzheng.registry.flow.RegistryApi;
import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The run command's demo data: two offices with places, historical records, bookings; in a database of its own. */
@ServiceTest
@TestPropertySource(properties = {"minzheng.registry.demo-data=true", "minzheng.test.database=registry-demo-test",
        "spring.application.name=registry-demo-test"})
class DemoDataTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoData demoData;

    @Test
    void every_item_of_the_demo_data_loads_through_the_real_rules() {
        assertThat(demoData.report().failed()).as("failed items (their reasons are in the log)").isZero();
        assertThat(demoData.report().loaded()).isGreaterThan(100);
    }

    @Test
    void offices_places_history_and_the_demo_citizens_marriage_are_there() {
        HttpCalls http = new HttpCalls("http://127.0.0.1:" + port);
        JsonNode offices = http.get("/api/registry/offices", null).json();
        assertThat(offices.valueStream().map(o -> o.path("id").asString()))
                .contains("office-320404-01", "office-320413-01");

        LocalDate today = new RegistryApi(port).serviceToday();
        LocalDate weekday = today.plusDays(7);
        while (weekday.getDayOfWeek().getValue() > 5) {
            weekday = weekday.plusDays(1);
        }
        JsonNode places = http.get("/api/registry/offices/office-320404-01/slots?date=" + weekday, null).json();
        assertThat(places.path("slots").size()).isEqualTo(4);

        String citizen = TestJwts.builder().user("citizen").roles("citizen").idNumber("320404198503150026").build();
        JsonNode mine = http.get("/api/registry/me/marriages", citizen).json();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).path("backEntered").asBoolean()).isTrue();
        assertThat(mine.get(0).path("registeredOn").asString()).isEqualTo("2010-10-10");

        String auditor = TestJwts.token("auditor", "320404", "auditor");
        JsonNode stats = http.get("/api/registry/stats?division=320404&from=" + today + "&to=" + today.plusDays(60),
                auditor).json();
        assertThat(stats.path("appointments").path("booked").asLong()).isPositive();
    }
}
