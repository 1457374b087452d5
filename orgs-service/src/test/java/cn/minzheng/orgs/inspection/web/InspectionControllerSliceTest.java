package cn.minzheng.orgs.inspection.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static cn.minzheng.testsupport.SliceJwts.caller;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.orgs.inspection.Inspection;
import cn.minzheng.orgs.inspection.InspectionPlans;
import cn.minzheng.orgs.inspection.Inspections;
import cn.minzheng.orgs.inspection.InspectorTasks;
import cn.minzheng.orgs.organization.Organizations;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12: an inspection drawn in 钟楼 (320404), assigned to two inspectors, is read by the division's staff and
 * those inspectors, and followed up by them or the division's officers; an officer or inspector of another county
 * is refused, and nothing is saved.
 */
@ControllerSlice(InspectionController.class)
class InspectionControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    InspectionPlans plans;

    @MockitoBean
    Inspections inspections;

    @MockitoBean
    InspectorTasks tasks;

    @MockitoBean
    Organizations organizations;

    @BeforeEach
    void anInspectionOfZhonglou() {
        Inspection inspection = mock(Inspection.class);
        when(inspection.division()).thenReturn(DivisionCode.of("320404"));
        when(inspection.inspectors()).thenReturn(List.of("inspector-1", "inspector-2"));
        when(inspections.get("insp-1")).thenReturn(inspection);
    }

    @ParameterizedTest(name = "{0} of {1}: {2} {3} -> {4} {5}")
    @CsvSource({
        "orgs-officer, 320413, GET,  /api/orgs/inspections/insp-1,            403, /problems/outside-division",
        "inspector,    320413, GET,  /api/orgs/inspections/insp-1,            403, /problems/outside-division",
        "orgs-officer, 320413, POST, /api/orgs/inspections/insp-1/follow-ups, 403, /problems/outside-division",
        "inspector,    320413, POST, /api/orgs/inspections/insp-1/follow-ups, 403, /problems/outside-division",
        "auditor,      320404, POST, /api/orgs/inspections/insp-1/follow-ups, 403, /problems/forbidden",
        "orgs-officer, 320404, POST, /api/orgs/inspections/insp-1/results,    403, /problems/forbidden",
        "integration,  320000, GET,  /api/orgs/inspections/insp-1,            403, /problems/forbidden",
        "orgs-officer, 320404, GET,  /api/orgs/inspections/assigned,          403, /problems/forbidden",
        "auditor,      320404, GET,  /api/orgs/inspections/assigned,          403, /problems/forbidden"
    })
    void an_inspection_is_for_its_inspectors_and_its_divisions_staff(String role, String division, String method,
            String path, int status, String type) throws Exception {
        String body = path.endsWith("/follow-ups") ? "{\"visitedOn\":\"2026-11-30\",\"rectified\":true}"
                : path.endsWith("/results") ? "{\"outcome\":\"COMPLIANT\",\"inspectedOn\":\"2026-11-30\"}" : null;
        expectRefusal(http, method, path, body, role, division, status, type);
        verify(inspections, never()).save(any());
        verify(tasks, never()).of(any(), anyBoolean());
    }

    @Test
    void an_inspector_lists_the_targets_assigned_to_them_by_their_own_name() throws Exception {
        when(tasks.of("inspector-1", true)).thenReturn(List.of());

        http.perform(get("/api/orgs/inspections/assigned?open=true").with(caller("inspector-1", "320404",
                "inspector"))).andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(0));
        verify(tasks).of("inspector-1", true);
    }
}
