package cn.minzheng.assistance.application.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.assistance.application.Application;
import cn.minzheng.assistance.application.ApplicationService;
import cn.minzheng.assistance.application.Applications;
import cn.minzheng.assistance.household.Households;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Who reviews, approves and reads an application of 320404001007: refused before anything is decided. */
@ControllerSlice(ApplicationController.class)
class ApplicationControllerSliceTest {

    static final String REVIEW = "{\"decision\":\"PASS\",\"opinion\":\"入户调查属实\"}";
    static final String APPROVAL = "{\"decision\":\"APPROVE\",\"opinion\":\"同意\"}";

    @Autowired
    MockMvc http;

    @MockitoBean
    ApplicationService service;

    @MockitoBean
    Applications applications;

    @MockitoBean
    Households households;

    @MockitoBean
    PersonalDataCipher cipher;

    @BeforeEach
    void anApplicationOfAVillageIn320404001() {
        Application application = mock(Application.class);
        when(application.id()).thenReturn("app-1");
        when(application.division()).thenReturn(DivisionCode.of("320404001007"));
        when(applications.get("app-1")).thenReturn(application);
    }

    @ParameterizedTest(name = "{0} {1} by {3} of {4}: {5}")
    @CsvSource(delimiter = '|', value = {
        "POST | /api/assistance/applications/app-1/review   | REVIEW   | county-approver  | 320404       | 403 | /problems/forbidden",
        "POST | /api/assistance/applications/app-1/review   | REVIEW   | township-officer | 320404002    | 403 | /problems/outside-division",
        "POST | /api/assistance/applications/app-1/review   | REVIEW   | citizen          | 320404001001 | 403 | /problems/forbidden",
        "POST | /api/assistance/applications/app-1/approval | APPROVAL | township-officer | 320404001    | 403 | /problems/forbidden",
        "POST | /api/assistance/applications/app-1/approval | APPROVAL | county-approver  | 320413       | 403 | /problems/outside-division",
        "POST | /api/assistance/applications/app-1/approval | APPROVAL | auditor          | 320404       | 403 | /problems/forbidden",
        "GET  | /api/assistance/applications/app-1          |          | township-officer | 320404002    | 403 | /problems/outside-division",
        "GET  | /api/assistance/applications/app-1          |          | citizen          | 320404001001 | 403 | /problems/forbidden",
        "GET  | /api/assistance/applications?division=320413 |        | county-approver  | 320404       | 403 | /problems/outside-division"
    })
    void every_step_is_refused_outside_its_role_or_division(String method, String path, String body, String role,
            String division, int status, String type) throws Exception {
        String json = body == null ? null : body.equals("REVIEW") ? REVIEW : APPROVAL;
        expectRefusal(http, method, path, json, role, division, status, type);
        verifyNoInteractions(service);
    }
}
