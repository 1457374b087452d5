package cn.minzheng.funeral.cemetery.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.funeral.cemetery.BurialService;
import cn.minzheng.funeral.cemetery.Cemeteries;
import cn.minzheng.funeral.cemetery.Cemetery;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.testsupport.ControllerSlice;
import cn.minzheng.testsupport.TestIdNumbers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12: plots of a 钟楼 (320404) cemetery are reserved and renewed by its division's funeral officers; the
 * terms-ending worklist stays inside the caller's division. Nothing is held or renewed for anyone else.
 */
@ControllerSlice(PlotController.class)
class PlotControllerSliceTest {

    static final String RESERVATION = """
            {"cemeteryId":"cem-1","plotKind":"GRAVE","idNumber":"%s","name":"王老太","divisionCode":"320404001001",
             "ground":"SURVIVING_SPOUSE","nextToDeathId":"death-1"}""".formatted(
            TestIdNumbers.female("320404", LocalDate.of(1942, 4, 4)));

    @Autowired
    MockMvc http;

    @MockitoBean
    Cemeteries cemeteries;

    @MockitoBean
    BurialService burials;

    @MockitoBean
    PersonalDataCipher cipher;

    @BeforeEach
    void aCemeteryOfZhonglou() {
        Cemetery cemetery = mock(Cemetery.class);
        when(cemetery.id()).thenReturn("cem-1");
        when(cemetery.division()).thenReturn(DivisionCode.of("320404"));
        when(cemeteries.get("cem-1")).thenReturn(cemetery);
    }

    @ParameterizedTest(name = "{0} of {1}: {2} {3} -> {4} {5}")
    @CsvSource({
        "funeral-officer,       320413, POST, /api/funeral/reservations,                        403, /problems/outside-division",
        "funeral-home-operator, 320404, POST, /api/funeral/reservations,                        403, /problems/forbidden",
        "funeral-officer,       320413, POST, /api/funeral/cemeteries/cem-1/plots/G-1/renewal,  403, /problems/outside-division",
        "auditor,               320404, POST, /api/funeral/cemeteries/cem-1/plots/G-1/renewal,  403, /problems/forbidden",
        "funeral-officer,       320413, GET,  /api/funeral/cemeteries/terms-ending?division=320404, 403, /problems/outside-division",
        "funeral-home-operator, 320404, GET,  /api/funeral/cemeteries/terms-ending?division=320404, 403, /problems/forbidden"
    })
    void plots_are_for_the_divisions_funeral_officers(String role, String division, String method, String path,
            int status, String type) throws Exception {
        String body = path.endsWith("/reservations") ? RESERVATION
                : path.endsWith("/renewal") ? "{\"years\":10,\"currentUntil\":\"2046-12-01\"}" : null;
        expectRefusal(http, method, path, body, role, division, status, type);
        verify(burials, never()).reserve(any(), any(), any(), any());
        verify(burials, never()).renew(any(), any(), anyInt(), any());
        verify(cemeteries, never()).termsEndingBy(any(), any(), anyLong(), anyInt());
    }
}
