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
import cn.minzheng.orgs.support.Project;
import cn.minzheng.orgs.support.SupportRecords;
import cn.minzheng.orgs.support.Tenancy;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12: the three support controllers (donations, service projects, incubation tenancies) of 钟楼 (320404) are
 * for the division's registry staff: a record is created, read and changed by its officers and read by its auditors
 * and administrators; another county's staff and other roles are refused, and nothing is stored or changed.
 */
@ControllerSlice({DonationController.class, ProjectController.class, TenancyController.class})
@Import(SupportAccess.class)
class SupportControllersSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    Organizations organizations;

    @MockitoBean
    SupportRecords.Donations donations;

    @MockitoBean
    SupportRecords.Projects projects;

    @MockitoBean
    SupportRecords.Tenancies tenancies;

    @BeforeEach
    void recordsOfZhonglou() {
        Organization org = mock(Organization.class);
        when(org.id()).thenReturn("org-1");
        when(org.division()).thenReturn(DivisionCode.of("320404"));
        when(organizations.get("org-1")).thenReturn(org);
        DivisionCode zhonglou = DivisionCode.of("320404");
        Donation donation = mock(Donation.class);
        when(donation.division()).thenReturn(zhonglou);
        when(donations.get("rec-1")).thenReturn(donation);
        Project project = mock(Project.class);
        when(project.division()).thenReturn(zhonglou);
        when(projects.get("rec-1")).thenReturn(project);
        Tenancy tenancy = mock(Tenancy.class);
        when(tenancy.division()).thenReturn(zhonglou);
        when(tenancies.get("rec-1")).thenReturn(tenancy);
    }

    @ParameterizedTest(name = "{0} of {1}: {2} {3} -> {5} {6}")
    @CsvSource(delimiter = '|', value = {
        "orgs-officer | 320413 | POST | /api/orgs/donations | {\"organizationId\":\"org-1\",\"donorKind\":\"ENTERPRISE\",\"pledged\":10000.00,\"pledgedOn\":\"2026-11-01\"} | 403 | /problems/outside-division",
        "auditor      | 320404 | POST | /api/orgs/donations | {\"organizationId\":\"org-1\",\"donorKind\":\"ENTERPRISE\",\"pledged\":10000.00,\"pledgedOn\":\"2026-11-01\"} | 403 | /problems/forbidden",
        "orgs-officer | 320413 | GET  | /api/orgs/donations/rec-1 | | 403 | /problems/outside-division",
        "inspector    | 320404 | GET  | /api/orgs/donations/rec-1 | | 403 | /problems/forbidden",
        "orgs-officer | 320413 | POST | /api/orgs/donations/rec-1/receipts | {\"amount\":5000.00,\"receivedOn\":\"2026-11-20\"} | 403 | /problems/outside-division",
        "admin        | 320404 | POST | /api/orgs/donations/rec-1/receipts | {\"amount\":5000.00,\"receivedOn\":\"2026-11-20\"} | 403 | /problems/forbidden",
        "auditor      | 320413 | GET  | /api/orgs/donations?division=320404 | | 403 | /problems/outside-division",
        "orgs-officer | 320413 | POST | /api/orgs/projects | {\"kind\":\"GOVERNMENT_PURCHASE\",\"title\":\"社区助餐\",\"organizationId\":\"org-1\",\"purchaser\":\"钟楼区民政局\",\"amount\":200000.00,\"startsOn\":\"2026-01-01\",\"endsOn\":\"2026-12-31\"} | 403 | /problems/outside-division",
        "orgs-officer | 320413 | GET  | /api/orgs/projects/rec-1 | | 403 | /problems/outside-division",
        "orgs-officer | 320413 | POST | /api/orgs/projects/rec-1/evaluation | {\"rating\":\"GOOD\",\"evaluatedOn\":\"2026-11-30\"} | 403 | /problems/outside-division",
        "auditor      | 320404 | POST | /api/orgs/projects/rec-1/evaluation | {\"rating\":\"GOOD\",\"evaluatedOn\":\"2026-11-30\"} | 403 | /problems/forbidden",
        "orgs-officer | 320413 | POST | /api/orgs/incubation-tenancies | {\"base\":\"孵化基地\",\"tenantName\":\"某公益团队\",\"divisionCode\":\"320404\",\"movedInOn\":\"2026-03-01\"} | 403 | /problems/outside-division",
        "orgs-officer | 320413 | GET  | /api/orgs/incubation-tenancies/rec-1 | | 403 | /problems/outside-division",
        "orgs-officer | 320413 | POST | /api/orgs/incubation-tenancies/rec-1/exit | {\"leftOn\":\"2026-11-30\",\"exit\":\"REGISTERED\"} | 403 | /problems/outside-division",
        "inspector    | 320404 | POST | /api/orgs/incubation-tenancies/rec-1/exit | {\"leftOn\":\"2026-11-30\",\"exit\":\"REGISTERED\"} | 403 | /problems/forbidden"
    })
    void support_records_are_for_the_divisions_registry_staff(String role, String division, String method,
            String path, String body, int status, String type) throws Exception {
        expectRefusal(http, method, path, body, role, division, status, type);
        for (SupportRecords<?> records : new SupportRecords<?>[] {donations, projects, tenancies}) {
            verify(records, never()).save(any());
        }
        verify(donations, never()).insert(any());
        verify(projects, never()).insert(any());
        verify(tenancies, never()).insert(any());
    }
}
