package cn.minzheng.eldercare.adaptation.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.eldercare.adaptation.FamilyCareBeds;
import cn.minzheng.eldercare.adaptation.HomeAdaptation;
import cn.minzheng.eldercare.adaptation.HomeAdaptations;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.testsupport.ControllerSlice;
import cn.minzheng.testsupport.TestIdNumbers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12: a home adaptation in 钟楼 (320404) is assessed, built and accepted by the division's eldercare
 * officers, and a family care bed registered by them; every other caller is refused and nothing is written.
 */
@ControllerSlice(HomeAdaptationController.class)
class HomeAdaptationControllerSliceTest {

    static final String ELDER = TestIdNumbers.female("320404", LocalDate.of(1938, 8, 8));
    static final String ASSESSMENT = """
            {"idNumber":"%s","name":"李阿婆","divisionCode":"320404001007","address":"某路 8 号",
             "items":["卫生间扶手"],"assessedOn":"2026-11-20","estimatedCost":3000.00}""".formatted(ELDER);
    static final String FAMILY_BED = """
            {"idNumber":"%s","name":"李阿婆","divisionCode":"320404001007",
             "providerCreditCode":"52320404MJ5837462K","since":"2026-11-01"}""".formatted(ELDER);

    @Autowired
    MockMvc http;

    @MockitoBean
    HomeAdaptations adaptations;

    @MockitoBean
    FamilyCareBeds familyBeds;

    @MockitoBean
    PersonalDataCipher cipher;

    @BeforeEach
    void anAdaptationOfZhonglou() {
        HomeAdaptation adaptation = mock(HomeAdaptation.class);
        when(adaptation.division()).thenReturn(DivisionCode.of("320404001007"));
        when(adaptations.get("ad-1")).thenReturn(adaptation);
    }

    @ParameterizedTest(name = "{0} of {1}: {2} {3} -> {4} {5}")
    @CsvSource({
        "eldercare-officer, 320413, POST, /api/eldercare/home-adaptations,                 403, /problems/outside-division",
        "facility-operator, 320404, POST, /api/eldercare/home-adaptations,                 403, /problems/forbidden",
        "eldercare-officer, 320413, GET,  /api/eldercare/home-adaptations/ad-1,            403, /problems/outside-division",
        "care-provider,     320404, GET,  /api/eldercare/home-adaptations/ad-1,            403, /problems/forbidden",
        "eldercare-officer, 320413, GET,  /api/eldercare/home-adaptations?division=320404, 403, /problems/outside-division",
        "facility-operator, 320404, GET,  /api/eldercare/home-adaptations,                 403, /problems/forbidden",
        "eldercare-officer, 320404, GET,  /api/eldercare/home-adaptations?status=DONE,     400, /problems/invalid-request",
        "eldercare-officer, 320413, POST, /api/eldercare/home-adaptations/ad-1/construction, 403, /problems/outside-division",
        "auditor,           320404, POST, /api/eldercare/home-adaptations/ad-1/acceptance, 403, /problems/forbidden",
        "eldercare-officer, 320413, POST, /api/eldercare/family-care-beds,                 403, /problems/outside-division",
        "care-provider,     320404, POST, /api/eldercare/family-care-beds,                 403, /problems/forbidden"
    })
    void adaptations_and_family_beds_are_the_divisions_officers(String role, String division, String method,
            String path, int status, String type) throws Exception {
        String body = path.endsWith("/home-adaptations") && method.equals("POST") ? ASSESSMENT
                : path.endsWith("/family-care-beds") ? FAMILY_BED
                : path.endsWith("/construction") ? "{\"startedOn\":\"2026-11-25\",\"contractor\":\"某装饰公司\"}"
                : path.endsWith("/acceptance") ? "{\"acceptedOn\":\"2026-12-01\",\"passed\":true}" : null;
        expectRefusal(http, method, path, body, role, division, status, type);
        verify(adaptations, never()).save(any());
        verify(adaptations, never()).insert(any());
        verifyNoInteractions(familyBeds);
    }
}
