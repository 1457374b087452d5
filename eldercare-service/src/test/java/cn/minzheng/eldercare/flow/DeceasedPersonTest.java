package cn.minzheng.eldercare.flow;

import static cn.minzheng.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
 * Eldercare's own record of deaths (from funeral's {@code death.recorded}) on the real broker and store: after a death
 * on 1 December, nothing is done for the person dated after it (admission, home-care order, meal, adaptation) — 422
 * {@code person-deceased} on the person's field, in Chinese — while a meal served that morning is still recorded;
 * {@code death.retracted} lifts the refusal. The service's clock stands on 2026-12-02.
 */
@ServiceTest
class DeceasedPersonTest {

    static final String OFFICER = TestJwts.token("officer-zl", "320404", "eldercare-officer");
    static final LocalDate DIED = LocalDate.of(2026, 12, 1);

    @LocalServerPort
    int port;

    @Autowired
    PersonalDataCipher cipher;

    HttpCalls http;

    @BeforeEach
    void setUp() {
        http = new HttpCalls("http://127.0.0.1:" + port);
    }

    private String facility(String type, int beds) {
        var created = http.postJson("/api/eldercare/facilities", OFFICER, """
                {"name":"钟楼区颐养院(测试%s)","type":"%s","ownership":"PUBLIC","divisionCode":"320404001",
                 "beds":{"total":%d,"nursing":0}}""".formatted(UUID.randomUUID().toString().substring(0, 6), type,
                beds));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private HttpCalls.Response admit(String home, String idNumber) {
        return http.postJson("/api/eldercare/facilities/" + home + "/admissions", OFFICER, """
                {"idNumber":"%s","name":"周秀兰","abilityLevel":"MILD","bedType":"GENERAL"}""".formatted(idNumber));
    }

    private HttpCalls.Response meal(String point, String idNumber, String date) {
        return http.postJson("/api/eldercare/meal-points/" + point + "/meals", OFFICER, """
                {"idNumber":"%s","name":"周秀兰","date":"%s","meal":"LUNCH"}""".formatted(idNumber, date));
    }

    private HttpCalls.Response order(String idNumber, String planned) {
        return http.postJson("/api/eldercare/service-orders", OFFICER, """
                {"idNumber":"%s","name":"周秀兰","divisionCode":"320404001","serviceType":"BATHING",
                 "providerCreditCode":"52320404MJ5837462K","providerName":"颐和养老服务中心","plannedOn":"%s",
                 "hours":2.0}""".formatted(idNumber, planned));
    }

    private HttpCalls.Response adaptation(String idNumber, String assessedOn) {
        return http.postJson("/api/eldercare/home-adaptations", OFFICER, """
                {"idNumber":"%s","name":"周秀兰","divisionCode":"320404001","address":"广化社区 3 幢 101 室",
                 "items":["卫生间安装扶手"],"assessedOn":"%s","estimatedCost":1800.00}""".formatted(idNumber,
                assessedOn));
    }

    @Test
    void nothing_is_done_for_a_person_after_their_death_until_the_death_is_retracted() {
        String idNumber = TestIdNumbers.female("320404", LocalDate.of(1938, 2, 2)
                .plusDays(UUID.randomUUID().hashCode() & 1023));
        String personRef = PersonRefs.of(ResidentIdNumber.of(idNumber), cipher);
        String home = facility("CARE_HOME", 5);
        String point = facility("MEAL_POINT", 0);
        String residentId = admit(home, idNumber).json().path("id").asString();

        String deathId = "death-" + UUID.randomUUID();
        TopicRecords.sendCloudEvent("minzheng.funeral", deathId, "minzheng.funeral.death.recorded.v1",
                UUID.randomUUID().toString(), """
                {"deathId":"%s","personRef":"%s","dateOfDeath":"%s","division":"320404001"}"""
                        .formatted(deathId, personRef, DIED));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.get(
                "/api/eldercare/residents/" + residentId, OFFICER).json().path("status").asString())
                .isEqualTo("DISCHARGED"));

        var readmitted = admit(home, idNumber);
        assertProblem(readmitted, 422, "person-deceased", "idNumber");
        assertThat(readmitted.json().path("detail").asString()).contains("2026-12-01").contains("死亡");
        assertProblem(order(idNumber, "2026-12-03"), 422, "person-deceased", "idNumber");
        assertProblem(adaptation(idNumber, "2026-12-02"), 422, "person-deceased", "idNumber");
        assertProblem(meal(point, idNumber, "2026-12-02"), 422, "person-deceased", "idNumber");
        assertThat(meal(point, idNumber, DIED.toString()).status()).as("a meal served the morning of the death")
                .isEqualTo(201);

        TopicRecords.sendCloudEvent("minzheng.funeral", personRef, "minzheng.funeral.death.retracted.v1",
                UUID.randomUUID().toString(), """
                {"deathId":"%s","personRef":"%s","dateOfDeath":"%s","residenceDivision":"320404001","reason":"错录"}"""
                        .formatted(deathId, personRef, DIED));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admit(home, idNumber).status())
                .as("the retraction lifts the refusal").isEqualTo(201));
        assertThat(order(idNumber, "2026-12-03").status()).isEqualTo(201);
    }
}
