package cn.minzheng.registry.flow;

import static cn.minzheng.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Each refusal of the list over HTTP: a clear problem+json with status, type and field, and no change. */
@ServiceTest
class BadInputAndEdgeCasesTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    RegistryApi api;
    String office;

    @BeforeEach
    void setUp() {
        api = new RegistryApi(port);
        office = api.office("[{\"slot\":\"09:00-10:00\",\"capacity\":10}]");
    }


    private long marriages() {
        return mongo.getCollection("marriages").countDocuments();
    }

    @Test
    void an_invalid_id_number_is_refused_naming_the_party() {
        String valid = TestIdNumbers.male("320404", LocalDate.of(1990, 1, 1));
        String corrupted = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        long before = marriages();
        var response = api.marry(office, corrupted, TestIdNumbers.female("320404", LocalDate.of(1990, 1, 1)));
        assertProblem(response, 400, "invalid-id-number", "partyA.idNumber");
        assertThat(response.body()).doesNotContain(corrupted);
        assertThat(marriages()).isEqualTo(before);
    }

    @Test
    void under_age_by_one_day_is_refused_and_the_birthday_itself_is_accepted() {
        LocalDate today = api.serviceToday();
        String woman = TestIdNumbers.female("320404", today.minusYears(25));
        long before = marriages();
        var dayBefore = api.marry(office, TestIdNumbers.male("320404", today.minusYears(22).plusDays(1)), woman);
        assertProblem(dayBefore, 422, "under-age", "partyA.idNumber");
        // Chinese unless the caller asks for English, in words a citizen reads (男方, not partyA).
        assertThat(dayBefore.json().path("title").asString()).isEqualTo("未达法定婚龄");
        assertThat(dayBefore.json().path("detail").asString()).contains("男方", "第一千零四十七条", "22 周岁");
        assertThat(dayBefore.json().path("errors").get(0).path("message").asString()).contains("男方");
        var english = api.http.send(api.http.request("/api/registry/marriages", RegistryApi.REGISTRAR)
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"partyA":{"idNumber":"%s","name":"张伟"},"partyB":{"idNumber":"%s","name":"李娜"},
                         "officeId":"%s","declarationSigned":true}""".formatted(
                        TestIdNumbers.male("320404", today.minusYears(22).plusDays(1)), woman, office))));
        assertProblem(english, 422, "under-age", "partyA.idNumber");
        assertThat(english.json().path("detail").asString()).contains("The man is 21", "art. 1047")
                .doesNotContain("partyA");
        assertThat(marriages()).isEqualTo(before);
        assertThat(api.marry(office, TestIdNumbers.male("320404", today.minusYears(22)), woman).status())
                .isEqualTo(201);
    }

    @Test
    void same_person_same_sex_and_no_declaration_are_refused_with_their_reasons() {
        String man = TestIdNumbers.male("320404", LocalDate.of(1991, 2, 2));
        long before = marriages();
        assertProblem(api.marry(office, man, man), 422, "same-person", "partyB.idNumber");
        var sameSex = api.marry(office, man, TestIdNumbers.male("320404", LocalDate.of(1992, 2, 2)));
        assertProblem(sameSex, 422, "same-sex", "partyB.idNumber");
        assertThat(sameSex.json().path("detail").asString()).contains("男性", "第一千零四十九条");
        var undeclared = api.http.postJson("/api/registry/marriages", RegistryApi.REGISTRAR, """
                {"partyA":{"idNumber":"%s","name":"张伟"},"partyB":{"idNumber":"%s","name":"李娜"},
                 "officeId":"%s","declarationSigned":false}""".formatted(man,
                TestIdNumbers.female("320404", LocalDate.of(1993, 2, 2)), office));
        assertProblem(undeclared, 422, "declaration-required", "declarationSigned");
        assertThat(marriages()).isEqualTo(before);
    }

    @Test
    void unknown_fields_are_refused() {
        var response = api.http.postJson("/api/registry/marriages", RegistryApi.REGISTRAR, """
                {"partyA":{"idNumber":"%s","name":"张伟"},"partyB":{"idNumber":"%s","name":"李娜"},
                 "officeId":"%s","declarationSigned":true,"witness":"someone"}""".formatted(
                TestIdNumbers.male("320404", LocalDate.of(1991, 3, 3)),
                TestIdNumbers.female("320404", LocalDate.of(1991, 3, 3)), office));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("witness");
    }

    @Test
    void a_registrar_of_another_county_cannot_register_at_this_office_and_is_audited() {
        var response = api.http.postJson("/api/registry/marriages", RegistryApi.JINTAN_REGISTRAR, """
                {"partyA":{"idNumber":"%s","name":"张伟"},"partyB":{"idNumber":"%s","name":"李娜"},
                 "officeId":"%s","declarationSigned":true}""".formatted(
                TestIdNumbers.male("320404", LocalDate.of(1991, 4, 4)),
                TestIdNumbers.female("320404", LocalDate.of(1991, 4, 4)), office));
        assertProblem(response, 403, "outside-division", null);
        assertThat(api.http.get("/api/registry/audit?actor=registrar-j", RegistryApi.AUDITOR).body())
                .contains("OUTSIDE_DIVISION", office);
    }

    @Test
    void a_divorce_on_an_unknown_marriage_is_404_and_withdrawal_needs_a_party() {
        assertProblem(api.applyForDivorce("mar-unknown"), 404, "not-found", null);
        String marriageId = api.married(office, TestIdNumbers.male("320404", LocalDate.of(1988, 5, 5)),
                TestIdNumbers.female("320404", LocalDate.of(1988, 5, 5))).path("id").asString();
        String divorceId = api.applyForDivorce(marriageId).json().path("id").asString();
        var response = api.http.postJson("/api/registry/divorces/" + divorceId + "/withdrawal", RegistryApi.REGISTRAR,
                "{\"party\":\"C\"}");
        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void a_stale_if_match_on_a_divorce_gets_412_and_changes_nothing() {
        String marriageId = api.married(office, TestIdNumbers.male("320404", LocalDate.of(1983, 4, 4)),
                TestIdNumbers.female("320404", LocalDate.of(1984, 4, 4))).path("id").asString();
        var applied = api.applyForDivorce(marriageId);
        String divorceId = applied.json().path("id").asString();
        assertThat(applied.header("ETag")).isEqualTo("\"1\"");
        var read = api.http.get("/api/registry/divorces/" + divorceId, RegistryApi.REGISTRAR);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");

        var stale = withdraw(divorceId, "\"0\"");
        assertProblem(stale, 412, "stale-version", null);
        assertThat(api.http.get("/api/registry/divorces/" + divorceId, RegistryApi.REGISTRAR).json().path("status")
                .asString()).isEqualTo("COOLING_OFF");

        var current = withdraw(divorceId, read.header("ETag"));
        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        assertThat(current.header("ETag")).isEqualTo("\"2\"");
        assertThat(current.json().path("status").asString()).isEqualTo("WITHDRAWN");
    }

    private HttpCalls.Response withdraw(String divorceId, String ifMatch) {
        return api.http.send(api.http.request("/api/registry/divorces/" + divorceId + "/withdrawal",
                RegistryApi.REGISTRAR).header("Content-Type", "application/json").header("If-Match", ifMatch)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"party\":\"A\"}")));
    }
}
