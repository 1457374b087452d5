package cn.minzheng.assistance.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.minzheng.assistance.enrolment.Enrolment;
import cn.minzheng.assistance.enrolment.Enrolments;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestInfrastructure;
import cn.minzheng.testsupport.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Issue 30.2: a member's death is saved on the household, then the enrolment is recalculated. When the second step
 * dies (here the store refuses the enrolment's save, as a killed process would leave it), the recalculation is
 * recorded on the household in the same write as the death, and the sweep finishes it: the next month's amount is
 * right without anyone redelivering anything, and the sweep run again changes nothing.
 */
@ServiceTest
@TestPropertySource(properties = {"minzheng.clock.movable=true",
        "minzheng.assistance.recalculation-sweep-interval=PT1S"})
class RecalculationAfterACrashTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @MockitoSpyBean
    Enrolments enrolments;

    AssistanceApi api;

    @BeforeEach
    void setUp() {
        api = new AssistanceApi(port);
        api.standard("320404", "800.00", "2018-07-01");
    }

    @Test
    void a_recalculation_the_crash_interrupted_is_finished_by_the_sweep_and_the_next_month_is_right() {
        var household = api.register(api.family()).json();
        String householdId = household.path("id").asString();
        String childRef = StreamSupport.stream(household.path("members").spliterator(), false)
                .filter(m -> m.path("relation").asString().equals("CHILD")).findFirst().orElseThrow()
                .path("personRef").asString();
        String applicationId = api.apply(householdId, AssistanceApi.OFFICER).path("id").asString();
        var reviewed = api.review(applicationId, "PASS", "00-" + UUID.randomUUID().toString().replace("-", "")
                + "-00f067aa0ba902b7-01");
        api.advancePast(LocalDate.parse(reviewed.json().path("notice").path("until").asString()));
        String enrolmentId = api.approve(applicationId, AssistanceApi.APPROVER).json().path("enrolmentId").asString();
        JsonNode enrolment = api.http.get("/api/assistance/enrolments/" + enrolmentId, AssistanceApi.OFFICER).json();
        assertThat(enrolment.path("monthlyAmount").decimalValue()).isEqualByComparingTo("2180.00");
        YearMonth firstMonth = YearMonth.parse(enrolment.path("startMonth").asString());

        // The step after the household's save dies once: the enrolment is not recalculated then.
        doThrow(new DataAccessResourceFailureException("killed between the two steps")).doCallRealMethod()
                .when(enrolments).save(any(Enrolment.class));
        TopicRecords.sendCloudEvent(TestInfrastructure.get().kafkaBootstrapServers(), "minzheng.funeral",
                "death-" + UUID.randomUUID(), "minzheng.funeral.death.recorded.v1", UUID.randomUUID().toString(),
                "{\"personRef\":\"" + childRef + "\",\"dateOfDeath\":\"" + firstMonth.atDay(10)
                        + "\",\"cremationPlanned\":true}", null);

        // (800 - 150) x 2 = 1300 from the next month, finished by the sweep; nothing owed afterwards.
        String nextMonth = firstMonth.plusMonths(1).toString();
        await().atMost(Duration.ofSeconds(60)).until(() -> amountFrom(enrolmentId, nextMonth) != null);
        assertThat(amountFrom(enrolmentId, nextMonth)).isEqualByComparingTo("1300.00");
        await().atMost(Duration.ofSeconds(30)).until(() -> owed(householdId) == 0);

        // A crash after the recalculation but before the household's record of it was removed: done again.
        String history = api.http.get("/api/assistance/enrolments/" + enrolmentId, AssistanceApi.OFFICER).json()
                .path("history").toString();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(householdId)), new Update().set(
                "pendingRecalculations", java.util.List.of(new Document("_id", "again").append("fromMonth", nextMonth)
                        .append("reason", "DECEASED").append("incomeFromWork", false))), "households");
        await().atMost(Duration.ofSeconds(30)).until(() -> owed(householdId) == 0);
        assertThat(api.http.get("/api/assistance/enrolments/" + enrolmentId, AssistanceApi.OFFICER).json()
                .path("history").toString()).as("the same recalculation done again changes nothing").isEqualTo(history);
    }

    private java.math.BigDecimal amountFrom(String enrolmentId, String month) {
        return api.http.get("/api/assistance/enrolments/" + enrolmentId, AssistanceApi.OFFICER).json()
                .path("history").valueStream().filter(period -> period.path("fromMonth").asString().equals(month))
                .map(period -> period.path("monthlyAmount").decimalValue()).findFirst().orElse(null);
    }

    private int owed(String householdId) {
        Object pending = mongo.findById(householdId, Document.class, "households").get("pendingRecalculations");
        return pending instanceof java.util.List<?> list ? list.size() : 0;
    }
}
