package cn.minzheng.funeral.cemetery.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.funeral.cemetery.BurialService;
import cn.minzheng.funeral.cemetery.Cemeteries;
import cn.minzheng.funeral.cemetery.Cemetery;
import cn.minzheng.funeral.cemetery.PlotSizeLimits;
import cn.minzheng.funeral.death.Death;
import cn.minzheng.funeral.death.Deaths;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12: a cemetery of 钟楼 (320404) is registered, read and buried in by its division's funeral staff; a
 * burial is of a death handled in the division. Every other caller is refused and nothing is written.
 */
@ControllerSlice(CemeteryController.class)
class CemeteryControllerSliceTest {

    static final String NEW_CEMETERY = """
            {"name":"钟楼区公益性公墓","kind":"PUBLIC_WELFARE","eco":false,"divisionCode":"320404",
             "plots":[{"kind":"GRAVE","count":10,"areaSqm":0.8}]}""";
    static final String BURIAL = """
            {"deathId":"death-1","cemeteryId":"cem-1","type":"GRAVE","date":"2026-12-01"}""";

    @Autowired
    MockMvc http;

    @MockitoBean
    Cemeteries cemeteries;

    @MockitoBean
    Deaths deaths;

    @MockitoBean
    BurialService burials;

    @MockitoBean
    PlotSizeLimits limits;

    @BeforeEach
    void aCemeteryAndADeathOfZhonglou() {
        Cemetery cemetery = mock(Cemetery.class);
        when(cemetery.division()).thenReturn(DivisionCode.of("320404"));
        when(cemeteries.get("cem-1")).thenReturn(cemetery);
        Death death = mock(Death.class);
        when(death.id()).thenReturn("death-1");
        when(death.funeralHomeDivision()).thenReturn(DivisionCode.of("320404"));
        when(deaths.get("death-1")).thenReturn(death);
    }

    @ParameterizedTest(name = "{0} of {1}: {2} {3} -> {4} {5}")
    @CsvSource({
        "funeral-officer,       320413, POST, /api/funeral/cemeteries,       403, /problems/outside-division",
        "funeral-home-operator, 320404, POST, /api/funeral/cemeteries,       403, /problems/forbidden",
        "funeral-officer,       320413, GET,  /api/funeral/cemeteries/cem-1, 403, /problems/outside-division",
        "auditor,               320413, GET,  /api/funeral/cemeteries/cem-1, 403, /problems/outside-division",
        "citizen,               320404, GET,  /api/funeral/cemeteries/cem-1, 403, /problems/forbidden",
        "funeral-officer,       320413, GET,  /api/funeral/cemeteries/cem-1/plots, 403, /problems/outside-division",
        "citizen,               320404, GET,  /api/funeral/cemeteries/cem-1/plots, 403, /problems/forbidden",
        "funeral-officer,       320413, GET,  /api/funeral/cemeteries?division=320404, 403, /problems/outside-division",
        "funeral-officer,       320413, POST, /api/funeral/burials,          403, /problems/outside-division",
        "funeral-home-operator, 320404, POST, /api/funeral/burials,          403, /problems/forbidden"
    })
    void cemeteries_and_burials_are_for_the_divisions_staff(String role, String division, String method,
            String path, int status, String type) throws Exception {
        String body = path.endsWith("/cemeteries") && method.equals("POST") ? NEW_CEMETERY
                : path.endsWith("/burials") ? BURIAL : null;
        expectRefusal(http, method, path, body, role, division, status, type);
        verify(cemeteries, never()).insert(any());
        verify(burials, never()).bury(any(), any(), any(), any(), any());
    }
}
