package cn.minzheng.funeral.subscription.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.funeral.callback.CallbackTargets;
import cn.minzheng.funeral.callback.IntegrationClients;
import cn.minzheng.funeral.subscription.DeathSubscription;
import cn.minzheng.funeral.subscription.DeathSubscriptions;
import cn.minzheng.testsupport.ControllerSlice;
import cn.minzheng.testsupport.SliceJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12: death-notification subscriptions belong to the integration client that made them: other roles are
 * refused, and another client's subscription answers 404 as an unknown one does (its existence is not disclosed).
 */
@ControllerSlice(SubscriptionController.class)
class SubscriptionControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    DeathSubscriptions subscriptions;

    @MockitoBean
    IntegrationClients integrations;

    @MockitoBean
    CallbackTargets targets;

    @BeforeEach
    void aSubscriptionOfTheProvince() {
        DeathSubscription subscription = mock(DeathSubscription.class);
        when(subscription.clientId()).thenReturn("province-one-thing");
        when(subscriptions.get("sub-1")).thenReturn(subscription);
    }

    @ParameterizedTest(name = "{0} of {1}: {2} {3} -> 403")
    @CsvSource({
        "funeral-officer, 320404, GET,    /api/funeral/subscriptions",
        "admin,           320000, GET,    /api/funeral/subscriptions",
        "funeral-officer, 320404, DELETE, /api/funeral/subscriptions/sub-1",
        "auditor,         320000, GET,    /api/funeral/subscriptions/sub-1/deliveries"
    })
    void subscriptions_are_the_integration_clients(String role, String division, String method, String path)
            throws Exception {
        expectRefusal(http, method, path, null, role, division, 403, "/problems/forbidden");
        verify(subscriptions, never()).save(any());
    }

    @Test
    void another_clients_subscription_is_not_found() throws Exception {
        http.perform(delete("/api/funeral/subscriptions/sub-1")
                .with(SliceJwts.caller("city", "320000", Map.of("azp", "city-platform"), "integration")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.type").value("/problems/not-found"));
        verify(subscriptions, never()).save(any());
    }
}
