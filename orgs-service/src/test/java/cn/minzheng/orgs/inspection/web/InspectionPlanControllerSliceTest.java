package cn.minzheng.orgs.inspection.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.orgs.inspection.InspectionPlan;
import cn.minzheng.orgs.inspection.InspectionPlans;
import cn.minzheng.orgs.inspection.Inspections;
import cn.minzheng.orgs.inspection.PlanDrawing;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12: a 钟楼 (320404) 双随机 plan is drawn, read and re-drawn by the division's registry staff; another
 * county's officer draws nothing here and re-draws nothing, and inspectors and auditors only read.
 */
@ControllerSlice(InspectionPlanController.class)
class InspectionPlanControllerSliceTest {

    static final String NEW_PLAN = """
            {"divisionCode":"320404","ratio":0.05,"allCharities":true,"inspectors":["inspector-1","inspector-2"]}""";

    @Autowired
    MockMvc http;

    @MockitoBean
    PlanDrawing drawing;

    @MockitoBean
    InspectionPlans plans;

    @MockitoBean
    Inspections inspections;

    @MockitoBean
    cn.minzheng.orgs.organization.Organizations organizations;

    @BeforeEach
    void aPlanOfZhonglou() {
        InspectionPlan plan = mock(InspectionPlan.class);
        when(plan.division()).thenReturn(DivisionCode.of("320404"));
        when(plans.get("plan-1")).thenReturn(plan);
    }

    @ParameterizedTest(name = "{0} of {1}: {2} {3} -> {4} {5}")
    @CsvSource({
        "orgs-officer, 320413, POST, /api/orgs/inspection-plans,                         403, /problems/outside-division",
        "inspector,    320404, POST, /api/orgs/inspection-plans,                         403, /problems/forbidden",
        "auditor,      320404, POST, /api/orgs/inspection-plans,                         403, /problems/forbidden",
        "orgs-officer, 320413, GET,  /api/orgs/inspection-plans/plan-1,                  403, /problems/outside-division",
        "inspector,    320413, GET,  /api/orgs/inspection-plans/plan-1,                  403, /problems/outside-division",
        "orgs-officer, 320413, POST, /api/orgs/inspection-plans/plan-1/redraw-request,   403, /problems/outside-division",
        "inspector,    320404, POST, /api/orgs/inspection-plans/plan-1/redraw-request,   403, /problems/forbidden",
        "orgs-officer, 320413, POST, /api/orgs/inspection-plans/plan-1/redraw,           403, /problems/outside-division",
        "auditor,      320413, GET,  /api/orgs/inspection-plans?division=320404&year=2026, 403, /problems/outside-division"
    })
    void plans_are_for_the_divisions_registry_staff(String role, String division, String method, String path,
            int status, String type) throws Exception {
        String body = path.endsWith("/inspection-plans") && method.equals("POST") ? NEW_PLAN
                : path.endsWith("/redraw-request") ? "{\"reason\":\"抽取的检查人员与对象有利害关系\"}"
                : path.endsWith("/redraw") ? "{}" : null;
        expectRefusal(http, method, path, body, role, division, status, type);
        verifyNoInteractions(drawing);
    }
}
