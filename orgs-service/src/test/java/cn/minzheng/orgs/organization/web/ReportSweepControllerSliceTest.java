package cn.minzheng.orgs.organization.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.Mockito.verifyNoInteractions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.orgs.organization.AnnualReportSweep;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 30.12: the annual-report sweep is run on demand by an administrator only. */
@ControllerSlice(ReportSweepController.class)
class ReportSweepControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    AnnualReportSweep sweep;

    @ParameterizedTest(name = "{0} of {1} runs the sweep -> 403 {2}")
    @CsvSource({
        "orgs-officer, 320404, /problems/forbidden",
        "auditor,      320000, /problems/forbidden",
        "inspector,    320404, /problems/forbidden",
        "integration,  320000, /problems/forbidden"
    })
    void only_an_administrator_runs_the_sweep(String role, String division, String type) throws Exception {
        expectRefusal(http, "POST", "/api/orgs/report-sweeps", null, role, division, 403, type);
        verifyNoInteractions(sweep);
    }
}
