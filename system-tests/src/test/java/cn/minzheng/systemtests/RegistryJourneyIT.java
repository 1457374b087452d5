package cn.minzheng.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.minzheng.clients.registry.ApiClient;
import cn.minzheng.clients.registry.ApiException;
import cn.minzheng.clients.registry.api.MarriagesApi;
import cn.minzheng.clients.registry.api.OfficesApi;
import cn.minzheng.clients.registry.model.Band;
import cn.minzheng.clients.registry.model.MarriageResponse;
import cn.minzheng.clients.registry.model.NewMarriage;
import cn.minzheng.clients.registry.model.NewOffice;
import cn.minzheng.clients.registry.model.OfficeResponse;
import cn.minzheng.clients.registry.model.PartyCommand;
import cn.minzheng.testsupport.EventSchemas;
import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TopicRecords;

/**
 * Issue 5's story on the whole platform, through the gateway with real Keycloak tokens: an office opens, the demo
 * citizen books a place (seen on the public page), a registrar registers a marriage, the couple's divorce runs
 * through cooling-off on the registry's dev clock (refused on its last day, registered the day after), and a married
 * couple adopts a child. Every event on the registry topic is valid against its schema and carries no ID number.
 */
class RegistryJourneyIT extends ThroughTheGateway {

    private static JsonNode ok(HttpCalls.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response.json();
    }

    private static LocalDate registryToday(String admin) {
        return OffsetDateTime.parse(gateway.get("/api/registry/dev/clock", admin).json().path("now").asString())
                .atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
    }

    /** The first day on or after {@code from} the office registers, as the public places page says (no login). */
    private static LocalDate registrationDay(String office, LocalDate from) {
        for (LocalDate day = from; day.isBefore(from.plusDays(30)); day = day.plusDays(1)) {
            boolean popular = (day.getMonthValue() == 5 && day.getDayOfMonth() == 20)
                    || (day.getMonthValue() == 2 && day.getDayOfMonth() == 14);
            if (!popular && ok(gateway.get("/api/registry/offices/" + office + "/slots?date=" + day, null), 200)
                    .path("officeOpen").asBoolean()) {
                return day;
            }
        }
        throw new IllegalStateException(office + " registers on no day of the 30 after " + from);
    }

    /** Moves the registry's dev clock forward to that day: acts happen only on days the office registers. */
    private static void moveTo(LocalDate day, String admin) {
        long days = ChronoUnit.DAYS.between(registryToday(admin), day);
        if (days > 0) {
            ok(gateway.postJson("/api/registry/dev/clock", admin, "{\"by\":\"P" + days + "D\"}"), 200);
        }
    }

