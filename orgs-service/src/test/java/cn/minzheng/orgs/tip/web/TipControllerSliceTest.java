package cn.minzheng.orgs.tip.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.orgs.tip.Tip;
import cn.minzheng.orgs.tip.Tips;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12: a tip-off about 钟楼 (320404) is read by the division's registry officers and auditors, its informant
 * only by officers; a login-free tip straight to the service (no gateway mark, issue 29.7) is refused before it is
 * read. Nothing is stored for a refused caller.
 */
@ControllerSlice(TipController.class)
class TipControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    Tips tips;

    @MockitoBean
    PersonalDataCipher cipher;

    @BeforeEach
    void aTipAboutZhonglou() {
        Tip tip = mock(Tip.class);
        when(tip.division()).thenReturn(DivisionCode.of("320404"));
        when(tips.get("tip-1")).thenReturn(tip);
    }

    @ParameterizedTest(name = "{0} of {1}: {2} -> {3} {4}")
    @CsvSource({
        "orgs-officer, 320413, /api/orgs/tips/tip-1,           403, /problems/outside-division",
        "auditor,      320413, /api/orgs/tips/tip-1,           403, /problems/outside-division",
        "inspector,    320404, /api/orgs/tips/tip-1,           403, /problems/forbidden",
        "orgs-officer, 320413, /api/orgs/tips/tip-1/informant, 403, /problems/outside-division",
        "auditor,      320404, /api/orgs/tips/tip-1/informant, 403, /problems/forbidden",
        "orgs-officer, 320413, /api/orgs/tips?division=320404, 403, /problems/outside-division"
    })
    void tips_and_their_informants_stay_with_the_divisions_officers(String role, String division, String path,
            int status, String type) throws Exception {
        expectRefusal(http, "GET", path, null, role, division, status, type);
    }

    @Test
    void a_login_free_tip_without_the_gateways_mark_is_refused_before_it_is_read() throws Exception {
        http.perform(post("/api/orgs/tips").contentType(MediaType.APPLICATION_JSON).content("""
                {"suspectedName":"某非法社会组织","text":"以协会名义收费","divisionCode":"320404"}"""))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/through-gateway-only"));
        verify(tips, never()).insert(any());
    }
}
