package cn.minzheng.registry.worklist.web;

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
import cn.minzheng.registry.worklist.Worklists;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A registrar reads their own division's worklists; nobody else reads a registrar's. */
@ControllerSlice(WorklistController.class)
class WorklistControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    Worklists worklists;

    @ParameterizedTest(name = "{0} of {1}: {2}")
    @CsvSource({
        "auditor,          320404,       403",
        "township-officer, 320404001,    403",
        "citizen,          320404001001, 403"
    })
    void only_a_registrar_reads_them(String role, String division, int status) throws Exception {
        http.perform(get("/api/registry/worklists").with(caller("someone", division, role)))
                .andExpect(status().is(status)).andExpect(jsonPath("$.type").value("/problems/forbidden"));
        verifyNoInteractions(worklists);
    }

    @Test
    void a_registrar_reads_the_counts_of_their_division_with_the_lists_they_count() throws Exception {
        Map<Worklists.Worklist, Long> counts = new LinkedHashMap<>();
        counts.put(Worklists.Worklist.BOOKINGS_TODAY, 4L);
        counts.put(Worklists.Worklist.DIVORCE_WINDOWS_ENDING, 2L);
        when(worklists.of(DivisionCode.of("320404"))).thenReturn(counts);

        http.perform(get("/api/registry/worklists").with(caller("registrar", "320404", "registrar")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].count").value(4))
                .andExpect(jsonPath("$.items[0].list").value("/api/registry/appointments"))
                .andExpect(jsonPath("$.items[1].name").value("DIVORCE_WINDOWS_ENDING"))
                .andExpect(jsonPath("$.items[1].list").value("/api/registry/divorces?windowEndsWithinDays=7"));
    }
}
