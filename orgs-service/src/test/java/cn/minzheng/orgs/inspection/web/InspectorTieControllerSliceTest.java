package cn.minzheng.orgs.inspection.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.orgs.inspection.InspectorTies;
import cn.minzheng.orgs.organization.Organization;
import cn.minzheng.orgs.organization.Organizations;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12: a tie between an inspector and a 钟楼 (320404) organisation (an exclusion from the random draw) is
 * declared by the division's registry officers and listed for them and its auditors; nobody else declares one.
 */
@ControllerSlice(InspectorTieController.class)
class InspectorTieControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    InspectorTies ties;

    @MockitoBean
    Organizations organizations;

    @BeforeEach
    void anOrganisationOfZhonglou() {
        Organization org = mock(Organization.class);
        when(org.id()).thenReturn("org-1");
        when(org.division()).thenReturn(DivisionCode.of("320404"));
        when(organizations.get("org-1")).thenReturn(org);
    }

    @ParameterizedTest(name = "{0} of {1}: {2} {3} -> {4} {5}")
    @CsvSource({
        "orgs-officer, 320413, POST, /api/orgs/inspector-ties,                 403, /problems/outside-division",
        "inspector,    320404, POST, /api/orgs/inspector-ties,                 403, /problems/forbidden",
        "auditor,      320404, POST, /api/orgs/inspector-ties,                 403, /problems/forbidden",
        "orgs-officer, 320413, GET,  /api/orgs/inspector-ties?division=320404, 403, /problems/outside-division",
        "inspector,    320404, GET,  /api/orgs/inspector-ties?division=320404, 403, /problems/forbidden"
    })
    void ties_are_declared_and_listed_by_the_divisions_registry(String role, String division, String method,
            String path, int status, String type) throws Exception {
        expectRefusal(http, method, path, method.equals("POST")
                ? "{\"inspector\":\"inspector-1\",\"organizationId\":\"org-1\",\"relation\":\"FORMER_EMPLOYEE\"}"
                : null, role, division, status, type);
        verifyNoInteractions(ties);
    }
}
