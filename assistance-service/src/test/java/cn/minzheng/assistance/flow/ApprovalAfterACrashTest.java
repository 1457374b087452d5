package cn.minzheng.assistance.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

import java.time.LocalDate;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.minzheng.assistance.application.ApplicationService;
import cn.minzheng.assistance.enrolment.EnrolmentService;
import cn.minzheng.testsupport.ServiceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Issue 30.3: the county's decision is saved alone, then its effects follow. When the process dies between the two
 * (here the enrolment fails once after the approval is stored), the approval stands without an enrolment, and the
 * completion pass finishes it: the household is enrolled once, whatever runs the pass again.
 */
@ServiceTest
@TestPropertySource(properties = {"minzheng.clock.movable=true",
        "minzheng.assistance.approval-completion-interval=PT1H"})
class ApprovalAfterACrashTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ApplicationService applications;

    @MockitoSpyBean
    EnrolmentService enrolments;

    AssistanceApi api;

    @BeforeEach
    void setUp() {
        api = new AssistanceApi(port);
        api.standard("320404", "800.00", "2018-07-01");
    }

    @Test
    void an_approval_whose_effects_a_crash_interrupted_is_completed_once_by_the_completion_pass() {
        String householdId = api.register(api.family()).json().path("id").asString();
        String applicationId = api.apply(householdId, AssistanceApi.OFFICER).path("id").asString();
        var reviewed = api.review(applicationId, "PASS", "00-" + UUID.randomUUID().toString().replace("-", "")
                + "-00f067aa0ba902b7-01");
        api.advancePast(LocalDate.parse(reviewed.json().path("notice").path("until").asString()));

        doThrow(new DataAccessResourceFailureException("killed after the decision was stored")).doCallRealMethod()
                .when(enrolments).enrol(any(), any(), any(), any());
        var approval = api.approve(applicationId, AssistanceApi.APPROVER);

        assertThat(approval.status()).as(approval.toString()).isGreaterThanOrEqualTo(500);
        Document stored = mongo.findById(applicationId, Document.class, "applications");
        assertThat(stored.getString("status")).as("the decision stands").isEqualTo("APPROVED");
        assertThat(stored.get("enrolmentId")).as("its effects do not yet").isNull();
        assertThat(enrolmentsOf(householdId)).isZero();

        assertThat(applications.completeApprovals()).isGreaterThanOrEqualTo(1);
        applications.completeApprovals();

        assertThat(enrolmentsOf(householdId)).isEqualTo(1);
        String enrolmentId = mongo.findById(applicationId, Document.class, "applications").getString("enrolmentId");
        assertThat(api.http.get("/api/assistance/enrolments/" + enrolmentId, AssistanceApi.OFFICER).json()
                .path("monthlyAmount").decimalValue()).isEqualByComparingTo("2180.00");
    }

    private long enrolmentsOf(String householdId) {
        return mongo.count(new Query(Criteria.where("householdId").is(householdId)), "enrolments");
    }
}
