package cn.minzheng.registry.flow;

import static cn.minzheng.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.minzheng.registry.divorce.DivorceService;
import cn.minzheng.testsupport.EventSchemas;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A couple through the registry: marriage (certificate, event, "already married"), reissue, divorce through
 * cooling-off on the service's own moved clock (refused on its last day, accepted the day after), remarriage, a
 * withdrawal, and an application that lapses after its deadline.
 */
@ServiceTest
@TestPropertySource(properties = "minzheng.clock.movable=true")
class MarriageAndDivorceTest {

    @LocalServerPort
    int port;

    @Autowired
    DivorceService divorces;

    RegistryApi api;
    String office;

    @BeforeEach
    void setUp() {
        api = new RegistryApi(port);
        office = api.office("[{\"slot\":\"09:00-10:00\",\"capacity\":10}]");
        // Earlier tests of this class moved the clock; acts happen on the office's registration days only.
        api.advanceToRegistrationDay(office, api.serviceToday());
    }

    private static String man(int birthYear) {
        return TestIdNumbers.male("320404", LocalDate.of(birthYear, 3, 14));
    }

    private static String woman(int birthYear) {
        return TestIdNumbers.female("320413", LocalDate.of(birthYear, 8, 8));
    }


    @Test
    void a_marriage_is_registered_announced_and_blocks_a_second_one_until_the_divorce_is_registered() {
        String man = man(1990);
        String woman = woman(1993);
        try (TopicRecords topic = new TopicRecords("minzheng.registry")) {
            JsonNode marriage = api.married(office, man, woman);
            String marriageId = marriage.path("id").asString();
            assertThat(marriage.path("status").asString()).isEqualTo("MARRIED");
            assertThat(marriage.path("certificateNo").asString()).matches("J" + office.substring(7) + "-\\d{4}-\\d{6}");
            assertThat(marriage.path("partyA").path("idNumber").asString()).isNotEqualTo(man).contains("*");
            assertThat(marriage.toString()).doesNotContain(man, woman);

            var records = topic.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream()
                    .anyMatch(r -> marriageId.equals(r.key())));
            assertThat(EventSchemas.violations(records)).isEmpty();
            assertThat(records.stream().map(TopicRecords::body)).noneMatch(b -> b.contains(man) || b.contains(woman));

            // Either party marrying someone else now: 409, naming which party.
            var again = api.marry(office, man, woman(1995));
            assertProblem(again, 409, "already-married");
            assertThat(again.json().path("errors").get(0).path("field").asString()).isEqualTo("partyA.idNumber");

            // 补领: a new number, linked to the old one.
            String reissue = "/api/registry/marriages/" + marriageId + "/reissue";
            var reissued = api.http.postJson(reissue, RegistryApi.REGISTRAR,
                    "{\"reason\":\"证件遗失\",\"officeId\":\"" + office + "\"}");
            assertThat(reissued.status()).as(reissued.toString()).isEqualTo(200);
            assertThat(reissued.json().path("certificateNo").asString())
                    .isNotEqualTo(marriage.path("certificateNo").asString());
            assertThat(reissued.json().path("certificates").get(1).path("replaces").asString())
                    .isEqualTo(marriage.path("certificateNo").asString());

            // 全国通办: another county's registrar reissues at their own office, from its series, never at ours.
            String jintan = api.office("[{\"slot\":\"09:00-10:00\",\"capacity\":10}]", "320413");
            assertProblem(api.http.postJson(reissue, RegistryApi.JINTAN_REGISTRAR,
                    "{\"reason\":\"证件遗失\",\"officeId\":\"" + office + "\"}"), 403, "outside-division");
            assertProblem(api.http.postJson(reissue, RegistryApi.JINTAN_REGISTRAR, "{\"reason\":\"证件遗失\"}"),
                    400, "invalid-request", "officeId");
            var atJintan = api.http.postJson(reissue, RegistryApi.JINTAN_REGISTRAR,
                    "{\"reason\":\"证件遗失\",\"officeId\":\"" + jintan + "\"}");
            assertThat(atJintan.status()).as(atJintan.toString()).isEqualTo(200);
            assertThat(atJintan.json().path("certificateNo").asString()).startsWith("J" + jintan.substring(7) + "-");
            assertThat(atJintan.json().path("certificates").toString())
                    .contains(reissued.json().path("certificateNo").asString());

            // Divorce: cooling-off of 30 days, then 30 more to register, by the legal calendar.
            LocalDate today = api.serviceToday();
            var applied = api.applyForDivorce(marriageId);
            assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
            JsonNode divorce = applied.json();
            assertThat(divorce.path("status").asString()).isEqualTo("COOLING_OFF");
            assertThat(divorce.path("phase").asString()).isEqualTo("COOLING_OFF");
            assertThat(divorce.path("phaseLabel").asString()).isEqualTo("冷静期中");
            LocalDate coolingOffEnds = LocalDate.parse(divorce.path("coolingOffEnds").asString());
            LocalDate deadline = LocalDate.parse(divorce.path("certificateDeadline").asString());
            assertThat(coolingOffEnds).isAfterOrEqualTo(today.plusDays(30));
            assertThat(deadline).isAfterOrEqualTo(coolingOffEnds.plusDays(30));
            String divorceId = divorce.path("id").asString();
            assertProblem(api.applyForDivorce(marriageId), 409, "divorce-pending");

            api.advanceTo(coolingOffEnds);
            var tooEarly = api.registerDivorce(divorceId);
            assertProblem(tooEarly, 409, "cooling-off");
            assertThat(tooEarly.json().path("detail").asString()).contains(coolingOffEnds.toString(),
                    deadline.toString());

            api.advanceToRegistrationDay(office, coolingOffEnds.plusDays(1));
            // The status stays as API.md has it; the phase read now says the couple may register, and until when.
            var inWindow = api.http.get("/api/registry/divorces/" + divorceId, RegistryApi.REGISTRAR);
            assertThat(inWindow.json().path("status").asString()).isEqualTo("COOLING_OFF");
            assertThat(inWindow.json().path("phase").asString()).isEqualTo("REGISTRABLE");
            assertThat(inWindow.json().path("phaseLabel").asString()).isEqualTo("冷静期已满，可办理离婚登记");
            assertThat(inWindow.json().path("registrableUntil").asString()).isEqualTo(deadline.toString());
            assertThat(api.http.send(api.http.request("/api/registry/divorces/" + divorceId, RegistryApi.REGISTRAR)
                    .header("Accept-Language", "en").GET()).json().path("phaseLabel").asString())
                    .isEqualTo("Cooling-off over: the divorce may be registered");
            var registered = api.registerDivorce(divorceId);
            assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
            assertThat(registered.json().path("status").asString()).isEqualTo("REGISTERED");
            assertThat(registered.json().path("phase").isNull()).as("no phase once closed").isTrue();
            assertThat(registered.json().path("certificateNo").asString()).startsWith("L");
            assertThat(api.http.get("/api/registry/marriages/" + marriageId, RegistryApi.REGISTRAR).json()
                    .path("status").asString()).isEqualTo("DIVORCED");

            var divorceEvents = topic.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream()
                    .anyMatch(r -> divorceId.equals(r.key())));
            assertThat(EventSchemas.violations(divorceEvents)).isEmpty();

