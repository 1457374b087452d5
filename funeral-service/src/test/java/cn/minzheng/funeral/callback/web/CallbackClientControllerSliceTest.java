package cn.minzheng.funeral.callback.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.Mockito.verifyNoInteractions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.funeral.callback.CallbackClients;
import cn.minzheng.funeral.callback.CallbackTargets;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12: an integration client's callback registration (its signing secret and allowed callback addresses) is
 * an administrator's to set and read; the client itself and every other role are refused before anything is read.
 */
@ControllerSlice(CallbackClientController.class)
class CallbackClientControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    CallbackClients clients;

    @MockitoBean
    CallbackTargets targets;

    @MockitoBean
    PersonalDataCipher cipher;

    @ParameterizedTest(name = "{0} of {1}: {2} -> 403 {3}")
    @CsvSource({
        "integration,     320000, PUT, /problems/forbidden",
        "funeral-officer, 320404, PUT, /problems/forbidden",
        "auditor,         320000, PUT, /problems/forbidden",
        "integration,     320000, GET, /problems/forbidden",
        "funeral-officer, 320404, GET, /problems/forbidden"
    })
    void only_an_administrator_sets_or_reads_a_clients_callbacks(String role, String division, String method,
            String type) throws Exception {
        expectRefusal(http, method, "/api/funeral/integration-clients/province-one-thing",
                method.equals("PUT") ? "{\"divisions\":[\"320000\"],\"allowList\":[]}" : null, role, division, 403,
                type);
        verifyNoInteractions(clients, targets);
    }
}
