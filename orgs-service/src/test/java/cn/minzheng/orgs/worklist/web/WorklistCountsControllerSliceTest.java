package cn.minzheng.orgs.worklist.web;

import static cn.minzheng.testsupport.SliceJwts.caller;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.orgs.worklist.Worklist;
import cn.minzheng.orgs.worklist.Worklists;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Officers, auditors and inspectors read their worklists in their own division; other roles are refused. */
@ControllerSlice(WorklistCountsController.class)
class WorklistCountsControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    Worklists worklists;

    @ParameterizedTest(name = "{0} of {1}: {2}")
    @CsvSource({
        "township-officer, 320404001, 403",
        "eldercare-officer, 320404,   403",
        "citizen,          320404001001, 403"
    })
    void other_roles_are_refused(String role, String division, int status) throws Exception {
        http.perform(get("/api/orgs/worklists").with(caller("someone", division, role)))
                .andExpect(status().is(status)).andExpect(jsonPath("$.type").value("/problems/forbidden"));
        verifyNoInteractions(worklists);
    }

    @Test
    void an_officer_reads_the_counts_of_their_division_with_the_lists() throws Exception {
        Map<Worklist, Long> counts = new LinkedHashMap<>();
        counts.put(Worklist.REVOCATIONS_DUE, 2L);
        counts.put(Worklist.OPEN_TIPS, 1L);
        when(worklists.of(any(), org.mockito.ArgumentMatchers.eq(DivisionCode.of("320404")))).thenReturn(counts);

        http.perform(get("/api/orgs/worklists").with(caller("officer", "320404", "orgs-officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].name").value("REVOCATIONS_DUE"))
                .andExpect(jsonPath("$.items[0].count").value(2))
                .andExpect(jsonPath("$.items[0].list").value("/api/orgs/worklists/revocation"))
                .andExpect(jsonPath("$.items[1].list").value("/api/orgs/tips?open=true"));
    }

    @Test
    void an_inspector_reads_their_targets_without_a_result() throws Exception {
        when(worklists.of(any(), any())).thenReturn(Map.of(Worklist.INSPECTIONS_TO_ENTER, 3L));

        http.perform(get("/api/orgs/worklists").with(caller("inspector-1", "320404", "inspector")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].list").value("/api/orgs/inspections/assigned?open=true"));
    }
}
