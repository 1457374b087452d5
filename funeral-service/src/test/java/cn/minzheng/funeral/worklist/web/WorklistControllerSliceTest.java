package cn.minzheng.funeral.worklist.web;

import static cn.minzheng.testsupport.SliceJwts.caller;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.funeral.worklist.Worklists;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A funeral officer reads their own division's worklist; the funeral home and others do not. */
@ControllerSlice(WorklistController.class)
class WorklistControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    Worklists worklists;

    @ParameterizedTest(name = "{0} of {1}: {2}")
    @CsvSource({
        "funeral-home-operator, 320404,       403",
        "auditor,               320404,       403",
        "citizen,               320404001001, 403"
    })
    void only_a_funeral_officer_reads_it(String role, String division, int status) throws Exception {
        http.perform(get("/api/funeral/worklists").with(caller("someone", division, role)))
                .andExpect(status().is(status)).andExpect(jsonPath("$.type").value("/problems/forbidden"));
        verifyNoInteractions(worklists);
    }

    @Test
    void an_officer_reads_the_overdue_cases_of_their_division_with_the_list() throws Exception {
        when(worklists.of(DivisionCode.of("320404"))).thenReturn(Map.of(Worklists.Worklist.OVERDUE_CASES, 3L));

        http.perform(get("/api/funeral/worklists").with(caller("officer", "320404", "funeral-officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].name").value("OVERDUE_CASES"))
                .andExpect(jsonPath("$.items[0].count").value(3))
                .andExpect(jsonPath("$.items[0].list").value("/api/funeral/one-thing/cases"));
    }
}
