package cn.minzheng.registry.appointment.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.registry.appointment.AppointmentService;
import cn.minzheng.registry.appointment.Appointments;
import cn.minzheng.registry.appointment.Slots;
import cn.minzheng.registry.office.Offices;
import cn.minzheng.registry.office.TestOffices;
import cn.minzheng.testsupport.ControllerSlice;
import cn.minzheng.testsupport.TestIdNumbers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Who books at which office, whose bookings a caller sees, and the public places page. */
@ControllerSlice({AppointmentController.class, MyAppointmentsController.class, SlotController.class})
class BookingSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    AppointmentService service;

    @MockitoBean
    Appointments appointments;

    @MockitoBean
    Offices offices;

    @MockitoBean
    Slots slots;

    @MockitoBean
    PersonalDataCipher cipher;

    @BeforeEach
    void office() {
        when(offices.get(TestOffices.ZHONGLOU.id())).thenReturn(TestOffices.ZHONGLOU);
    }

    static String booking(String idNumber) {
        return "{\"officeId\":\"office-320404-01\",\"date\":\"" + LocalDate.now().plusDays(7)
                + "\",\"slot\":\"09:00-10:00\",\"kind\":\"MARRIAGE\",\"name\":\"张伟\""
                + (idNumber == null ? "" : ",\"idNumber\":\"" + idNumber + "\"") + "}";
    }

    @ParameterizedTest(name = "{0} of {1}: {3} {4}")
    @CsvSource({
        "registrar,        320413,       someone,   403, /problems/outside-division",
        "registrar,        320404,       nobody,    400, /problems/invalid-request",
        "township-officer, 320404,       someone,   403, /problems/forbidden",
        "citizen,          320404001001, someone,   403, /problems/no-citizen-identity"
    })
    void a_booking_is_refused_outside_the_offices_division_or_without_a_person(String role, String division,
            String person, int status, String type) throws Exception {
        String id = person.equals("someone") ? TestIdNumbers.male("320404", LocalDate.of(1990, 1, 1)) : null;
        expectRefusal(http, "POST", "/api/registry/appointments", booking(id), role, division, status, type);
        verifyNoInteractions(service);
    }

    @ParameterizedTest(name = "{0}: {2} {3}")
    @CsvSource({
        "registrar, 320404, 403, /problems/forbidden",
        "auditor,   320404, 403, /problems/forbidden"
    })
    void my_appointments_are_for_citizens_only(String role, String division, int status, String type)
            throws Exception {
        expectRefusal(http, "GET", "/api/registry/me/appointments", null, role, division, status, type);
        verifyNoInteractions(appointments);
    }

    @Test
    void the_places_page_needs_no_login() throws Exception {
        when(service.opensAt(any())).thenReturn(ZonedDateTime.now());
        http.perform(get("/api/registry/offices/office-320404-01/slots?date=" + LocalDate.now().plusDays(7)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.officeId").value("office-320404-01"));
    }

    /** A required query parameter left out is named, in the caller's language (Spring's own words are English). */
    @Test
    void a_missing_parameter_is_named_in_chinese() throws Exception {
        http.perform(get("/api/registry/offices/office-320404-01/slots").header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("date"))
                .andExpect(jsonPath("$.errors[0].message").value("必须填写"));
        verifyNoInteractions(slots);
    }
}
