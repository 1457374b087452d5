package cn.minzheng.eldercare.flow;

import static cn.minzheng.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
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
 * Meal assistance with the service's clock on Wed 2026-12-02: the subsidy by age band, raised by dibao from the
 * month assistance-service's event says (sent on the real broker, schema-valid) and judged as of the meal's day,
 * not the day the event arrived; once per person, day and meal (a retry returns the first record, another point
 * 409); a younger person without assistance refused; a point of another division refused; daily totals.
 */
@ServiceTest
class MealAssistanceTest {

    static final String OFFICER = TestJwts.token("officer-zl", "320404", "eldercare-officer");

    @LocalServerPort
    int port;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    cn.minzheng.platform.events.ProcessedEvents processed;

    HttpCalls http;

    @BeforeEach
    void setUp() {
        http = new HttpCalls("http://127.0.0.1:" + port);
    }

    private String mealPoint(String division) {
        var created = http.postJson("/api/eldercare/facilities", TestJwts.token("officer", division.substring(0, 6),
                "eldercare-officer"), """
                {"name":"荷花池社区助餐点(测试%s)","type":"MEAL_POINT","ownership":"PUBLIC","divisionCode":"%s",
                 "beds":{"total":0,"nursing":0}}""".formatted(UUID.randomUUID().toString().substring(0, 6), division));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static String operatorOf(String point) {
        return TestJwts.builder().user("cook-" + point.substring(4, 10)).division("320404001")
                .roles("facility-operator").claim("facility_id", point).build();
    }

    private HttpCalls.Response meal(String point, String token, String idNumber, String date, String meal) {
        return http.postJson("/api/eldercare/meal-points/" + point + "/meals", token, """
                {"idNumber":"%s","name":"李阿婆","date":"%s","meal":"%s"}""".formatted(idNumber, date, meal));
    }

    @Test
    void the_subsidy_follows_age_and_the_assistance_of_the_meals_day() {
        String point = mealPoint("320404001");
        String cook = operatorOf(point);
        String elder = TestIdNumbers.female("320404", LocalDate.of(1944, 3, 3));   // 82 on 2026-11-30
        var first = meal(point, cook, elder, "2026-11-30", "LUNCH");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("subsidy").asDouble()).as("80+ band").isEqualTo(4.0);
        assertThat(first.json().path("idNumber").asString()).contains("*");

        // Dibao from December, announced now: December's meals get the higher dibao subsidy, November's stay.
        String personRef = PersonRefs.of(ResidentIdNumber.of(elder), cipher);
        String eventId = UUID.randomUUID().toString();
        String enrolment = "enr-" + UUID.randomUUID();
        String approved = """
                {"enrolmentId":"%s","applicationId":"app-1","householdId":"hh-1","programme":"DIBAO",
                 "division":"320404001007","status":"ACTIVE","personRefs":["%s"],"startMonth":"2026-12",
                 "monthlyAmount":"850.00"}""".formatted(enrolment, personRef);
        try (TopicRecords assistance = new TopicRecords("minzheng.assistance")) {
            TopicRecords.sendCloudEvent("minzheng.assistance", enrolment, "minzheng.assistance.assistance.approved.v1",
                    eventId, approved);
            var sent = assistance.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream()
                    .anyMatch(r -> enrolment.equals(r.key())));
            assertThat(EventSchemas.violations(sent.stream().filter(r -> enrolment.equals(r.key())).toList(),
                    Path.of("src/test/resources/consumed-events"))).isEmpty();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(meal(point, cook, elder, "2026-12-01",
                "LUNCH").json().path("subsidy").asDouble()).isEqualTo(5.0));
        var november = meal(point, cook, elder, "2026-11-30", "DINNER").json();
        assertThat(november.path("subsidy").asDouble()).as("judged as of the meal's day").isEqualTo(4.0);
        assertThat(november.path("assistance").size()).isZero();

        // Once per person, day and meal.
        var retry = meal(point, cook, elder, "2026-11-30", "LUNCH");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        String other = mealPoint("320404001");
        var elsewhere = meal(other, operatorOf(other), elder, "2026-11-30", "LUNCH");
        assertProblem(elsewhere, 409, "meal-already-served");
        assertThat(elsewhere.json().path("detail").asString()).contains("荷花池社区助餐点");

