package cn.minzheng.eldercare.meal.web;

import static cn.minzheng.testsupport.SliceRequests.expectRefusal;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.eldercare.facility.Facilities;
import cn.minzheng.eldercare.facility.Facility;
import cn.minzheng.eldercare.facility.FacilityType;
import cn.minzheng.eldercare.facility.Ownership;
import cn.minzheng.eldercare.meal.Meals;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.testsupport.ControllerSlice;
import cn.minzheng.testsupport.SliceJwts;
import cn.minzheng.testsupport.TestIdNumbers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12: a meal point of 钟楼 (320404) records meals by its own cooks and the division's officers, and shows
 * its daily totals to them and the division's auditors; nobody else records a meal there.
 */
@ControllerSlice(MealController.class)
class MealControllerSliceTest {

    static final String MEAL = """
            {"idNumber":"%s","name":"李阿婆","date":"2026-12-01","meal":"LUNCH"}""".formatted(
            TestIdNumbers.female("320404", LocalDate.of(1944, 3, 3)));

    @Autowired
    MockMvc http;

    @MockitoBean
    Meals meals;

    @MockitoBean
    Facilities facilities;

    @MockitoBean
    PersonalDataCipher cipher;

    @BeforeEach
    void aMealPointOfZhonglou() {
        when(facilities.get("point-1")).thenReturn(Facility.register("point-1", "荷花池社区助餐点",
                FacilityType.MEAL_POINT, Ownership.PUBLIC, null, null, DivisionCode.of("320404001"), null, 0, 0,
                "officer", Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"))));
    }

    @ParameterizedTest(name = "{0} of {1}: {2} {3} -> {4} {5}")
    @CsvSource({
        "eldercare-officer, 320413, POST, /api/eldercare/meal-points/point-1/meals, 403, /problems/outside-division",
        "auditor,           320404, POST, /api/eldercare/meal-points/point-1/meals, 403, /problems/forbidden",
        "care-provider,     320404, POST, /api/eldercare/meal-points/point-1/meals, 403, /problems/forbidden",
        "eldercare-officer, 320413, GET,  /api/eldercare/meal-points/point-1/daily-totals?date=2026-12-01, 403, /problems/outside-division",
        "citizen,           320404, GET,  /api/eldercare/meal-points/point-1/daily-totals?date=2026-12-01, 403, /problems/forbidden"
    })
    void meals_are_recorded_and_totalled_at_the_point_and_in_its_division(String role, String division,
            String method, String path, int status, String type) throws Exception {
        expectRefusal(http, method, path, method.equals("POST") ? MEAL : null, role, division, status, type);
        verify(meals, never()).record(any(), any(), any(), any(), any(), any());
    }

    @Test
    void a_cook_of_another_point_records_no_meal_here() throws Exception {
        http.perform(post("/api/eldercare/meal-points/point-1/meals")
                .with(SliceJwts.caller("cook", "320404001", Map.of("facility_id", "point-2"), "facility-operator"))
                .contentType(MediaType.APPLICATION_JSON).content(MEAL))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value("/problems/other-facility"));
        verify(meals, never()).record(any(), any(), any(), any(), any(), any());
    }
}
