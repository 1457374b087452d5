package cn.minzheng.funeral.onething.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.funeral.callback.CallbackTargets;
import cn.minzheng.funeral.callback.IntegrationClients;
import cn.minzheng.funeral.onething.CaseService;
import cn.minzheng.funeral.onething.OneThingCase;
import cn.minzheng.funeral.onething.OneThingCases;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12: after-death cases for the provincial platform, funeral officers, auditors and administrators of the
 * division of residence; the overdue worklist inside the caller's division. A case of a 钟楼 (320404) resident.
 */
@ControllerSlice(OneThingController.class)
class OneThingControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    CaseService service;

    @MockitoBean
    IntegrationClients integrations;

    @MockitoBean
    CallbackTargets targets;

    @MockitoBean
    OneThingCases cases;

    @MockitoBean
    PersonalDataCipher cipher;

    @BeforeEach
    void aCaseOfZhonglou() {
        OneThingCase found = mock(OneThingCase.class);
        when(found.residenceDivision()).thenReturn(DivisionCode.of("320404001001"));
        when(cases.get("case-1")).thenReturn(found);
    }

    @ParameterizedTest(name = "{0} of {1} asks {2} -> {3} {4}")
    @CsvSource({
        "funeral-officer,        320413, /api/funeral/one-thing/cases/case-1,            403, /problems/outside-division",
        "auditor,                320413, /api/funeral/one-thing/cases/case-1,            403, /problems/outside-division",
        "funeral-officer,        320413, /api/funeral/one-thing/cases/case-1/deliveries, 403, /problems/outside-division",
        "funeral-home-operator,  320404, /api/funeral/one-thing/cases/case-1,            403, /problems/forbidden",
        "citizen,                320404, /api/funeral/one-thing/cases/case-1,            403, /problems/forbidden"
    })
    void a_case_is_read_inside_the_division_of_residence(String role, String division, String path, int status,
            String type) throws Exception {
        expectRefusal(http, "GET", path, null, role, division, status, type);
    }

    @ParameterizedTest(name = "{0} of {1} asks the overdue worklist of {2} -> {3} {4}")
    @CsvSource({
        "funeral-officer,       320413, 320404,        403, /problems/outside-division",
        "funeral-officer,       320404001, 320404,     403, /problems/outside-division",
        "integration,           320000, 320404,        403, /problems/forbidden",
        "funeral-home-operator, 320404, 320404,        403, /problems/forbidden"
    })
    void the_overdue_worklist_stays_inside_the_callers_division(String role, String division, String asked,
            int status, String type) throws Exception {
        expectRefusal(http, "GET", "/api/funeral/one-thing/cases?division=" + asked, null, role, division, status,
                type);
        verifyNoInteractions(cases);
    }
}
