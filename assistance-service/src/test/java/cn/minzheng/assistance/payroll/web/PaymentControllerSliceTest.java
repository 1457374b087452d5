package cn.minzheng.assistance.payroll.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.assistance.household.Household;
import cn.minzheng.assistance.household.Households;
import cn.minzheng.assistance.payroll.Payments;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A household's payments for staff of its division; a citizen's own through /me only. */
@ControllerSlice(PaymentController.class)
class PaymentControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    Payments payments;

    @MockitoBean
    Households households;

    @MockitoBean
    PersonalDataCipher cipher;

    @BeforeEach
    void aHouseholdOfAVillageIn320404001() {
        Household household = mock(Household.class);
        when(household.division()).thenReturn(DivisionCode.of("320404001007"));
        when(households.get("hh-1")).thenReturn(household);
    }

    @ParameterizedTest(name = "{0} {1} by {2} of {3}: {4}")
    @CsvSource({
        "/api/assistance/payments?householdId=hh-1, township-officer, 320404002,    403, /problems/outside-division",
        "/api/assistance/payments?householdId=hh-1, county-approver,  320413,       403, /problems/outside-division",
        "/api/assistance/payments?householdId=hh-1, citizen,          320404001001, 403, /problems/forbidden",
        "/api/assistance/me/payments,               township-officer, 320404001,    403, /problems/forbidden"
    })
    void payments_are_read_inside_the_division_or_by_the_citizen_themself(String path, String role,
            String division, int status, String type) throws Exception {
        expectRefusal(http, "GET", path, null, role, division, status, type);
        verifyNoInteractions(payments);
    }
}
