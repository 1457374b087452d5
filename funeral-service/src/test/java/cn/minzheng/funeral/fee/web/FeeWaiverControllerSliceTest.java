package cn.minzheng.funeral.fee.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.funeral.death.Death;
import cn.minzheng.funeral.death.Deaths;
import cn.minzheng.funeral.fee.FeeWaivers;
import cn.minzheng.funeral.fee.Settlements;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 30.12: a death's fee waiver and a month's settlement are read inside the caller's division only. */
@ControllerSlice(FeeWaiverController.class)
class FeeWaiverControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    Deaths deaths;

    @MockitoBean
    FeeWaivers waivers;

    @MockitoBean
    Settlements settlements;

    @BeforeEach
    void aDeathAtAZhonglouFuneralHome() {
        Death death = mock(Death.class);
        when(death.funeralHomeDivision()).thenReturn(DivisionCode.of("320404"));
        when(deaths.get("death-1")).thenReturn(death);
    }

    @ParameterizedTest(name = "{0} of {1}: {2} -> {3} {4}")
    @CsvSource({
        "funeral-officer,       320413, /api/funeral/deaths/death-1/fee-waiver,                 403, /problems/outside-division",
        "funeral-home-operator, 320413, /api/funeral/deaths/death-1/fee-waiver,                 403, /problems/outside-division",
        "citizen,               320404, /api/funeral/deaths/death-1/fee-waiver,                 403, /problems/forbidden",
        "funeral-officer,       320413, /api/funeral/settlements?division=320404&month=2026-11, 403, /problems/outside-division",
        "integration,           320000, /api/funeral/settlements?division=320404&month=2026-11, 403, /problems/forbidden"
    })
    void waivers_and_settlements_stay_inside_the_callers_division(String role, String division, String path,
            int status, String type) throws Exception {
        expectRefusal(http, "GET", path, null, role, division, status, type);
        verifyNoInteractions(waivers, settlements);
    }
}
