package cn.minzheng.funeral.stats.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.Mockito.verifyNoInteractions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.funeral.stats.FuneralStatistics;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 30.12: a division's statistics for its own staff, over a period that runs forward. */
@ControllerSlice(StatsController.class)
class StatsControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    FuneralStatistics statistics;

    @ParameterizedTest(name = "{0} of {1} asks {2}: {3} {4}")
    @CsvSource({
        "leader,           320413,    division=320404&from=2026-01-01&to=2026-12-01, 403, /problems/outside-division",
        "leader,           320404,    division=320404&from=2026-01-01&to=2026-12-01&series=week, 400, /problems/invalid-request",
        "leader,           320404,    division=320404&from=2024-01-01&to=2026-12-01&series=month, 400, /problems/invalid-request",
        "funeral-officer, 320413, division=320404&from=2026-01-01&to=2026-12-01, 403, /problems/outside-division",
        "auditor, 320413, division=320404&from=2026-01-01&to=2026-12-01, 403, /problems/outside-division",
        "funeral-home-operator, 320404, division=320404&from=2026-01-01&to=2026-12-01, 403, /problems/forbidden",
        "funeral-officer, 320404, division=320404&from=2026-12-01&to=2026-01-01, 400, /problems/invalid-request"
    })
    void statistics_stay_inside_the_callers_division(String role, String division, String query, int status,
            String type) throws Exception {
        expectRefusal(http, "GET", "/api/funeral/stats?" + query, null, role, division, status, type);
        verifyNoInteractions(statistics);
    }
}
