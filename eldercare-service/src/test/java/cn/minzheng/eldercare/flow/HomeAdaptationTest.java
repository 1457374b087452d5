package cn.minzheng.eldercare.flow;

import static cn.minzheng.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonRefs;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;
import cn.minzheng.testsupport.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Home adaptation with the service's clock on Wed 2026-12-02, for a dibao recipient known from assistance's event:
 * assessed, acceptance before construction refused (409), built, a failed acceptance, then accepted with the
 * subsidy capped; someone without assistance refused; a family care bed registered once; the statistics count both.
 */
@ServiceTest
class HomeAdaptationTest {

    static final String OFFICER = TestJwts.token("officer-zl", "320404", "eldercare-officer");

    @LocalServerPort
    int port;

    @Autowired
    PersonalDataCipher cipher;

    HttpCalls http;

    @BeforeEach
    void setUp() {
        http = new HttpCalls("http://127.0.0.1:" + port);
    }

    private HttpCalls.Response assess(String idNumber) {
        return http.postJson("/api/eldercare/home-adaptations", OFFICER, """
                {"idNumber":"%s","name":"孙玉珍","divisionCode":"320404005","address":"广化社区 12 幢 302 室",
                 "items":["卫生间安装扶手","淋浴区防滑处理"],"assessedOn":"2026-11-20","estimatedCost":2800.00}"""
                .formatted(idNumber));
    }

    @Test
    void an_adaptation_goes_assessed_built_accepted_in_that_order_and_is_counted() {
        String elder = TestIdNumbers.female("320404", LocalDate.of(1950, 1, 1).plusDays(UUID.randomUUID().hashCode() & 511));
        assertProblem(assess(elder), 422, "adaptation-not-eligible", "idNumber");

        String enrolment = "enr-" + UUID.randomUUID();
        TopicRecords.sendCloudEvent("minzheng.assistance", enrolment, "minzheng.assistance.assistance.approved.v1",
                UUID.randomUUID().toString(), """
                {"enrolmentId":"%s","applicationId":"app-3","householdId":"hh-3","programme":"DIBAO",
                 "division":"320404005001","status":"ACTIVE","personRefs":["%s"],"startMonth":"2026-10",
                 "monthlyAmount":"700.00"}""".formatted(enrolment, PersonRefs.of(ResidentIdNumber.of(elder), cipher)));
        await().atMost(Duration.ofSeconds(30)).until(() -> assess(elder).status() == 201);
        JsonNode statsBefore = stats();
        String id = assess(elder).json().path("id").asString();
        JsonNode assessedList = http.get("/api/eldercare/home-adaptations?division=320404005&status=ASSESSED&size=200",
                OFFICER).json();
        assertThat(assessedList.path("items").toString()).contains(id).contains("START_CONSTRUCTION");
        assertThat(assessedList.path("items").toString()).doesNotContain(elder);

        assertProblem(http.postJson("/api/eldercare/home-adaptations/" + id + "/acceptance", OFFICER,
                "{\"acceptedOn\":\"2026-11-30\",\"passed\":true}"), 409, "wrong-status");
        http.postJson("/api/eldercare/home-adaptations/" + id + "/construction", OFFICER,
                "{\"startedOn\":\"2026-11-25\",\"contractor\":\"安居适老化工程有限公司\"}");
        JsonNode failed = http.postJson("/api/eldercare/home-adaptations/" + id + "/acceptance", OFFICER,
                "{\"acceptedOn\":\"2026-11-28\",\"passed\":false,\"note\":\"扶手松动\"}").json();
        assertThat(failed.path("status").asString()).isEqualTo("UNDER_CONSTRUCTION");
        JsonNode accepted = http.postJson("/api/eldercare/home-adaptations/" + id + "/acceptance", OFFICER,
                "{\"acceptedOn\":\"2026-12-01\",\"passed\":true,\"finalCost\":3400.00}").json();
        assertThat(accepted.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("subsidy").asDouble()).as("capped at 3000.00").isEqualTo(3000.0);
        assertThat(accepted.path("actions").isEmpty()).as("nothing left to do").isTrue();
        assertThat(http.get("/api/eldercare/home-adaptations?division=320404005&status=ASSESSED&size=200", OFFICER)
                .json().path("items").toString()).doesNotContain(id);

        String bed = """
                {"idNumber":"%s","name":"孙玉珍","divisionCode":"320404005","providerCreditCode":"52320404MJ5837462K",
                 "since":"2026-11-01"}""".formatted(elder);
        assertThat(http.postJson("/api/eldercare/family-care-beds", OFFICER, bed).status()).isEqualTo(201);
        assertThat(http.postJson("/api/eldercare/family-care-beds", OFFICER, bed).status()).as("once per person")
                .isEqualTo(200);

        JsonNode statsAfter = stats();
        assertThat(statsAfter.path("homeCare").path("adaptationsAccepted").asLong())
                .isEqualTo(statsBefore.path("homeCare").path("adaptationsAccepted").asLong() + 1);
        assertThat(statsAfter.path("homeCare").path("familyCareBeds").asLong())
                .isEqualTo(statsBefore.path("homeCare").path("familyCareBeds").asLong() + 1);
    }

    private JsonNode stats() {
        return http.get("/api/eldercare/stats?division=320404005&from=2026-11-01&to=2026-12-31", OFFICER).json();
    }
}
