package cn.minzheng.eldercare.inspection.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.eldercare.facility.Facilities;
import cn.minzheng.eldercare.facility.Facility;
import cn.minzheng.eldercare.inspection.Inspection;
import cn.minzheng.eldercare.inspection.Inspections;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.testsupport.ControllerSlice;
import cn.minzheng.testsupport.SliceJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12: who may record, read and rectify a safety inspection, and see the overdue worklist. A facility of
 * 钟楼 (320404) inspected; officers of another county, operators of another facility and roles of no office here are
 * refused before anything is read or written.
 */
@ControllerSlice(InspectionController.class)
class InspectionControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    Inspections inspections;

    @MockitoBean
    Facilities facilities;

    @BeforeEach
    void aFacilityOfZhonglouInspected() {
        Facility facility = mock(Facility.class);
        when(facility.id()).thenReturn("fac-1");
        when(facility.division()).thenReturn(DivisionCode.of("320404002"));
        when(facilities.get("fac-1")).thenReturn(facility);
        Inspection inspection = mock(Inspection.class);
        when(inspection.facilityId()).thenReturn("fac-1");
        when(inspections.get("insp-1")).thenReturn(inspection);
    }

    @ParameterizedTest(name = "{0} of {1}: {2} {3} -> {4} {5}")
    @CsvSource({
        "eldercare-officer, 320413, GET,  /api/eldercare/inspections/insp-1,                 403, /problems/outside-division",
        "eldercare-officer, 320413, GET,  /api/eldercare/inspections/overdue?division=320404, 403, /problems/outside-division",
        "citizen,           320404, GET,  /api/eldercare/inspections/overdue?division=320404, 403, /problems/forbidden",
        "facility-operator, 320404, GET,  /api/eldercare/inspections/overdue?division=320404, 403, /problems/forbidden",
        "auditor,           320413, GET,  /api/eldercare/inspections/insp-1,                 403, /problems/outside-division",
        "care-provider,     320404, GET,  /api/eldercare/inspections/insp-1,                 403, /problems/forbidden"
    })
    void reads_stay_inside_the_callers_division(String role, String division, String method, String path,
            int status, String type) throws Exception {
        expectRefusal(http, method, path, null, role, division, status, type);
    }

    @ParameterizedTest(name = "{0} of {1} records an inspection -> {2} {3}")
    @CsvSource({
        "eldercare-officer, 320413, 403, /problems/outside-division",
        "facility-operator, 320404, 403, /problems/forbidden",
        "auditor,           320404, 403, /problems/forbidden",
        "admin,             320404, 403, /problems/forbidden"
    })
    void only_an_officer_of_the_division_records_an_inspection(String role, String division, int status,
            String type) throws Exception {
        expectRefusal(http, "POST", "/api/eldercare/facilities/fac-1/inspections", """
                {"date":"2026-11-25","findings":[{"item":"疏散通道堆放杂物","severity":"SERIOUS","deadline":"2026-12-05"}]}""",
                role, division, status, type);
        verify(inspections, never()).record(any(), any(), any(), any());
    }

    @Test
    void an_operator_rectifies_only_at_their_own_facility() throws Exception {
        http.perform(post("/api/eldercare/inspections/insp-1/rectifications")
                .with(SliceJwts.caller("op", "320404002", Map.of("facility_id", "fac-2"), "facility-operator"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"findingId\":\"f1\",\"rectifiedOn\":\"2026-12-01\",\"evidence\":\"照片\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value("/problems/other-facility"));
        verify(inspections, never()).rectify(any(), any(), any(), any(), any());
    }

    @Test
    void a_caller_outside_every_division_is_never_shown_the_worklist() throws Exception {
        expectRefusal(http, "GET", "/api/eldercare/inspections/overdue?division=320404", null, "eldercare-officer",
                "320413", 403, "/problems/outside-division");
        verifyNoInteractions(inspections);
    }
}
