package cn.minzheng.assistance.payroll.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.assistance.payroll.PayrollService;
import cn.minzheng.assistance.payroll.Payrolls;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A county's monthly payroll is started by that county's approver only. */
@ControllerSlice(PayrollController.class)
class PayrollControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    PayrollService service;

    @MockitoBean
    Payrolls payrolls;

    @MockitoBean
    cn.minzheng.assistance.payroll.Payments payments;

    @ParameterizedTest(name = "{0} of {1}, payroll of {2}: {3} {4}")
    @CsvSource({
        "township-officer, 320404001, 320404,    403, /problems/forbidden",
        "auditor,          320404,    320404,    403, /problems/forbidden",
        "county-approver,  320413,    320404,    403, /problems/outside-division",
        "county-approver,  320404,    320404001, 400, /problems/invalid-request"
    })
    void only_the_countys_approver_starts_its_payroll(String role, String division, String county, int status,
            String type) throws Exception {
        expectRefusal(http, "POST", "/api/assistance/payrolls",
                "{\"month\":\"2026-12\",\"divisionCode\":\"" + county + "\"}", role, division, status, type);
        // (the mock also gets the startup event that resumes interrupted runs: only start() matters here)
        verify(service, never()).start(any(), any(), any(), any());
    }

    /** The run's payment list: its county's approver (and the read-only roles there), never a township. */
    @ParameterizedTest(name = "{0} of {1}: {2}")
    @CsvSource({
        "township-officer, 320404001, 403, /problems/forbidden",
        "county-approver,  320413,    403, /problems/outside-division"
    })
    void the_payment_list_is_the_countys(String role, String division, int status, String type) throws Exception {
        cn.minzheng.assistance.payroll.Payroll run = org.mockito.Mockito.mock(cn.minzheng.assistance.payroll.Payroll.class);
        org.mockito.Mockito.when(run.county()).thenReturn("320404");
        org.mockito.Mockito.when(payrolls.get("pr-1")).thenReturn(run);
        expectRefusal(http, "GET", "/api/assistance/payrolls/pr-1/payments.csv", null, role, division, status, type);
        org.mockito.Mockito.verifyNoInteractions(payments);
    }
}
