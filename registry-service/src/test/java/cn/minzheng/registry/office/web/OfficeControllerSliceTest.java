package cn.minzheng.registry.office.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.registry.office.OfficeCalendar;
import cn.minzheng.registry.office.Offices;
import cn.minzheng.registry.office.TestOffices;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Offices are opened by an admin only; the list is public for the apps' booking pages. */
@ControllerSlice(OfficeController.class)
class OfficeControllerSliceTest {

    static final String OFFICE = """
            {"code":"T99","name":"测试登记处","divisionCode":"320404","address":"某路 1 号",
             "openingDays":["MONDAY"],"bands":[{"slot":"09:00-10:00","capacity":5}]}""";

    @Autowired
    MockMvc http;

    @MockitoBean
    Offices offices;

    @MockitoBean
    OfficeCalendar days;

    @ParameterizedTest(name = "{0} of {1}: {2}")
    @CsvSource({
        "registrar,        320404, 403, /problems/forbidden",
        "county-approver,  320404, 403, /problems/forbidden",
        "citizen,          320404001001, 403, /problems/forbidden"
    })
    void only_an_admin_opens_an_office(String role, String division, int status, String type) throws Exception {
        expectRefusal(http, "POST", "/api/registry/offices", OFFICE, role, division, status, type);
        verifyNoInteractions(offices);
    }

    @ParameterizedTest(name = "{0} {1} of {2}: {3}")
    @CsvSource({
        "closures,         county-approver, 320404,       403, /problems/forbidden",
        "closures,         citizen,         320404001001, 403, /problems/forbidden",
        "closures,         registrar,       320413,       403, /problems/outside-division",
        "special-openings, citizen,         320404001001, 403, /problems/forbidden",
        "special-openings, registrar,       320413,       403, /problems/outside-division",
        "closures,         registrar,       320404,       400, /problems/invalid-request"
    })
    void only_a_registrar_of_the_offices_division_declares_its_days(String what, String role, String division,
            int status, String type) throws Exception {
        when(offices.get(TestOffices.ZHONGLOU.id())).thenReturn(TestOffices.ZHONGLOU);
        String body = status == 400 ? "{\"date\":\"2027-02-30\",\"note\":\"x\"}"
                : "{\"date\":\"2027-05-22\",\"note\":\"520\"}";
        expectRefusal(http, "POST", "/api/registry/offices/" + TestOffices.ZHONGLOU.id() + "/" + what, body, role,
                division, status, type);
        verifyNoInteractions(days);
    }

    @Test
    void the_office_list_needs_no_login() throws Exception {
        http.perform(get("/api/registry/offices")).andExpect(status().isOk());
    }
}
