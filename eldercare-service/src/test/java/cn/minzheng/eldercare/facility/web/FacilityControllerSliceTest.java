package cn.minzheng.eldercare.facility.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.eldercare.facility.BedCounters;
import cn.minzheng.eldercare.facility.Facilities;
import cn.minzheng.eldercare.facility.Facility;
import cn.minzheng.eldercare.facility.FacilityType;
import cn.minzheng.eldercare.facility.Ownership;
import cn.minzheng.eldercare.support.CentralisedSupport;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.testsupport.ControllerSlice;
import cn.minzheng.testsupport.SliceJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12: who may register, rate, certify and read a facility, and see the facility worklists. A care home of
 * 钟楼 (320404), registered in the slice; callers of another county, another facility, or a role of no office here
 * are refused, and nothing is written.
 */
@ControllerSlice(FacilityController.class)
class FacilityControllerSliceTest {

    static final String NEW_FACILITY = """
            {"name":"安康护理院","type":"CARE_HOME","ownership":"PUBLIC","divisionCode":"320404003",
             "beds":{"total":40,"nursing":30}}""";

    @Autowired
    MockMvc http;

    @MockitoBean
    Facilities facilities;

    @MockitoBean
    BedCounters beds;

    @MockitoBean
    CentralisedSupport centralisedSupport;

    @BeforeEach
    void aCareHomeOfZhonglou() {
        Facility home = Facility.register("fac-1", "安康护理院", FacilityType.CARE_HOME, Ownership.PUBLIC, null, null,
                DivisionCode.of("320404003"), null, 40, 30, "officer",
                Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
        when(facilities.get("fac-1")).thenReturn(home);
    }

    @ParameterizedTest(name = "{0} of {1}: {2} {3} -> {4} {5}")
    @CsvSource({
        "eldercare-officer, 320413, POST, /api/eldercare/facilities,            403, /problems/outside-division",
        "facility-operator, 320404, POST, /api/eldercare/facilities,            403, /problems/forbidden",
        "auditor,           320404, POST, /api/eldercare/facilities,            403, /problems/forbidden",
        "eldercare-officer, 320413, GET,  /api/eldercare/facilities/fac-1,      403, /problems/outside-division",
        "auditor,           320413, GET,  /api/eldercare/facilities/fac-1,      403, /problems/outside-division",
        "care-provider,     320404, GET,  /api/eldercare/facilities/fac-1,      403, /problems/forbidden",
        "citizen,           320404, GET,  /api/eldercare/facilities/fac-1,      403, /problems/forbidden",
        "eldercare-officer, 320413, GET,  /api/eldercare/facilities/contracts-ending?division=320404, 403, /problems/outside-division",
        "facility-operator, 320404, GET,  /api/eldercare/facilities/suspended-operators?division=320404, 403, /problems/forbidden"
    })
    void a_facility_is_for_its_divisions_staff(String role, String division, String method, String path, int status,
            String type) throws Exception {
        expectRefusal(http, method, path, method.equals("POST") ? NEW_FACILITY : null, role, division, status, type);
        verify(facilities, never()).insert(any());
    }

    @ParameterizedTest(name = "{0} of {1} rates -> {2} {3}")
    @CsvSource({
        "eldercare-officer, 320413, 403, /problems/outside-division",
        "facility-operator, 320404, 403, /problems/forbidden",
        "admin,             320404, 403, /problems/forbidden"
    })
    void only_an_officer_of_the_division_rates(String role, String division, int status, String type)
            throws Exception {
        expectRefusal(http, "POST", "/api/eldercare/facilities/fac-1/ratings",
                "{\"stars\":4,\"ratedOn\":\"2026-11-30\"}", role, division, status, type);
        verify(facilities, never()).save(any());
    }

    @Test
    void an_operator_reports_caregivers_only_for_their_own_facility() throws Exception {
        http.perform(post("/api/eldercare/facilities/fac-1/caregivers")
                .with(SliceJwts.caller("op", "320404003", Map.of("facility_id", "fac-2"), "facility-operator"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"total\":10,\"certified\":8,\"reportedOn\":\"2026-11-30\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value("/problems/other-facility"));
        verify(facilities, never()).save(any());
    }
}
