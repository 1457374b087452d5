package cn.minzheng.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.TestIdNumbers;

/**
 * 身后一件事 end to end, through the gateway with the realm's users and the provincial platform's client: a woman
 * who is a member of a registered household, a care-home resident and married dies; the platform opens one case,
 * and each office's effect is seen through its own API (the household member left, the bed freed, the marriage
 * ended by death, the fee waiver computed) while the case shows every step DONE. The demo citizen, the applicant,
 * sees the case.
 */
class AfterDeathOneThingIT extends ThroughTheGateway {

    /** The realm's demo citizen (keycloak/minzheng-realm.json): the applicant. */
    private static final String DEMO_CITIZEN = "320404198503150026";

    private static JsonNode ok(HttpCalls.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response.json();
    }

    private static LocalDate today(String service, String admin) {
        return OffsetDateTime.parse(ok(gateway.get("/api/" + service + "/dev/clock", admin), 200).path("now")
                .asString()).atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
    }

    private String caseId;

    @Test
    void one_application_and_every_office_does_its_part() throws Exception {
        String admin = tokens.user("admin");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = today("funeral", admin);
        String woman = TestIdNumbers.female("320404", today.minusYears(84).minusDays(suffix.hashCode() & 0x7f));
        String husband = TestIdNumbers.male("320404", today.minusYears(86).minusDays(suffix.hashCode() & 0x3f));

        // assistance: she heads a registered household.
        JsonNode household = ok(gateway.postJson("/api/assistance/households", tokens.user("zl-officer-1"), """
                {"divisionCode":"320404001007","residence":"URBAN","address":"钟楼区某路 %s 号","members":[
                 {"idNumber":"%s","name":"孙秀英","relation":"HEAD","disabilityGrade":0,"employed":false,"monthlyIncome":0},
                 {"idNumber":"%s","name":"周建华","relation":"SPOUSE","disabilityGrade":0,"employed":false,"monthlyIncome":0}],
                 "assets":{"deposits":0,"vehicles":0,"houses":1}}""".formatted(suffix, woman, husband)), 201);
        String householdId = household.path("id").asString();

        // eldercare: she lives in a care home.
        String officer = tokens.user("eldercare-officer");
        String home = ok(gateway.postJson("/api/eldercare/facilities", officer, """
                {"name":"一件事测试敬老院%s","type":"CARE_HOME","ownership":"PUBLIC","divisionCode":"320404001",
                 "beds":{"total":2,"nursing":0}}""".formatted(suffix)), 201).path("id").asString();
        String residentId = ok(gateway.postJson("/api/eldercare/facilities/" + home + "/admissions", officer, """
                {"idNumber":"%s","name":"孙秀英","abilityLevel":"MILD","bedType":"GENERAL"}""".formatted(woman)),
                201).path("id").asString();

        // registry: she is married (on one of the office's registration days).
        String registrar = tokens.user("registrar");
        String office = ok(gateway.postJson("/api/registry/offices", admin, """
                {"code":"OT%s","name":"一件事测试登记处","divisionCode":"320404","address":"钟楼区某路",
                 "openingDays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],
                 "bands":[{"slot":"09:00-10:00","capacity":5}]}""".formatted(suffix)), 201).path("id").asString();
        LocalDate day = today("registry", admin);
        while (!ok(gateway.get("/api/registry/offices/" + office + "/slots?date=" + day, null), 200)
                .path("officeOpen").asBoolean()) {
            day = day.plusDays(1);
        }
        long ahead = ChronoUnit.DAYS.between(today("registry", admin), day);
        if (ahead > 0) {
            ok(gateway.postJson("/api/registry/dev/clock", admin, "{\"by\":\"P" + ahead + "D\"}"), 200);
        }
        String marriageId = ok(gateway.postJson("/api/registry/marriages", registrar, """
                {"partyA":{"idNumber":"%s","name":"周建华"},"partyB":{"idNumber":"%s","name":"孙秀英"},
                 "officeId":"%s","declarationSigned":true}""".formatted(husband, woman, office)), 201).path("id")
                .asString();
        // She dies on or after the day she married (registry refuses a death its own records contradict): when the
        // registry's clock is ahead of funeral's on this shared stack, funeral's is moved to the same day.
        long behind = ChronoUnit.DAYS.between(today, day);
        if (behind > 0) {
            ok(gateway.postJson("/api/funeral/dev/clock", admin, "{\"by\":\"P" + behind + "D\"}"), 200);
            today = day;
        }

        // The provincial platform registers its callbacks (an admin does) and opens one case.
        String platform = tokens.integrationClient();
        try (CallbackReceiver receiver = CallbackReceiver.start()) {
            var registered = gateway.send(gateway.request("/api/funeral/integration-clients/integration", admin)
                    .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers
                            .ofString("{\"divisions\":[\"320000\"],\"secret\":\"" + CallbackReceiver.SECRET + "\",\"allowList\":[\""
                                    + receiver.url() + "\"]}")));
            ok(registered, 200);
            var opened = gateway.postJson("/api/funeral/one-thing/after-death", platform, """
                    {"deceased":{"idNumber":"%s","name":"孙秀英","dateOfDeath":"%s","place":"敬老院","cause":"NATURAL",
                      "divisionCode":"320404001007"},
                     "applicant":{"idNumber":"%s","name":"周小明","relation":"儿子"},
                     "callbackUrl":"%s/after-death"}""".formatted(woman, today, DEMO_CITIZEN, receiver.url()));
            JsonNode kase = ok(opened, 202);
            caseId = kase.path("id").asString();
            String id = caseId;
            await().atMost(Duration.ofSeconds(90)).until(() -> gateway.get("/api/funeral/one-thing/cases/" + id,
                    platform).json().path("status").asString().equals("COMPLETE"));
            // Every status change is called back, signed; the receiver checks each signature with its own HMAC.
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.bodies().stream()
                    .anyMatch(body -> body.contains("\"COMPLETE\"")));
            assertThat(receiver.allVerified()).isTrue();
            assertThat(receiver.bodies()).noneMatch(body -> body.contains(woman));
        }
        JsonNode done = ok(gateway.get("/api/funeral/one-thing/cases/" + caseId, platform), 200);
        assertThat(done.path("steps")).extracting(s -> s.path("office").asString() + " " + s.path("status")
                .asString()).containsExactly("ASSISTANCE DONE", "ELDERCARE DONE", "REGISTRY DONE", "FUNERAL DONE");

        // Each office's effect, through its own API.
        JsonNode member = ok(gateway.get("/api/assistance/households/" + householdId, tokens.user("zl-officer-1")),
                200).path("members").get(0);
        assertThat(member.path("active").asBoolean()).isFalse();
        assertThat(member.path("leftReason").asString()).isEqualTo("DECEASED");
        assertThat(ok(gateway.get("/api/eldercare/residents/" + residentId, officer), 200).path("dischargeReason")
                .asString()).isEqualTo("DECEASED");
        assertThat(ok(gateway.get("/api/registry/marriages/" + marriageId, registrar), 200).path("status")
                .asString()).isEqualTo("ENDED_BY_DEATH");
        assertThat(ok(gateway.get("/api/funeral/deaths/" + done.path("deathId").asString() + "/fee-waiver",
                tokens.user("funeral-officer")), 200).path("resident").asBoolean()).isTrue();

        // A second application for the same person is the same case; the applicant sees it.
        assertThat(ok(gateway.postJson("/api/funeral/one-thing/after-death", platform, """
                {"deceased":{"idNumber":"%s","name":"孙秀英","dateOfDeath":"%s","place":"敬老院",
                  "divisionCode":"320404001007"},
                 "applicant":{"idNumber":"%s","name":"周小明","relation":"儿子"}}""".formatted(woman, today,
                DEMO_CITIZEN)), 202).path("id").asString()).isEqualTo(caseId);
        List<String> mine = ok(gateway.get("/api/funeral/me/one-thing-cases", tokens.user("citizen")), 200)
                .valueStream().map(c -> c.path("id").asString()).toList();
        assertThat(mine).contains(caseId);
    }
}
