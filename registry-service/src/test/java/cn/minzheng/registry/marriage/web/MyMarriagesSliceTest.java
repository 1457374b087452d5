package cn.minzheng.registry.marriage.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.Mockito.verifyNoInteractions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.registry.marriage.Marriages;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A citizen's own marriages, by the ID number in their token: nobody else's, and nobody else asks. */
@ControllerSlice(MyMarriagesController.class)
class MyMarriagesSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    Marriages marriages;

    @MockitoBean
    PersonalDataCipher cipher;

    @ParameterizedTest(name = "{0} of {1}: {2} {3}")
    @CsvSource({
        "registrar, 320404,       403, /problems/forbidden",
        "auditor,   320404,       403, /problems/forbidden",
        "citizen,   320404001001, 403, /problems/no-citizen-identity"
    })
    void my_marriages_need_a_citizens_token_with_an_id_number(String role, String division, int status,
            String type) throws Exception {
        expectRefusal(http, "GET", "/api/registry/me/marriages", null, role, division, status, type);
        verifyNoInteractions(marriages);
    }
}
