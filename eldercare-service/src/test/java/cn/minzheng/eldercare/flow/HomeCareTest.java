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
import cn.minzheng.testsupport.EventSchemas;
import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;
import cn.minzheng.testsupport.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Home care with the service's clock on Wed 2026-12-02: an order for an 85-year-old, proof by the provider's own
 * staff (another provider's staff refused), the subsidy for the hours proved, reimbursement only with proof, the
 * monthly statement, a younger person without grounds refused, and a death closing an order not yet served.
 */
@ServiceTest
class HomeCareTest {

    static final String OFFICER = TestJwts.token("officer-zl", "320404", "eldercare-officer");
    static final String PROVIDER = "52320404MJ5837462K";

    @LocalServerPort
    int port;

    @Autowired
    PersonalDataCipher cipher;

    HttpCalls http;

    @BeforeEach
    void setUp() {
        http = new HttpCalls("http://127.0.0.1:" + port);
    }

    private static String staffOf(String provider) {
        return TestJwts.builder().user("carer-" + provider.substring(14)).division("320404").roles("care-provider")
                .claim("provider_credit_code", provider).build();
    }

    private HttpCalls.Response order(String idNumber, String planned) {
        return http.postJson("/api/eldercare/service-orders", OFFICER, """
                {"idNumber":"%s","name":"孙玉珍","divisionCode":"320404001","serviceType":"BATHING",
                 "providerCreditCode":"%s","providerName":"颐和养老服务中心","plannedOn":"%s","hours":2.0}"""
                .formatted(idNumber, PROVIDER, planned));
    }

    @Test
    void an_order_is_reimbursed_only_with_proof_from_its_own_providers_staff() {
        String elder = TestIdNumbers.female("320404", LocalDate.of(1941, 6, 6).plusDays(UUID.randomUUID().hashCode() & 255));
        try (TopicRecords topic = new TopicRecords("minzheng.eldercare")) {
            var ordered = order(elder, "2026-12-01");
            assertThat(ordered.status()).as(ordered.toString()).isEqualTo(201);
            JsonNode order = ordered.json();
            String id = order.path("id").asString();
            assertThat(order.path("grounds").toString()).contains("AGE_80");
            assertThat(http.get("/api/eldercare/service-orders?status=ORDERED&size=200", OFFICER).json()
                    .path("items").toString()).contains(id);

            assertProblem(http.postJson("/api/eldercare/service-orders/" + id + "/reimbursement", OFFICER, "{}"), 409,
                    "proof-required");
            String proof = """
                    {"checkIn":"2026-12-01T01:30:00Z","checkOut":"2026-12-01T03:00:00Z","place":"广化社区 12 幢 302 室",
                     "elderConfirmed":true,"photoSha256":"%s"}""".formatted("ab".repeat(32));
            assertProblem(http.postJson("/api/eldercare/service-orders/" + id + "/proof",
                    staffOf("52320404MJ5911208C"), proof), 403, "other-provider");
            assertProblem(http.postJson("/api/eldercare/service-orders/" + id + "/proof", staffOf(PROVIDER),
                    proof.replace("\"elderConfirmed\":true", "\"elderConfirmed\":false")), 422,
                    "elder-confirmation-required", "elderConfirmed");
            var proved = http.postJson("/api/eldercare/service-orders/" + id + "/proof", staffOf(PROVIDER), proof);
            assertThat(proved.status()).as(proved.toString()).isEqualTo(200);
            assertThat(proved.json().path("hoursProved").asDouble()).isEqualTo(1.5);
            assertThat(proved.json().path("subsidy").asDouble()).as("1.5 h at 30.00").isEqualTo(45.0);
            assertThat(http.get("/api/eldercare/service-orders/" + id, OFFICER).json().path("actions").toString())
                    .isEqualTo("[\"REIMBURSE\"]");

            var reimbursed = http.postJson("/api/eldercare/service-orders/" + id + "/reimbursement", OFFICER, "{}");
            assertThat(reimbursed.json().path("status").asString()).isEqualTo("REIMBURSED");
            JsonNode statement = http.get("/api/eldercare/service-orders/statements?providerCreditCode=" + PROVIDER
                    + "&month=2026-12", staffOf(PROVIDER)).json();
            assertThat(statement.path("lines").toString()).contains(id);
            assertThat(statement.path("reimbursed").asDouble()).isGreaterThanOrEqualTo(45.0);
            assertProblem(http.get("/api/eldercare/service-orders/statements?providerCreditCode=52320404MJ5911208C"
                    + "&month=2026-12", staffOf(PROVIDER)), 403, "other-provider");

            var records = topic.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> id.equals(r.key())
                    && TopicRecords.type(r).endsWith("service-order.completed.v1")));
            assertThat(EventSchemas.violations(records)).isEmpty();
            assertThat(records.stream().map(TopicRecords::body)).noneMatch(b -> b.contains(elder));
        }
    }

    @Test
    void no_grounds_no_order_and_a_death_closes_an_order_not_yet_served() {
        assertProblem(order(TestIdNumbers.male("320404", LocalDate.of(1970, 1, 1)), "2026-12-03"), 422,
                "service-not-eligible", "idNumber");
        String elder = TestIdNumbers.male("320404", LocalDate.of(1938, 2, 2).plusDays(UUID.randomUUID().hashCode() & 255));
        String id = order(elder, "2026-12-05").json().path("id").asString();
        String personRef = PersonRefs.of(ResidentIdNumber.of(elder), cipher);
        TopicRecords.sendCloudEvent("minzheng.funeral", "death-" + id, "minzheng.funeral.death.recorded.v1",
                UUID.randomUUID().toString(), "{\"personRef\":\"" + personRef + "\",\"dateOfDeath\":\"2026-12-01\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.get(
                "/api/eldercare/service-orders/" + id, OFFICER).json().path("status").asString())
                .isEqualTo("CANCELLED"));
    }
}
