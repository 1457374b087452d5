package cn.minzheng.assistance.application.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.assistance.application.ApplicationService;
import cn.minzheng.assistance.application.Applications;
import cn.minzheng.assistance.household.Households;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A citizen's own applications need a citizen's token with an ID number; the village notice board needs none. */
@ControllerSlice({MyApplicationsController.class, PublicNoticeController.class})
class CitizenAndPublicSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    ApplicationService service;

    @MockitoBean
    Applications applications;

    @MockitoBean
    Households households;

    @MockitoBean
    PersonalDataCipher cipher;

    @TestConfiguration
    static class Time {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @ParameterizedTest(name = "{0} of {1}: {2} {3}")
    @CsvSource({
        "township-officer, 320404001,    403, /problems/forbidden",
        "county-approver,  320404,       403, /problems/forbidden",
        "citizen,          320404001001, 403, /problems/no-citizen-identity"
    })
    void my_applications_are_a_citizens_own_by_the_id_number_in_the_token(String role, String division, int status,
            String type) throws Exception {
        expectRefusal(http, "GET", "/api/assistance/me/applications", null, role, division, status, type);
        verifyNoInteractions(applications);
    }

    @Test
    void the_notice_board_needs_no_login_but_a_division_code() throws Exception {
        http.perform(get("/api/assistance/public-notices?division=32040X"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-division-code"));
        http.perform(get("/api/assistance/public-notices?division=320404"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isArray());
    }
}
