package cn.minzheng.orgs.organization.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.orgs.organization.OrgRegistry;
import cn.minzheng.orgs.organization.Organization;
import cn.minzheng.orgs.organization.Organizations;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12: an organisation of 钟楼 (320404) is registered, read and changed by its division's registry staff: an
 * officer of another county, an inspector or auditor writing, and roles of no office here are refused, and nothing is
 * saved.
 */
@ControllerSlice(OrganizationController.class)
@Import(OrgChanges.class)
class OrganizationControllerSliceTest {

    static final String STATUS_CHANGE = """
            {"status":"ABNORMAL","reason":"未按规定报告重大事项","legalBasis":"《社会组织信用信息管理办法》第九条",
             "effectiveOn":"2026-12-01"}""";

    @Autowired
    MockMvc http;

    @MockitoBean
    OrgRegistry registry;

    @MockitoBean
    Organizations organizations;

    @MockitoBean
    PersonalDataCipher cipher;

    @BeforeEach
    void anOrganisationOfZhonglou() {
        Organization org = mock(Organization.class);
        when(org.division()).thenReturn(DivisionCode.of("320404"));
        when(organizations.get("org-1")).thenReturn(org);
    }

    @ParameterizedTest(name = "{0} of {1}: {2} {3} -> {4} {5}")
    @CsvSource({
        "orgs-officer, 320413, GET,  /api/orgs/organizations/org-1,                403, /problems/outside-division",
        "inspector,    320413, GET,  /api/orgs/organizations/org-1,                403, /problems/outside-division",
        "auditor,      320413, GET,  /api/orgs/organizations/org-1,                403, /problems/outside-division",
        "integration,  320000, GET,  /api/orgs/organizations/org-1,                403, /problems/forbidden",
        "orgs-officer, 320413, GET,  /api/orgs/organizations?division=320404,      403, /problems/outside-division",
        "orgs-officer, 320413, POST, /api/orgs/organizations/org-1/status-changes, 403, /problems/outside-division",
        "inspector,    320404, POST, /api/orgs/organizations/org-1/status-changes, 403, /problems/forbidden",
        "auditor,      320404, POST, /api/orgs/organizations/org-1/status-changes, 403, /problems/forbidden",
        "admin,        320404, POST, /api/orgs/organizations/org-1/status-changes, 403, /problems/forbidden"
    })
    void an_organisation_is_for_its_divisions_registry_staff(String role, String division, String method,
            String path, int status, String type) throws Exception {
        expectRefusal(http, method, path, method.equals("POST") ? STATUS_CHANGE : null, role, division, status,
                type);
        verify(organizations, never()).save(any());
    }
}