            // Free to marry again.
            assertThat(api.marry(office, man, woman(1996)).status()).isEqualTo(201);
        }
    }

    @Test
    void either_party_may_withdraw_during_cooling_off_and_an_unregistered_application_lapses_after_its_deadline() {
        String marriageId = api.married(office, man(1985), woman(1987)).path("id").asString();
        String divorceId = api.applyForDivorce(marriageId).json().path("id").asString();
        var withdrawn = api.http.postJson("/api/registry/divorces/" + divorceId + "/withdrawal", RegistryApi.REGISTRAR,
                "{\"party\":\"B\"}");
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().path("withdrawnBy").asString()).isEqualTo("B");

        // A new application, never registered: deemed withdrawn once the deadline has passed, exactly once.
        JsonNode second = api.applyForDivorce(marriageId).json();
        String secondId = second.path("id").asString();
        LocalDate deadline = LocalDate.parse(second.path("certificateDeadline").asString());
        api.advanceTo(deadline);
        assertThat(divorces.deemWithdrawnWherePast()).as("not before the deadline has passed").isZero();
        assertThat(api.http.postJson("/api/registry/divorces/" + secondId + "/withdrawal", RegistryApi.REGISTRAR,
                "{\"party\":\"A\"}").json().path("type").asString()).isEqualTo("/problems/cooling-off-over");

        api.advanceTo(deadline.plusDays(1));
        // Deemed withdrawn the day after the deadline: moving the clock lapsed it, as the passing of time would.
        JsonNode readAtOnce = api.http.get("/api/registry/divorces/" + secondId, RegistryApi.REGISTRAR).json();
        assertThat(readAtOnce.path("status").asString()).isEqualTo("DEEMED_WITHDRAWN");
        assertThat(readAtOnce.path("closedOn").asString()).isEqualTo(deadline.plusDays(1).toString());
        assertThat(divorces.deemWithdrawnWherePast()).as("already lapsed when the clock moved").isZero();
        api.advanceToRegistrationDay(office, deadline.plusDays(1));
        assertProblem(api.registerDivorce(secondId), 409, "deemed-withdrawn");
        assertThat(api.http.get("/api/registry/divorces/" + secondId, RegistryApi.REGISTRAR).json().path("status")
                .asString()).isEqualTo("DEEMED_WITHDRAWN");
        assertThat(api.http.get("/api/registry/marriages/" + marriageId, RegistryApi.REGISTRAR).json().path("status")
                .asString()).isEqualTo("MARRIED");
        // ...and the couple may apply again.
        assertThat(api.applyForDivorce(marriageId).status()).isEqualTo(201);
    }

    @Test
    void counselling_is_offered_answered_and_concluded_on_an_application() {
        String marriageId = api.married(office, man(1980), woman(1982)).path("id").asString();
        String divorceId = api.applyForDivorce(marriageId).json().path("id").asString();
        var offered = api.http.postJson("/api/registry/divorces/" + divorceId + "/counselling", RegistryApi.REGISTRAR,
                "{\"counsellor\":\"王老师\"}");
        assertThat(offered.status()).as(offered.toString()).isEqualTo(201);
        String session = offered.json().path("id").asString();
        String base = "/api/registry/divorces/" + divorceId + "/counselling/" + session;
        assertProblem(api.http.postJson(base + "/outcome", RegistryApi.REGISTRAR, "{\"outcome\":\"RECONCILED\"}"),
                409, "not-accepted");
        assertThat(api.http.postJson(base + "/answer", RegistryApi.REGISTRAR, "{\"accepted\":true}").status())
                .isEqualTo(200);
        JsonNode concluded = api.http.postJson(base + "/outcome", RegistryApi.REGISTRAR,
                "{\"outcome\":\"RECONCILED\",\"note\":\"双方同意和好\"}").json();
        assertThat(concluded.path("counselling").get(0).path("response").asString()).isEqualTo("ACCEPTED");
        assertThat(concluded.path("counselling").get(0).path("outcome").asString()).isEqualTo("RECONCILED");
    }

    @Test
    void an_old_marriage_is_back_entered_with_its_provenance_and_counts_as_a_current_marriage() {
        String man = man(1960);
        String woman = woman(1962);
        TopicRecords topic = new TopicRecords("minzheng.registry");
        var entered = api.http.postJson("/api/registry/marriages/back-entries", RegistryApi.REGISTRAR, """
                {"partyA":{"idNumber":"%s","name":"周建国"},"partyB":{"idNumber":"%s","name":"吴秀英"},
                 "officeId":"%s","registeredOn":"1986-10-01","certificateNo":"CZ-1986-%s","status":"MARRIED",
                 "provenance":"钟楼区档案馆 1986 年婚姻登记档案 第 12 卷"}""".formatted(man, woman, office,
                man.substring(14)));
        assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
        assertThat(entered.json().path("backEntered").asBoolean()).isTrue();
        assertThat(entered.json().path("backEntry").path("enteredBy").asString()).isEqualTo("registrar-a");
        assertThat(entered.json().path("backEntry").path("provenance").asString()).contains("档案");
        // Announced as a back-entry, its own type: no consumer takes it for a new marriage.
        String marriageId = entered.json().path("id").asString();
        try (topic) {
            var records = topic.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream()
                    .anyMatch(r -> marriageId.equals(r.key())));
            var mine = records.stream().filter(r -> marriageId.equals(r.key())).toList();
            assertThat(mine).extracting(TopicRecords::type).containsExactly("minzheng.registry.marriage.back-entered.v1");
            assertThat(EventSchemas.violations(mine)).isEmpty();
            assertThat(TopicRecords.body(mine.get(0))).contains("\"status\":\"MARRIED\"", "1986-10-01")
                    .doesNotContain(man, woman);
        }
        assertProblem(api.marry(office, man, woman(1990)), 409, "already-married");
        // The same paper number cannot be entered twice.
        var duplicate = api.http.postJson("/api/registry/marriages/back-entries", RegistryApi.REGISTRAR, """
                {"partyA":{"idNumber":"%s","name":"某"},"partyB":{"idNumber":"%s","name":"某"},
                 "officeId":"%s","registeredOn":"1987-01-01","certificateNo":"CZ-1986-%s","status":"DIVORCED",
                 "provenance":"重复录入"}""".formatted(man(1961), woman(1963), office, man.substring(14)));
        assertProblem(duplicate, 409, "certificate-number-taken");
    }
}
