package cn.minzheng.assistance.enrolment.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.assistance.enrolment.Enrolment;
import cn.minzheng.assistance.enrolment.EnrolmentService;
import cn.minzheng.assistance.enrolment.Enrolments;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Who proposes, decides and reviews an enrolment of 320404001007: refused before anything changes. */
@ControllerSlice(EnrolmentController.class)
class EnrolmentControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    Enrolments enrolments;

    @MockitoBean
    EnrolmentService service;

    @MockitoBean
    Clock clock;

    @BeforeEach
    void anEnrolmentOfAVillageIn320404001() {
        Enrolment enrolment = mock(Enrolment.class);
        when(enrolment.id()).thenReturn("enr-1");
        when(enrolment.division()).thenReturn(DivisionCode.of("320404001007"));
        when(enrolments.get("enr-1")).thenReturn(enrolment);
    }

    @ParameterizedTest(name = "{0} {1} by {3} of {4}: {5}")
    @CsvSource(delimiter = '|', value = {
        "POST | /api/assistance/enrolments/enr-1/termination          | {\"reason\":\"收入超过标准\"}  | county-approver  | 320404    | 403 | /problems/forbidden",
        "POST | /api/assistance/enrolments/enr-1/termination          | {\"reason\":\"收入超过标准\"}  | township-officer | 320404002 | 403 | /problems/outside-division",
        "POST | /api/assistance/enrolments/enr-1/termination/decision | {\"decision\":\"CONFIRM\"} | township-officer | 320404001 | 403 | /problems/forbidden",
        "POST | /api/assistance/enrolments/enr-1/termination/decision | {\"decision\":\"CONFIRM\"} | county-approver  | 320413    | 403 | /problems/outside-division",
        "POST | /api/assistance/enrolments/enr-1/periodic-reviews     |                            | auditor          | 320404    | 403 | /problems/forbidden",
        "GET  | /api/assistance/enrolments/enr-1                      |                            | citizen          | 320404001001 | 403 | /problems/forbidden",
        "GET  | /api/assistance/enrolments/enr-1                      |                            | township-officer | 320413100 | 403 | /problems/outside-division"
    })
    void every_step_is_refused_outside_its_role_or_division(String method, String path, String json, String role,
            String division, int status, String type) throws Exception {
        expectRefusal(http, method, path, json, role, division, status, type);
        verifyNoInteractions(service);
    }
}
