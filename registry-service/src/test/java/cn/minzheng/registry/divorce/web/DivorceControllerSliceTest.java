package cn.minzheng.registry.divorce.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.registry.divorce.Divorce;
import cn.minzheng.registry.divorce.DivorceService;
import cn.minzheng.registry.divorce.Divorces;
import cn.minzheng.registry.marriage.Marriages;
import cn.minzheng.registry.office.Offices;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Who withdraws, counsels and reads a divorce application filed in 320404: refused before anything changes. */
@ControllerSlice(DivorceController.class)
class DivorceControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    DivorceService service;

    @MockitoBean
    Divorces divorces;

    @MockitoBean
    Marriages marriages;

    @MockitoBean
    Offices offices;

    @MockitoBean
    Clock clock;

    @BeforeEach
    void anApplicationFiledIn320404() {
        Divorce divorce = mock(Divorce.class);
        when(divorce.id()).thenReturn("div-1");
        when(divorce.division()).thenReturn(DivisionCode.of("320404"));
        when(divorces.get("div-1")).thenReturn(divorce);
    }

    @ParameterizedTest(name = "{0} {1} by {3} of {4}: {5}")
    @CsvSource(delimiter = '|', value = {
        "POST | /api/registry/divorces/div-1/withdrawal  | {\"party\":\"A\"}           | registrar        | 320413       | 403 | /problems/outside-division",
        "POST | /api/registry/divorces/div-1/withdrawal  | {\"party\":\"A\"}           | auditor          | 320404       | 403 | /problems/forbidden",
        "POST | /api/registry/divorces/div-1/withdrawal  | {\"party\":\"A\"}           | citizen          | 320404001001 | 403 | /problems/forbidden",
        "POST | /api/registry/divorces/div-1/counselling | {\"counsellor\":\"王老师\"} | registrar        | 320413       | 403 | /problems/outside-division",
        "POST | /api/registry/divorces/div-1/counselling/s-1/answer | {\"accepted\":true} | registrar      | 320413       | 403 | /problems/outside-division",
        "POST | /api/registry/divorces/div-1/registration |                            | township-officer | 320404       | 403 | /problems/forbidden",
        "GET  | /api/registry/divorces/div-1             |                            | citizen          | 320404001001 | 403 | /problems/forbidden",
        "GET  | /api/registry/divorces?windowEndsWithinDays=7 |                       | citizen          | 320404001001 | 403 | /problems/forbidden",
        "GET  | /api/registry/divorces?division=320413   |                            | registrar        | 320404       | 403 | /problems/outside-division",
        "GET  | /api/registry/divorces?windowEndsWithinDays=99 |                      | registrar        | 320404       | 400 | /problems/invalid-request"
    })
    void every_step_is_refused_outside_its_role_or_division(String method, String path, String json, String role,
            String division, int status, String type) throws Exception {
        expectRefusal(http, method, path, json, role, division, status, type);
        verifyNoInteractions(service);
    }
}
