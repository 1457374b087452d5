package cn.minzheng.assistance.worklist.web;

import static cn.minzheng.testsupport.SliceJwts.caller;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.assistance.worklist.Worklist;
import cn.minzheng.assistance.worklist.Worklists;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Whose worklists these are: staff who work the lists, in their own division; nobody else. */
@ControllerSlice(WorklistController.class)
class WorklistControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    Worklists worklists;

    @ParameterizedTest(name = "{0} of {1}: {2}")
    @CsvSource({
        "auditor,   320404,       403",
        "registrar, 320404,       403",
        "citizen,   320404001001, 403",
        "admin,     320404,       403"
    })
    void only_those_who_work_the_lists_read_them(String role, String division, int status) throws Exception {
        http.perform(get("/api/assistance/worklists").with(caller("someone", division, role)))
                .andExpect(status().is(status)).andExpect(jsonPath("$.type").value("/problems/forbidden"));
        verifyNoInteractions(worklists);
    }

    @Test
    void a_township_officer_reads_the_counts_of_their_own_division_with_the_lists_they_count() throws Exception {
        Map<Worklist, Long> counts = new LinkedHashMap<>();
        counts.put(Worklist.APPLICATIONS_TO_REVIEW, 3L);
        counts.put(Worklist.REVIEWS_DUE, 1L);
        when(worklists.of(any(), org.mockito.ArgumentMatchers.eq(DivisionCode.of("320404001")))).thenReturn(counts);
        when(worklists.reviewDueBefore()).thenReturn(LocalDate.of(2027, 1, 5));

        http.perform(get("/api/assistance/worklists").with(caller("officer", "320404001", "township-officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].name").value("APPLICATIONS_TO_REVIEW"))
                .andExpect(jsonPath("$.items[0].count").value(3))
                .andExpect(jsonPath("$.items[0].list").value("/api/assistance/applications?status=SUBMITTED"))
                .andExpect(jsonPath("$.items[1].list")
                        .value("/api/assistance/enrolments?status=ACTIVE&reviewDueBefore=2027-01-05"));
    }
}
