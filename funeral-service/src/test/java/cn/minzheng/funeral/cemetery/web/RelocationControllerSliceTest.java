package cn.minzheng.funeral.cemetery.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.funeral.cemetery.BurialService;
import cn.minzheng.funeral.cemetery.EcoCeremonies;
import cn.minzheng.funeral.cemetery.RelocationProject;
import cn.minzheng.funeral.cemetery.RelocationProjects;
import cn.minzheng.funeral.death.Deaths;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 30.12: a 钟楼 (320404) relocation project is run and read by its division's funeral officers only. */
@ControllerSlice(RelocationController.class)
class RelocationControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    RelocationProjects projects;

    @MockitoBean
    EcoCeremonies ceremonies;

    @MockitoBean
    Deaths deaths;

    @MockitoBean
    BurialService burials;

    @BeforeEach
    void aProjectOfZhonglou() {
        RelocationProject project = mock(RelocationProject.class);
        when(project.division()).thenReturn(DivisionCode.of("320404"));
        when(projects.get("proj-1")).thenReturn(project);
    }

    @ParameterizedTest(name = "{0} of {1}: {2} {3} -> {4} {5}")
    @CsvSource({
        "funeral-officer,       320413, POST, /api/funeral/relocation-projects,              403, /problems/outside-division",
        "funeral-home-operator, 320404, POST, /api/funeral/relocation-projects,              403, /problems/forbidden",
        "funeral-officer,       320413, POST, /api/funeral/relocation-projects/proj-1/moves, 403, /problems/outside-division",
        "auditor,               320404, POST, /api/funeral/relocation-projects/proj-1/moves, 403, /problems/forbidden",
        "funeral-officer,       320413, GET,  /api/funeral/relocation-projects/proj-1,       403, /problems/outside-division",
        "funeral-home-operator, 320404, GET,  /api/funeral/relocation-projects/proj-1,       403, /problems/forbidden",
        "auditor,               320413, GET,  /api/funeral/relocation-projects?division=320404, 403, /problems/outside-division"
    })
    void projects_are_for_the_divisions_funeral_officers(String role, String division, String method, String path,
            int status, String type) throws Exception {
        String body = path.endsWith("/relocation-projects") && method.equals("POST")
                ? "{\"name\":\"某村迁坟\",\"kind\":\"CEMETERY_RELOCATION\",\"divisionCode\":\"320404\",\"startedOn\":\"2026-11-01\"}"
                : path.endsWith("/moves") ? "{\"batchNo\":\"B-1\",\"movedTo\":\"TREE\",\"graves\":3,\"on\":\"2026-11-30\"}"
                : null;
        expectRefusal(http, method, path, body, role, division, status, type);
        verify(projects, never()).insert(any());
        verify(projects, never()).save(any());
    }
}
