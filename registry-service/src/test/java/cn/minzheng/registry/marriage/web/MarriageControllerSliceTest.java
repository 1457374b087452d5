package cn.minzheng.registry.marriage.web;

import static cn.minzheng.testsupport.SliceJwts.caller;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.registry.marriage.TestMarriages;
import cn.minzheng.registry.marriage.MarriageService;
import cn.minzheng.registry.marriage.Marriages;
import cn.minzheng.registry.office.Offices;
import cn.minzheng.registry.office.TestOffices;
import cn.minzheng.testsupport.ControllerSlice;
import cn.minzheng.testsupport.TestIdNumbers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Who may register a marriage at which office: the role and division matrix, with the real security. */
@ControllerSlice(MarriageController.class)
class MarriageControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    MarriageService service;

    @MockitoBean
    Marriages marriages;

    @MockitoBean
    Offices offices;

    @MockitoBean
    PersonalDataCipher cipher;

    @BeforeEach
    void office() {
        when(offices.get(TestOffices.ZHONGLOU.id())).thenReturn(TestOffices.ZHONGLOU);
    }

    static MockHttpServletRequestBuilder marry() {
        return post("/api/registry/marriages").contentType(MediaType.APPLICATION_JSON).content("""
                {"partyA":{"idNumber":"%s","name":"张伟"},"partyB":{"idNumber":"%s","name":"李娜"},
                 "officeId":"office-320404-01","declarationSigned":true}""".formatted(
                TestIdNumbers.male("320404", LocalDate.of(1990, 1, 1)),
                TestIdNumbers.female("320404", LocalDate.of(1991, 1, 1))));
    }

    @ParameterizedTest(name = "{0} of {1}: {2} {3}")
    @CsvSource({
        "registrar, 320413, 403, /problems/outside-division",
        "registrar, 320404002, 403, /problems/outside-division",
        "auditor,   320404, 403, /problems/forbidden",
        "citizen,   320404001001, 403, /problems/forbidden",
        "township-officer, 320404, 403, /problems/forbidden"
    })
    void only_a_registrar_of_the_offices_division_registers_there(String role, String division, int status,
            String type) throws Exception {
        http.perform(marry().with(caller("someone", division, role)))
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.type").value(type));
        verifyNoInteractions(service);
    }

    @Test
    void a_registrar_of_the_province_is_inside_every_county_of_it() throws Exception {
        when(service.register(any(), any(), any(), anyBoolean(), any()))
                .thenThrow(Refusal.conflict("already-married", Refusal.term("party.MALE"), "mar-1"));

        http.perform(marry().with(caller("provincial", "320000", "registrar")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("男方已有配偶（婚姻记录 mar-1），须先离婚或丧偶。"));
    }

    @ParameterizedTest(name = "{0} reads a lasting marriage: actions {1}")
    @CsvSource({
        "registrar, '[\"APPLY_DIVORCE\",\"REISSUE\"]'",
        "auditor,   '[]'"
    })
    void a_read_offers_the_acts_only_to_a_registrar(String role, String actions) throws Exception {
        when(marriages.get("mar-1")).thenReturn(TestMarriages.lasting());

        http.perform(get("/api/registry/marriages/mar-1").with(caller("someone", "320404", role)))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"actions\":" + actions + "}"));
    }
}
