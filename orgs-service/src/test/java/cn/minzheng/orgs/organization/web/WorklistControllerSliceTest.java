package cn.minzheng.orgs.organization.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.orgs.organization.Organizations;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 30.12: the registry's worklists, for its officers and auditors of the division only. */
@ControllerSlice(WorklistController.class)
class WorklistControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    Organizations organizations;

    @ParameterizedTest(name = "{0} of {1} asks {2} -> {3} {4}")
    @CsvSource({
        "orgs-officer, 320413, /api/orgs/worklists/revocation?division=320404,     403, /problems/outside-division",
        "auditor,      320413, /api/orgs/worklists/revocation?division=320404,     403, /problems/outside-division",
        "inspector,    320404, /api/orgs/worklists/revocation?division=320404,     403, /problems/forbidden",
        "citizen,      320404, /api/orgs/worklists/revocation?division=320404,     403, /problems/forbidden",
        "admin,        320404, /api/orgs/worklists/revocation?division=320404,     403, /problems/forbidden",
        "orgs-officer, 320413, /api/orgs/worklists/credit-records?division=320404, 403, /problems/outside-division",
        "inspector,    320404, /api/orgs/worklists/credit-records?division=320404, 403, /problems/forbidden",
        "orgs-officer, 320404, /api/orgs/worklists/revocation?division=320404&size=201, 400, /problems/invalid-request"
    })
    void worklists_stay_inside_the_callers_division(String role, String division, String path, int status,
            String type) throws Exception {
        expectRefusal(http, "GET", path, null, role, division, status, type);
        verify(organizations, never()).revocable(any(), any(), anyLong(), anyInt());
        verify(organizations, never()).creditRecordsDue(any(), any(), anyLong(), anyInt());
    }
}
