package cn.minzheng.assistance.household.web;

import static cn.minzheng.testsupport.SliceJwts.caller;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.assistance.benefit.MeansTest;
import cn.minzheng.assistance.benefit.Residence;
import cn.minzheng.assistance.household.Household;
import cn.minzheng.assistance.household.HouseholdRegistry;
import cn.minzheng.assistance.household.Households;
import cn.minzheng.assistance.household.Member;
import cn.minzheng.assistance.household.Relation;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.PersonalDataProperties;
import cn.minzheng.testsupport.ControllerSlice;
import cn.minzheng.testsupport.TestIdNumbers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Who may register a household and read one: the role and division matrix, with the real security. */
@ControllerSlice(HouseholdController.class)
class HouseholdControllerSliceTest {

    static final PersonalDataCipher CIPHER = new PersonalDataCipher(new PersonalDataProperties("test",
            Base64.getEncoder().encodeToString(new byte[32]), Map.of(),
            Base64.getEncoder().encodeToString("index-key-for-tests-only".getBytes())));

    @TestConfiguration
    static class Collaborators {

        @Bean
        PersonalDataCipher cipher() {
            return CIPHER;
        }

        @Bean
        Clock clock() {
            return Clock.system(ZoneId.of("Asia/Shanghai"));
        }
    }

    @Autowired
    MockMvc http;

    @MockitoBean
    HouseholdRegistry registry;

    @MockitoBean
    Households households;

    static Household inVillage(String village) {
        Member head = Member.of(ResidentIdNumber.of(TestIdNumbers.male("320404", LocalDate.of(1980, 3, 1))), "张大伟",
                Relation.HEAD, 0, null, false, Money.ZERO, null, CIPHER);
        return Household.register("hh-1", DivisionCode.of(village), Residence.URBAN, "某路 1 号", List.of(head),
                new MeansTest.Assets(Money.ZERO, 0, 1), null, null, "officer-a", Instant.now());
    }

    @ParameterizedTest(name = "{0} of {1}: {2} {3}")
    @CsvSource({
        "township-officer, 320404002, 403, /problems/outside-division",
        "township-officer, 320413100, 403, /problems/outside-division",
        "county-approver,  320404, 403, /problems/forbidden",
        "auditor,          320404, 403, /problems/forbidden",
        "citizen,          320404001001, 403, /problems/forbidden"
    })
    void only_an_officer_of_the_township_registers_a_household_there(String role, String division, int status,
            String type) throws Exception {
        http.perform(post("/api/assistance/households").contentType(MediaType.APPLICATION_JSON).content("""
                {"divisionCode":"320404001007","residence":"URBAN","address":"某路 1 号","members":[
                 {"idNumber":"%s","name":"王五","relation":"HEAD","disabilityGrade":0,"employed":false,
                  "monthlyIncome":0}],"assets":{"deposits":0,"vehicles":0,"houses":1}}""".formatted(
                TestIdNumbers.male("320404", LocalDate.of(1970, 1, 1))))
                .with(caller("someone", division, role)))
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.type").value(type));
        verifyNoInteractions(registry);
    }

    @ParameterizedTest(name = "{0} of {1}: {2}")
    @CsvSource({
        "township-officer, 320404001, 200",
        "county-approver,  320404,    200",
        "auditor,          320404,    200",
        "township-officer, 320404002, 403",
        "county-approver,  320413,    403",
        "citizen,          320404001001, 403"
    })
    void a_household_is_read_inside_the_callers_division_with_its_version(String role, String division,
            int status) throws Exception {
        when(households.get("hh-1")).thenReturn(inVillage("320404001007"));

        var result = http.perform(get("/api/assistance/households/hh-1").with(caller("someone", division, role)))
                .andExpect(status().is(status));
        if (status == 200) {
            result.andExpect(header().exists("ETag"))
                    .andExpect(jsonPath("$.members[0].idNumber").value(org.hamcrest.Matchers.containsString("****")));
        }
    }

    /** A search by ID number refuses what is no ID number at the parameter, before looking anything up. */
    @org.junit.jupiter.api.Test
    void a_search_by_a_malformed_id_number_is_refused_at_its_parameter() throws Exception {
        http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/assistance/households/search").contentType("application/json")
                        .content("{\"idNumber\":\"12345\"}")
                        .with(caller("someone", "320404001", "township-officer")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"));
        verifyNoInteractions(households);
    }
}
