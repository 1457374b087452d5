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

/**
 * One open application per household and programme, however many officers submit one at the same moment; and one
 * decision per application, however many approvers decide at once. The clock moves past public notices (in 新北区,
 * which no other test uses).
 */
@ServiceTest
@org.springframework.test.context.TestPropertySource(properties = "minzheng.clock.movable=true")
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

    /**
     * Two county approvers deciding one application at the same moment, one approving and one rejecting: whichever
     * decision stands, the enrolment (with its assistance.approved event) exists if and only if it is an approval.
     */
    @Test
    void two_approvers_deciding_at_once_leave_no_enrolment_behind_a_rejection() throws Exception {
        AssistanceApi api = new AssistanceApi(port);
        String approver = TestJwts.token("approver-xb", "320411", "county-approver");
        String secondApprover = TestJwts.token("approver-xb-2", "320411", "county-approver");
        api.http.postJson("/api/assistance/standards", approver, """
                {"divisionCode":"320411","programme":"DIBAO","residence":"ALL","amount":980.00,
                 "effectiveFrom":"2026-07-01"}""");
        List<String> applications = new ArrayList<>();
        java.time.LocalDate noticeUntil = null;
        for (int n = 0; n < 6; n++) {
            int day = UUID.randomUUID().hashCode() & 4095;
            String householdId = api.http.postJson("/api/assistance/households", OFFICER, """
                    {"divisionCode":"320411001007","residence":"URBAN","address":"新北区某小区 2 号",
                     "members":[{"idNumber":"%s","name":"吴强","relation":"HEAD","disabilityGrade":0,"employed":false,
                       "monthlyIncome":200.00}],
                     "assets":{"deposits":0,"vehicles":0,"houses":1}}""".formatted(
                    TestIdNumbers.male("320411", LocalDate.of(1960, 1, 1).plusDays(day)))).json().path("id").asString();
            String id = api.apply(householdId, OFFICER).path("id").asString();
            var reviewed = api.http.postJson("/api/assistance/applications/" + id + "/review", OFFICER,
                    "{\"decision\":\"PASS\",\"opinion\":\"入户调查属实\"}");
            assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
            noticeUntil = LocalDate.parse(reviewed.json().path("notice").path("until").asString());
            applications.add(id);
        }
        api.advancePast(noticeUntil);

        for (String id : applications) {
            String approval = "/api/assistance/applications/" + id + "/approval";
            List<Callable<Integer>> decisions = List.of(
                    () -> api.http.postJson(approval, approver, "{\"decision\":\"APPROVE\",\"opinion\":\"同意\"}")
                            .status(),
                    () -> api.http.postJson(approval, secondApprover,
                            "{\"decision\":\"REJECT\",\"opinion\":\"收入核实有误\"}").status());
            try (var pool = Executors.newFixedThreadPool(2)) {
                pool.invokeAll(decisions);
            }
            String status = api.http.get("/api/assistance/applications/" + id, approver).json().path("status")
                    .asString();
            // The enrolment's id is derived from the application's: read by _id.
            long enrolments = mongo.findById(cn.minzheng.assistance.enrolment.EnrolmentService.enrolmentIdFor(id),
                    org.bson.Document.class, "enrolments") == null ? 0 : 1;
            assertThat(enrolments).as(id + " " + status).isEqualTo("APPROVED".equals(status) ? 1 : 0);
        }
    }
}