    /** The generated client, sending the caller's token on every call through the gateway. */
    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(stack.gatewayUrl().toString());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void a_couple_marries_divorces_after_cooling_off_and_another_couple_adopts() throws ApiException {
        String admin = tokens.user("admin");
        String registrar = tokens.user("registrar");
        String citizen = tokens.user("citizen");
        String code = "IT" + UUID.randomUUID().toString().substring(0, 6);
        // Office and first marriage through the client generated from the committed openapi.json, as a portal
        // team would call the API; the rest by hand-built requests.
        OfficeResponse opened = new OfficesApi(client(admin)).officeOpen(new NewOffice().code(code)
                .name("钟楼区婚姻登记处(系统测试)").divisionCode("320404").address("钟楼区某路")
                .openingDays(List.of(NewOffice.OpeningDaysEnum.values()))
                .addBandsItem(new Band().slot("09:00-10:00").capacity(5)), null);
        String office = opened.getId();
        assertThat(opened.getOpeningDays()).hasSize(7);

        // The run may fall on a weekend or holiday: the story starts on the office's next registration day.
        moveTo(registrationDay(office, registryToday(admin)), admin);
        // The demo citizen books a place; the public page (no login) shows one place fewer.
        LocalDate date = registrationDay(office, registryToday(admin).plusDays(3));
        ok(gateway.postJson("/api/registry/appointments", citizen, """
                {"officeId":"%s","date":"%s","slot":"09:00-10:00","kind":"MARRIAGE"}""".formatted(office, date)), 201);
        JsonNode places = ok(gateway.get("/api/registry/offices/" + office + "/slots?date=" + date, null), 200);
        assertThat(places.path("slots").get(0).path("remaining").asInt()).isEqualTo(4);
        assertThat(ok(gateway.get("/api/registry/me/appointments", citizen), 200)).hasSize(1);

        String man = TestIdNumbers.male("320404", LocalDate.of(1994, 4, 4));
        String woman = TestIdNumbers.female("320413", LocalDate.of(1996, 6, 6));
        String husband = TestIdNumbers.male("320404", LocalDate.of(1982, 2, 2));
        String wife = TestIdNumbers.female("320404", LocalDate.of(1984, 4, 4));
        String child = TestIdNumbers.male("320404", LocalDate.of(2021, 1, 1));
        List<String> idNumbers = List.of(man, woman, husband, wife, child);
        try (TopicRecords events = new TopicRecords(stack.kafkaBootstrapServers(), "minzheng.registry")) {
            MarriageResponse marriage = new MarriagesApi(client(registrar)).marriageRegister(new NewMarriage()
                    .partyA(new PartyCommand().idNumber(man).name("陈强"))
                    .partyB(new PartyCommand().idNumber(woman).name("刘芳"))
                    .officeId(office).declarationSigned(true), null);
            String marriageId = marriage.getId();
            assertThat(marriage.getCertificateNo()).startsWith("J" + code + "-");
            assertThat(marriage.getPartyA().getIdNumber()).contains("*").isNotEqualTo(man);
            // A refusal reaches the generated client as an exception carrying the problem+json.
            assertThatThrownBy(() -> new MarriagesApi(client(registrar)).marriageRegister(new NewMarriage()
                    .partyA(new PartyCommand().idNumber(man).name("陈强"))
                    .partyB(new PartyCommand().idNumber(TestIdNumbers.female("320404", LocalDate.of(1997, 7, 7)))
                            .name("周丽")).officeId(office).declarationSigned(true), null))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.getCode()).isEqualTo(409);
                        assertThat(e.getResponseBody()).contains("/problems/already-married");
                    });

            JsonNode divorce = ok(gateway.postJson("/api/registry/divorces", registrar,
                    "{\"marriageId\":\"" + marriageId + "\"}"), 201);
            String divorceId = divorce.path("id").asString();
            LocalDate coolingOffEnds = LocalDate.parse(divorce.path("coolingOffEnds").asString());
            assertThat(divorce.path("legalTime").path("years").size()).isPositive();
            moveTo(coolingOffEnds, admin);
            assertThat(ok(gateway.postJson("/api/registry/divorces/" + divorceId + "/registration", registrar, "{}"),
                    409).path("type").asString()).isEqualTo("/problems/cooling-off");
            moveTo(registrationDay(office, coolingOffEnds.plusDays(1)), admin);
            assertThat(ok(gateway.postJson("/api/registry/divorces/" + divorceId + "/registration", registrar, "{}"),
                    200).path("status").asString()).isEqualTo("REGISTERED");
            assertThat(ok(gateway.get("/api/registry/marriages/" + marriageId, registrar), 200).path("status")
                    .asString()).isEqualTo("DIVORCED");

            ok(gateway.postJson("/api/registry/marriages", registrar, """
                    {"partyA":{"idNumber":"%s","name":"王军"},"partyB":{"idNumber":"%s","name":"赵敏"},
                     "officeId":"%s","declarationSigned":true}""".formatted(husband, wife, office)), 201);
            String adoptionId = ok(gateway.postJson("/api/registry/adoptions", registrar, """
                    {"officeId":"%s","adopters":[{"idNumber":"%s","name":"王军","childrenCount":0},
                      {"idNumber":"%s","name":"赵敏","childrenCount":0}],
                     "child":{"idNumber":"%s","name":"小宝","status":"ORPHAN"},"assessmentCompleted":true}"""
                    .formatted(office, husband, wife, child)), 201).path("id").asString();

            var records = events.awaitUntil(Duration.ofSeconds(60), received -> received.stream()
                    .anyMatch(r -> adoptionId.equals(r.key())) && received.stream()
                    .anyMatch(r -> divorceId.equals(r.key())));
            assertThat(records).extracting(TopicRecords::type).contains("minzheng.registry.marriage.registered.v1",
                    "minzheng.registry.divorce.registered.v1", "minzheng.registry.adoption.registered.v1");
            assertThat(EventSchemas.violations(records, stack.settings().root()
                    .resolve("registry-service/src/main/resources/events"))).isEmpty();
            assertThat(records).map(TopicRecords::body).noneMatch(body -> idNumbers.stream().anyMatch(body::contains));
        }
    }
}
