package cn.minzheng.assistance.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** One open application per household and programme, however many officers submit one at the same moment. */
@ServiceTest
class ConcurrentApplicationsTest {

    static final String OFFICER = TestJwts.token("officer-xb", "320411001", "township-officer");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void officers_submitting_at_once_for_one_household_open_one_application() throws Exception {
        // In 新北区 (320411), which no other test of this service uses: its own standard, its own households.
        AssistanceApi api = new AssistanceApi(port);
        String approver = TestJwts.token("approver-xb", "320411", "county-approver");
        api.http.postJson("/api/assistance/standards", approver, """
                {"divisionCode":"320411","programme":"DIBAO","residence":"ALL","amount":980.00,
                 "effectiveFrom":"2026-07-01"}""");
        int day = UUID.randomUUID().hashCode() & 4095;
        var registered = api.http.postJson("/api/assistance/households", OFFICER, """
                {"divisionCode":"320411001007","residence":"URBAN","address":"新北区某小区 1 号",
                 "members":[{"idNumber":"%s","name":"周建","relation":"HEAD","disabilityGrade":0,"employed":false,
                   "monthlyIncome":200.00}],
                 "assets":{"deposits":0,"vehicles":0,"houses":1}}""".formatted(
                TestIdNumbers.male("320411", LocalDate.of(1970, 1, 1).plusDays(day))));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String householdId = registered.json().path("id").asString();

        List<Callable<String>> submissions = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String officer = TestJwts.token("officer-race-" + i, "320411001", "township-officer");
            submissions.add(() -> api.http.postJson("/api/assistance/applications", officer, """
                    {"householdId":"%s","programme":"DIBAO","reason":"收入低于低保标准"}""".formatted(householdId))
                    .toString());
        }
        List<String> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (Future<String> answer : pool.invokeAll(submissions)) {
                answers.add(answer.get());
            }
        }
        assertThat(answers.stream().filter(a -> a.startsWith("201"))).as(answers.toString()).hasSize(1);
        assertThat(answers.stream().filter(a -> a.startsWith("409") && a.contains("application-open")))
                .as(answers.toString()).hasSize(7);
        assertThat(mongo.find(new Query(Criteria.where("householdId").is(householdId)), org.bson.Document.class,
                "applications")).hasSize(1);
    }
}