        JsonNode totals = http.get("/api/eldercare/meal-points/" + point + "/daily-totals?date=2026-11-30", cook)
                .json();
        assertThat(totals.path("meals").path("LUNCH").asLong()).isEqualTo(1);
        assertThat(totals.path("meals").path("DINNER").asLong()).isEqualTo(1);
        assertThat(totals.path("people").asLong()).isEqualTo(1);
        assertThat(totals.path("subsidy").asDouble()).isEqualTo(8.0);

        String citizen = TestJwts.builder().user("citizen-li").idNumber(elder).roles("citizen").build();
        List<String> mine = http.get("/api/eldercare/me/meals", citizen).json().valueStream()
                .map(m -> m.path("date").asString() + " " + m.path("meal").asString()).toList();
        assertThat(mine).containsExactlyInAnyOrder("2026-12-01 LUNCH", "2026-11-30 LUNCH", "2026-11-30 DINNER");
    }

    /**
     * Issue 30.11: who was assisted is kept by month. A member who left the household from December was assisted in
     * November, so a meal of November recorded later is judged with November's household, December's without them.
     */
    @Test
    void a_back_dated_meal_is_judged_with_the_household_of_its_month() {
        String point = mealPoint("320404001");
        String cook = operatorOf(point);
        String elder = TestIdNumbers.male("320404", LocalDate.of(1943, 4, 4));
        String spouse = TestIdNumbers.female("320404", LocalDate.of(1946, 6, 6));
        String elderRef = PersonRefs.of(ResidentIdNumber.of(elder), cipher);
        String spouseRef = PersonRefs.of(ResidentIdNumber.of(spouse), cipher);
        String enrolment = "enr-" + UUID.randomUUID();
        String changedId = UUID.randomUUID().toString();
        String approved = """
                {"enrolmentId":"%s","applicationId":"app-2","householdId":"hh-2","programme":"DIBAO",
                 "division":"320404001007","status":"ACTIVE","personRefs":["%s","%s"],"startMonth":"2026-10",
                 "monthlyAmount":"1500.00"}""".formatted(enrolment, elderRef, spouseRef);
        String changed = """
                {"enrolmentId":"%s","householdId":"hh-2","programme":"DIBAO","division":"320404001007",
                 "status":"ACTIVE","personRefs":["%s"],"fromMonth":"2026-12","monthlyAmount":"800.00",
                 "reason":"DECEASED"}""".formatted(enrolment, spouseRef);
        try (TopicRecords assistance = new TopicRecords("minzheng.assistance")) {
            TopicRecords.sendCloudEvent("minzheng.assistance", enrolment, "minzheng.assistance.assistance.approved.v1",
                    UUID.randomUUID().toString(), approved);
            TopicRecords.sendCloudEvent("minzheng.assistance", enrolment, "minzheng.assistance.assistance.changed.v1",
                    changedId, changed);
            var sent = assistance.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream()
                    .filter(r -> enrolment.equals(r.key())).count() == 2);
            assertThat(EventSchemas.violations(sent.stream().filter(r -> enrolment.equals(r.key())).toList(),
                    Path.of("src/test/resources/consumed-events"))).isEmpty();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> processed.seen(changedId));

        assertThat(meal(point, cook, elder, "2026-12-01", "LUNCH").json().path("assistance").size())
                .as("not a member from December").isZero();
        var november = meal(point, cook, elder, "2026-11-30", "LUNCH").json();
        assertThat(november.path("assistance").toString()).as("a member in November").contains("DIBAO");
        assertThat(meal(point, cook, spouse, "2026-12-01", "LUNCH").json().path("assistance").toString())
                .contains("DIBAO");
    }

    @Test
    void who_and_where_a_meal_may_not_be_recorded() {
        String point = mealPoint("320404001");
        String young = TestIdNumbers.male("320404", LocalDate.of(1975, 5, 5));
        assertProblem(meal(point, operatorOf(point), young, "2026-12-01", "LUNCH"), 422, "meal-not-eligible",
                "idNumber");
        String jintan = mealPoint("320413001");
        String elder = TestIdNumbers.male("320404", LocalDate.of(1950, 5, 5));
        assertProblem(meal(jintan, OFFICER, elder, "2026-12-01", "LUNCH"), 403, "outside-division");
        assertProblem(meal(jintan, operatorOf(point), elder, "2026-12-01", "LUNCH"), 403, "other-facility");
        assertProblem(meal(point, operatorOf(point), elder, "2026-12-03", "LUNCH"), 400, "date-not-past", "date");
    }
}
