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

import cn.minzheng.orgs.organization.Organization;
import cn.minzheng.orgs.organization.Organizations;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12: the supervision of a 钟楼 (320404) organisation (charity recognition, major matters, deregistration's
 * steps, revocation's four eyes, credit records) is the division's registry officers' alone; nothing is saved for
 * anyone else.
 */
@ControllerSlice(SupervisionController.class)
@Import(OrgChanges.class)
class SupervisionControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    Organizations organizations;

    @BeforeEach
    void anOrganisationOfZhonglou() {
        Organization org = mock(Organization.class);
        when(org.division()).thenReturn(DivisionCode.of("320404"));
        when(organizations.get("org-1")).thenReturn(org);
    }

    @ParameterizedTest(name = "{0} of {1}: {2} -> {3} {4}")
    @CsvSource(delimiter = '|', value = {
        "orgs-officer | 320413 | /charity-recognition | {\"recognizedOn\":\"2026-11-01\"} | 403 | /problems/outside-division",
        "orgs-officer | 320413 | /deregistration | {\"appliedOn\":\"2026-11-01\",\"reason\":\"解散\"} | 403 | /problems/outside-division",
        "orgs-officer | 320413 | /deregistration/approval | {\"approvedOn\":\"2026-11-30\"} | 403 | /problems/outside-division",
        "orgs-officer | 320413 | /revocation-proposal/confirmation | {} | 403 | /problems/outside-division",
        "orgs-officer | 320413 | /credit-records | {\"change\":0,\"recordedOn\":\"2026-11-30\"} | 403 | /problems/outside-division",
        "inspector    | 320404 | /charity-recognition | {\"recognizedOn\":\"2026-11-01\"} | 403 | /problems/forbidden",
        "auditor      | 320404 | /revocation-proposal/confirmation | {} | 403 | /problems/forbidden",
        "admin        | 320404 | /credit-records | {\"change\":0,\"recordedOn\":\"2026-11-30\"} | 403 | /problems/forbidden"
    })
    void supervision_is_the_divisions_registry_officers(String role, String division, String action, String body,
            int status, String type) throws Exception {
        expectRefusal(http, "POST", "/api/orgs/organizations/org-1" + action, body, role, division, status, type);
        verify(organizations, never()).save(any());
    }
}
