package cn.minzheng.registry.stats.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.Mockito.verifyNoInteractions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.registry.stats.RegistryStatistics;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Statistics of a division for its own staff only, over a period that runs forward. */
@ControllerSlice(StatsController.class)
class StatsControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    RegistryStatistics statistics;

    @ParameterizedTest(name = "{0} of {1} asks {2}: {3} {4}")
    @CsvSource({
        "leader,           320413,    division=320404&from=2026-01-01&to=2026-12-01, 403, /problems/outside-division",
        "leader,           320404,    division=320404&from=2026-01-01&to=2026-12-01&series=week, 400, /problems/invalid-request",
        "leader,           320404,    division=320404&from=2024-01-01&to=2026-12-01&series=month, 400, /problems/invalid-request",
        "registrar,        320413,    division=320404&from=2026-01-01&to=2026-12-01, 403, /problems/outside-division",
        "registrar,        320404, division=320413&from=2026-01-01&to=2026-12-01, 403, /problems/outside-division",
        "citizen,          320404001001, division=320404&from=2026-01-01&to=2026-12-01, 403, /problems/forbidden",
        "registrar,        320404,    division=320404&from=2026-12-01&to=2026-01-01, 400, /problems/invalid-request"
    })
    void statistics_stay_inside_the_callers_division(String role, String division, String query, int status,
            String type) throws Exception {
        expectRefusal(http, "GET", "/api/registry/stats?" + query, null, role, division, status, type);
        verifyNoInteractions(statistics);
    }

    @org.junit.jupiter.api.Test
    void a_leader_reads_their_countys_year_month_by_month_each_month_computed_as_a_period() throws Exception {
        http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/registry/stats?division=320404&from=2026-01-01&to=2026-03-15&series=month")
                        .with(cn.minzheng.testsupport.SliceJwts.caller("zl-leader", "320404", "leader")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.months.length()")
                        .value(3))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.months[2].to")
                        .value("2026-03-15"));
        org.mockito.Mockito.verify(statistics).report(cn.minzheng.platform.identity.DivisionCode.of("320404"),
                java.time.LocalDate.of(2026, 2, 1), java.time.LocalDate.of(2026, 2, 28));
    }
}
