package cn.minzheng.eldercare.resident.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.eldercare.facility.Facilities;
import cn.minzheng.eldercare.facility.Facility;
import cn.minzheng.eldercare.facility.FacilityType;
import cn.minzheng.eldercare.facility.Ownership;
import cn.minzheng.eldercare.resident.AdmissionService;
import cn.minzheng.eldercare.resident.Residents;
import cn.minzheng.eldercare.support.CentralisedSupport;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.testsupport.ControllerSlice;
import cn.minzheng.testsupport.SliceJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12: a care home of 钟楼 (320404) admits and lists its residents for its own staff and the division's
 * officers; the list is paged with its total (issue 30.7). Anyone else is refused and nobody is admitted.
 */
@ControllerSlice(ResidentController.class)
class ResidentControllerSliceTest {

    static final String ADMISSION = """
            {"idNumber":"%s","name":"李阿婆","abilityLevel":"MILD","bedType":"NURSING"}""".formatted(
            cn.minzheng.testsupport.TestIdNumbers.female("320404", java.time.LocalDate.of(1940, 2, 2)));

    @Autowired
    MockMvc http;

    @MockitoBean
    AdmissionService admissions;

    @MockitoBean
    Residents residents;

    @MockitoBean
    Facilities facilities;

    @MockitoBean
    PersonalDataCipher cipher;

    @MockitoBean
    CentralisedSupport centralisedSupport;

    @BeforeEach
    void aCareHomeOfZhonglou() {
        when(facilities.get("fac-1")).thenReturn(Facility.register("fac-1", "安康护理院", FacilityType.CARE_HOME,
                Ownership.PUBLIC, null, null, DivisionCode.of("320404003"), null, 40, 30, "officer",
                Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"))));
    }

    @ParameterizedTest(name = "{0} of {1}: {2} {3} -> {4} {5}")
    @CsvSource({
        "eldercare-officer, 320413, POST, /api/eldercare/facilities/fac-1/admissions, 403, /problems/outside-division",
        "auditor,           320404, POST, /api/eldercare/facilities/fac-1/admissions, 403, /problems/forbidden",
        "care-provider,     320404, POST, /api/eldercare/facilities/fac-1/admissions, 403, /problems/forbidden",
        "eldercare-officer, 320413, GET,  /api/eldercare/facilities/fac-1/residents,  403, /problems/outside-division",
        "citizen,           320404, GET,  /api/eldercare/facilities/fac-1/residents,  403, /problems/forbidden"
    })
    void residents_are_for_the_facility_and_its_division(String role, String division, String method, String path,
            int status, String type) throws Exception {
        expectRefusal(http, method, path, method.equals("POST") ? ADMISSION : null, role, division, status, type);
        verify(admissions, never()).admit(any(), any(), any(), any(), any());
    }

    @Test
    void an_operator_of_another_facility_admits_no_one() throws Exception {
        http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/eldercare/facilities/fac-1/admissions")
                .with(SliceJwts.caller("op", "320404003", Map.of("facility_id", "fac-2"), "facility-operator"))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(ADMISSION))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value("/problems/other-facility"));
        verify(admissions, never()).admit(any(), any(), any(), any(), any());
    }

    @Test
    void the_list_is_paged_with_its_total() throws Exception {
        when(residents.admittedAt("fac-1", 0, 20)).thenReturn(List.of());
        when(residents.countAdmittedAt("fac-1")).thenReturn(37L);

        http.perform(get("/api/eldercare/facilities/fac-1/residents?size=20")
                .with(SliceJwts.caller("officer", "320404", "eldercare-officer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(37))
                .andExpect(jsonPath("$.items").isArray());
    }
}
