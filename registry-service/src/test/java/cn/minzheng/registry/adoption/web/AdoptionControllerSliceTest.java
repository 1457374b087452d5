package cn.minzheng.registry.adoption.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.registry.adoption.AdoptionService;
import cn.minzheng.registry.adoption.Adoptions;
import cn.minzheng.registry.office.Offices;
import cn.minzheng.registry.office.TestOffices;
import cn.minzheng.testsupport.ControllerSlice;
import cn.minzheng.testsupport.TestIdNumbers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** An adoption is registered by a registrar of the office's division only. */
@ControllerSlice(AdoptionController.class)
class AdoptionControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    AdoptionService service;

    @MockitoBean
    Adoptions adoptions;

    @MockitoBean
    Offices offices;

    @MockitoBean
    PersonalDataCipher cipher;

    @BeforeEach
    void office() {
        when(offices.get(TestOffices.ZHONGLOU.id())).thenReturn(TestOffices.ZHONGLOU);
    }

    @ParameterizedTest(name = "{0} of {1}: {2} {3}")
    @CsvSource({
        "registrar,        320413, 403, /problems/outside-division",
        "auditor,          320404, 403, /problems/forbidden",
        "township-officer, 320404, 403, /problems/forbidden"
    })
    void only_a_registrar_of_the_offices_division_registers_an_adoption(String role, String division, int status,
            String type) throws Exception {
        String body = """
                {"officeId":"office-320404-01","assessmentCompleted":true,
                 "adopters":[{"idNumber":"%s","name":"张伟","childrenCount":0}],
                 "child":{"idNumber":"%s","name":"张小丽","status":"ORPHAN"}}""".formatted(
                TestIdNumbers.male("320404", LocalDate.of(1980, 1, 1)),
                TestIdNumbers.female("320404", LocalDate.of(2020, 1, 1)));
        expectRefusal(http, "POST", "/api/registry/adoptions", body, role, division, status, type);
        verifyNoInteractions(service);
    }
}
