package cn.minzheng.eldercare.facility.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minzheng.eldercare.facility.BedCounters;
import cn.minzheng.eldercare.facility.BedType;
import cn.minzheng.eldercare.facility.Facilities;
import cn.minzheng.eldercare.facility.Facility;
import cn.minzheng.eldercare.facility.FacilityType;
import cn.minzheng.eldercare.facility.Ownership;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12: the public facility finder needs no login, is paged with its total and shows free beds and stars,
 * nothing about anyone; it reads only (a write there is no public path) and needs a division.
 */
@ControllerSlice(PublicFacilityController.class)
class PublicFacilityControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    Facilities facilities;

    @MockitoBean
    BedCounters beds;

    @Test
    void families_find_care_homes_and_free_beds_without_a_login() throws Exception {
        Facility home = Facility.register("fac-1", "安康护理院", FacilityType.CARE_HOME, Ownership.PUBLIC, null, null,
                DivisionCode.of("320404003"), "某路 1 号", 40, 30, "officer",
                Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
        when(facilities.find(eq(DivisionCode.of("320404")), any(), anyLong(), anyInt())).thenReturn(List.of(home));
        when(facilities.count(eq(DivisionCode.of("320404")), any())).thenReturn(1L);
        when(beds.free(home)).thenReturn(Map.of(BedType.GENERAL, 3, BedType.NURSING, 5));

        http.perform(get("/api/eldercare/public/facilities?division=320404"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.items[0].name").value("安康护理院"))
                .andExpect(jsonPath("$.items[0].registeredBy").doesNotExist());
    }

    @Test
    void the_finder_needs_a_division_and_takes_no_writes() throws Exception {
        http.perform(get("/api/eldercare/public/facilities")).andExpect(status().isBadRequest());
        http.perform(post("/api/eldercare/public/facilities").contentType("application/json").content("{}"))
                .andExpect(status().isUnauthorized());
        verify(facilities, never()).insert(any());
    }
}
