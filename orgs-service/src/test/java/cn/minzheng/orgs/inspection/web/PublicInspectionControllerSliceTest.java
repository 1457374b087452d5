package cn.minzheng.orgs.inspection.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.minzheng.orgs.inspection.InspectionPlans;
import cn.minzheng.orgs.inspection.Inspections;
import cn.minzheng.orgs.inspection.PlanCandidates;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12: what 一公开 publishes (plans, their draws and results) is read without a login, paged with its total;
 * a division is needed, and a draw outside the asked range is refused.
 */
@ControllerSlice(PublicInspectionController.class)
class PublicInspectionControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    InspectionPlans plans;

    @MockitoBean
    Inspections inspections;

    @MockitoBean
    PlanCandidates candidates;

    @MockitoBean
    cn.minzheng.orgs.organization.Organizations organizations;

    @Test
    void published_plans_are_read_without_a_login_and_need_a_division() throws Exception {
        when(plans.find(eq(DivisionCode.of("320404")), any(), anyLong(), anyInt())).thenReturn(List.of());
        when(plans.count(eq(DivisionCode.of("320404")), any())).thenReturn(0L);

        http.perform(get("/api/orgs/public/inspection-plans?division=320404"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(0));
        http.perform(get("/api/orgs/public/inspection-plans")).andExpect(status().isBadRequest());
        http.perform(get("/api/orgs/public/inspection-plans/plan-1/candidates?draw=0"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("draw"));
    }
}
