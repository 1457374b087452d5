package cn.minzheng.orgs.support.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.orgs.organization.Organization;
import cn.minzheng.orgs.organization.Organizations;
import cn.minzheng.orgs.support.Donation;
import cn.minzheng.orgs.support.SupportRecords;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12: donations to a 钟楼 (320404) organisation are pledged, read and received by the division's registry
 * staff; nothing is stored or changed for anyone else.
 */
@ControllerSlice(DonationController.class)
@Import(SupportAccess.class)
class DonationControllerSliceTest {

    static final String PLEDGE = """
            {"organizationId":"org-1","donorKind":"%s","donorName":"某企业","purpose":"助学",
             "pledged":10000.00,"pledgedOn":"2026-11-01"}""".formatted(Donation.DonorKind.values()[0]);

    @Autowired
    MockMvc http;

    @MockitoBean
    Organizations organizations;

    @MockitoBean
    SupportRecords.Donations donations;

    @BeforeEach
    void anOrganisationAndADonationOfZhonglou() {
        Organization org = mock(Organization.class);
        when(org.division()).thenReturn(DivisionCode.of("320404"));
        when(organizations.get("org-1")).thenReturn(org);
        Donation donation = mock(Donation.class);
        when(donation.division()).thenReturn(DivisionCode.of("320404"));
        when(donations.get("don-1")).thenReturn(donation);
        when(donations.collectionName()).thenReturn("donations");
    }

    @ParameterizedTest(name = "{0} of {1}: {2} {3} -> {4} {5}")
    @CsvSource({
        "orgs-officer, 320413, POST, /api/orgs/donations,                 403, /problems/outside-division",
        "auditor,      320404, POST, /api/orgs/donations,                 403, /problems/forbidden",
        "orgs-officer, 320413, GET,  /api/orgs/donations/don-1,           403, /problems/outside-division",
        "inspector,    320404, GET,  /api/orgs/donations/don-1,           403, /problems/forbidden",
        "orgs-officer, 320413, POST, /api/orgs/donations/don-1/receipts,  403, /problems/outside-division",
        "admin,        320404, POST, /api/orgs/donations/don-1/receipts,  403, /problems/forbidden",
        "auditor,      320413, GET,  /api/orgs/donations?division=320404, 403, /problems/outside-division"
    })
    void donations_are_for_the_divisions_registry_staff(String role, String division, String method, String path,
            int status, String type) throws Exception {
        String body = path.endsWith("/donations") && method.equals("POST") ? PLEDGE
                : path.endsWith("/receipts") ? "{\"amount\":5000.00,\"receivedOn\":\"2026-11-20\"}" : null;
        expectRefusal(http, method, path, body, role, division, status, type);
        verify(donations, never()).insert(any());
        verify(donations, never()).save(any());
    }
}
