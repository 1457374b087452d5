package cn.minzheng.funeral.death.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.funeral.callback.IntegrationClients;
import cn.minzheng.funeral.death.Death;
import cn.minzheng.funeral.death.Deaths;
import cn.minzheng.funeral.retraction.RetractionService;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12: a death handled at a funeral home of 钟楼 (320404): its services and cremation by that division's
 * funeral homes, its retraction by the division's funeral officers, its reading by their staff; every other caller is
 * refused before anything is written.
 */
@ControllerSlice(DeathController.class)
class DeathControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    Deaths deaths;

    @MockitoBean
    MongoTemplate mongo;

    @MockitoBean
    IntegrationClients integrations;

    @MockitoBean
    PersonalDataCipher cipher;

    @MockitoBean
    RetractionService retractions;

    @BeforeEach
    void aDeathAtAZhonglouFuneralHome() {
        Death death = mock(Death.class);
        when(death.funeralHomeDivision()).thenReturn(DivisionCode.of("320404"));
        when(deaths.get("death-1")).thenReturn(death);
    }

    @ParameterizedTest(name = "{0} of {1}: {2} {3} -> {4} {5}")
    @CsvSource({
        "funeral-home-operator, 320413, POST, /api/funeral/deaths/death-1/services,     403, /problems/outside-division",
        "funeral-officer,       320404, POST, /api/funeral/deaths/death-1/services,     403, /problems/forbidden",
        "funeral-home-operator, 320413, POST, /api/funeral/deaths/death-1/cremation,    403, /problems/outside-division",
        "auditor,               320404, POST, /api/funeral/deaths/death-1/cremation,    403, /problems/forbidden",
        "funeral-officer,       320413, POST, /api/funeral/deaths/death-1/retraction,   403, /problems/outside-division",
        "funeral-home-operator, 320404, POST, /api/funeral/deaths/death-1/retraction,   403, /problems/forbidden",
        "funeral-officer,       320413, POST, /api/funeral/deaths/death-1/retraction/confirmation, 403, /problems/outside-division",
        "funeral-officer,       320413, GET,  /api/funeral/deaths/death-1,              403, /problems/outside-division",
        "citizen,               320404, GET,  /api/funeral/deaths/death-1,              403, /problems/forbidden",
        "integration,           320000, GET,  /api/funeral/deaths/death-1,              403, /problems/forbidden"
    })
    void a_death_is_handled_by_its_divisions_staff_only(String role, String division, String method, String path,
            int status, String type) throws Exception {
        String body = path.endsWith("/services") ? "{\"item\":\"TRANSPORT\",\"quantity\":1,\"on\":\"2026-12-01\"}"
                : path.endsWith("/cremation") ? "{\"certificateNo\":\"HH-2026-0001\",\"date\":\"2026-12-01\"}"
                : path.endsWith("/retraction") ? "{\"reason\":\"身份证号码录入错误\"}" : null;
        expectRefusal(http, method, path, body, role, division, status, type);
        verify(deaths, never()).save(any());
        verifyNoInteractions(retractions);
    }
}
