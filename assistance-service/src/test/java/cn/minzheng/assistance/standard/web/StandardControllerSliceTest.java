package cn.minzheng.assistance.standard.web;

import static cn.minzheng.testsupport.SliceJwts.caller;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.assistance.benefit.Residence;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.assistance.standard.Standard;
import cn.minzheng.assistance.standard.Standards;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Who may set a county's dibao standard: the role and division matrix, with the real security and problems. */
@ControllerSlice(StandardController.class)
class StandardControllerSliceTest {

    static final String BODY = """
            {"divisionCode":"320404","programme":"DIBAO","residence":"ALL","amount":980.00,"effectiveFrom":"2026-07-01"}
            """;

    @Autowired
    MockMvc http;

    @MockitoBean
    Standards standards;

    static MockHttpServletRequestBuilder addStandard() {
        return post("/api/assistance/standards").contentType(MediaType.APPLICATION_JSON).content(BODY);
    }

    @ParameterizedTest(name = "{0} of {1}: {2} {3}")
    @CsvSource({
        "county-approver,  320413, 403, /problems/outside-division",
        "township-officer, 320404001, 403, /problems/forbidden",
        "auditor,          320404, 403, /problems/forbidden",
        "citizen,          320404001001, 403, /problems/forbidden"
    })
    void only_the_countys_approver_or_an_admin_sets_its_standard(String role, String division, int status,
            String type) throws Exception {
        http.perform(addStandard().with(caller("someone", division, role)))
                .andExpect(status().is(status))
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.type").value(type));
        verifyNoInteractions(standards);
    }

    @Test
    void without_a_token_the_answer_is_401_in_chinese() throws Exception {
        http.perform(addStandard())
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("未认证"));
        verifyNoInteractions(standards);
    }

    @Test
    void the_countys_approver_sets_it() throws Exception {
        when(standards.add(eq("320404"), eq(Programme.DIBAO), eq(Residence.ALL), any(Money.class),
                eq(LocalDate.of(2026, 7, 1)), eq("zl-approver"))).thenReturn(new Standard("std-1", "320404",
                Programme.DIBAO, Residence.ALL, Money.of("980.00"), LocalDate.of(2026, 7, 1), "zl-approver",
                Instant.parse("2026-06-20T02:00:00Z"), null, false));

        http.perform(addStandard().with(caller("zl-approver", "320404", "county-approver")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/assistance/standards/std-1"))
                .andExpect(jsonPath("$.amount").value(980.00));
    }

    @Test
    void a_township_code_is_refused_naming_the_field_in_the_callers_language() throws Exception {
        http.perform(addStandard().content(BODY.replace("\"320404\"", "\"320404001\""))
                .with(caller("zl-approver", "320404", "county-approver")).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/not-a-county"))
                .andExpect(jsonPath("$.errors[0].field").value("divisionCode"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("per county")));
        verifyNoInteractions(standards);
    }
}
