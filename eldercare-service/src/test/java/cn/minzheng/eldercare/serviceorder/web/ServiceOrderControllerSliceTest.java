package cn.minzheng.eldercare.serviceorder.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.eldercare.serviceorder.ServiceOrder;
import cn.minzheng.eldercare.serviceorder.ServiceOrders;
import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.testsupport.ControllerSlice;
import cn.minzheng.testsupport.SliceJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12: a home-care order of 钟楼 (320404) given to one provider is read by the division's officers and that
 * provider's staff, proved only by that provider and reimbursed only by the division's officers; a provider's
 * monthly statement is its own.
 */
@ControllerSlice(ServiceOrderController.class)
class ServiceOrderControllerSliceTest {

    static final String PROVIDER = "52320404MJ5837462K";
    static final String OTHER_PROVIDER = "52320404MJ5911208C";

    @Autowired
    MockMvc http;

    @MockitoBean
    ServiceOrders orders;

    @MockitoBean
    PersonalDataCipher cipher;

    @BeforeEach
    void anOrderOfZhonglou() {
        ServiceOrder order = mock(ServiceOrder.class);
        when(order.id()).thenReturn("so-1");
        when(order.division()).thenReturn(DivisionCode.of("320404001"));
        when(order.provider()).thenReturn(CreditCode.of(PROVIDER));
        when(orders.get("so-1")).thenReturn(order);
    }

    @ParameterizedTest(name = "{0} of {1}: {2} {3} -> {4} {5}")
    @CsvSource({
        "eldercare-officer, 320413, GET,  /api/eldercare/service-orders/so-1,               403, /problems/outside-division",
        "auditor,           320413, GET,  /api/eldercare/service-orders/so-1,               403, /problems/outside-division",
        "facility-operator, 320404, GET,  /api/eldercare/service-orders/so-1,               403, /problems/forbidden",
        "eldercare-officer, 320413, GET,  /api/eldercare/service-orders?division=320404,    403, /problems/outside-division",
        "care-provider,     320404, GET,  /api/eldercare/service-orders,                    403, /problems/forbidden",
        "eldercare-officer, 320404, GET,  /api/eldercare/service-orders?size=500,           400, /problems/invalid-request",
        "eldercare-officer, 320413, POST, /api/eldercare/service-orders/so-1/reimbursement, 403, /problems/outside-division",
        "care-provider,     320404, POST, /api/eldercare/service-orders/so-1/reimbursement, 403, /problems/forbidden",
        "eldercare-officer, 320404, POST, /api/eldercare/service-orders/so-1/proof,         403, /problems/forbidden"
    })
    void an_order_is_for_its_division_and_its_provider(String role, String division, String method, String path,
            int status, String type) throws Exception {
        String body = path.endsWith("/proof") ? """
                {"checkIn":"2026-12-01T09:00:00+08:00","checkOut":"2026-12-01T10:00:00+08:00","place":"家中",
                 "elderConfirmed":true,"photoSha256":"%s"}""".formatted("a".repeat(64))
                : path.endsWith("/reimbursement") ? "{}" : null;
        expectRefusal(http, method, path, body, role, division, status, type);
        verify(orders, never()).reimburse(any(), any());
    }

    @Test
    void another_providers_staff_neither_read_the_order_nor_its_statement() throws Exception {
        var otherStaff = SliceJwts.caller("carer", "320404001", Map.of("provider_credit_code", OTHER_PROVIDER),
                "care-provider");
        http.perform(get("/api/eldercare/service-orders/so-1").with(otherStaff))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value("/problems/other-provider"));
        http.perform(get("/api/eldercare/service-orders/statements?providerCreditCode=" + PROVIDER
                + "&month=2026-11").with(otherStaff))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value("/problems/other-provider"));
        http.perform(post("/api/eldercare/service-orders/so-1/proof").with(otherStaff)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"checkIn":"2026-12-01T09:00:00+08:00","checkOut":"2026-12-01T10:00:00+08:00","place":"家中",
                         "elderConfirmed":true,"photoSha256":"%s"}""".formatted("a".repeat(64))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value("/problems/other-provider"));
    }
}
