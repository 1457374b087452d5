package cn.minzheng.eldercare.worklist.web;

import static cn.minzheng.testsupport.SliceJwts.caller;
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

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.eldercare.worklist.Worklists;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** An eldercare officer reads their own division's worklists; facility staff and others do not. */
@ControllerSlice(WorklistController.class)
class WorklistControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    Worklists worklists;

    @ParameterizedTest(name = "{0} of {1}: {2}")
    @CsvSource({
        "auditor,           320404,       403",
        "facility-operator, 320404001,    403",
        "registrar,         320404,       403",
        "citizen,           320404001001, 403"
    })
    void only_an_eldercare_officer_reads_them(String role, String division, int status) throws Exception {
        http.perform(get("/api/eldercare/worklists").with(caller("someone", division, role)))
                .andExpect(status().is(status)).andExpect(jsonPath("$.type").value("/problems/forbidden"));
        verifyNoInteractions(worklists);
    }

    @Test
    void an_officer_reads_the_counts_of_their_division_with_the_lists_they_count() throws Exception {
        Map<Worklists.Worklist, Long> counts = new LinkedHashMap<>();
        counts.put(Worklists.Worklist.CONTRACTS_ENDING, 4L);
        counts.put(Worklists.Worklist.OVERDUE_INSPECTIONS, 2L);
        when(worklists.of(DivisionCode.of("320404"))).thenReturn(counts);

        http.perform(get("/api/eldercare/worklists").with(caller("officer", "320404", "eldercare-officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].count").value(4))
                .andExpect(jsonPath("$.items[0].list").value("/api/eldercare/facilities/contracts-ending?withinDays=90"))
                .andExpect(jsonPath("$.items[1].name").value("OVERDUE_INSPECTIONS"))
                .andExpect(jsonPath("$.items[1].list").value("/api/eldercare/inspections/overdue"));
    }
}
