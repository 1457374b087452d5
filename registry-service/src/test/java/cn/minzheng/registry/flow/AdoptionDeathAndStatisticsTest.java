package cn.minzheng.registry.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonRefs;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.testsupport.EventSchemas;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A married couple adopts (the registry knows they are spouses); a death recorded by funeral ends the marriage and
 * cancels the person's bookings; the citizen sees their records; the statistics count all of it.
 */
@ServiceTest
class AdoptionDeathAndStatisticsTest {

    @LocalServerPort
    int port;

    @Autowired
    PersonalDataCipher cipher;

    RegistryApi api;
    String office;

    @BeforeEach
    void setUp() {
        api = new RegistryApi(port);
        office = api.office("[{\"slot\":\"09:00-10:00\",\"capacity\":10}]");
    }

    @Test
    void a_married_couple_adopts_a_child_and_the_event_names_everyone_by_personref_only() {
        String husband = TestIdNumbers.male("320404", LocalDate.of(1984, 7, 7));
        String wife = TestIdNumbers.female("320404", LocalDate.of(1986, 7, 7));
        String child = TestIdNumbers.female("320404", LocalDate.of(2015, 7, 7));
        api.married(office, husband, wife);
        String body = """
                {"officeId":"%s","adopters":[{"idNumber":"%s","name":"张伟","childrenCount":0},
                  {"idNumber":"%s","name":"李娜","childrenCount":0}],
                 "child":{"idNumber":"%s","name":"小花","status":"PARENTS_UNABLE","consented":%s},
                 "assessmentCompleted":true}""";
        var withoutConsent = api.http.postJson("/api/registry/adoptions", RegistryApi.REGISTRAR,
                body.formatted(office, husband, wife, child, false));
        assertThat(withoutConsent.status()).as(withoutConsent.toString()).isEqualTo(422);
        assertThat(withoutConsent.json().path("type").asString()).isEqualTo("/problems/consent-required");

        try (TopicRecords topic = new TopicRecords("minzheng.registry")) {
            var adopted = api.http.postJson("/api/registry/adoptions", RegistryApi.REGISTRAR,
                    body.formatted(office, husband, wife, child, true));
            assertThat(adopted.status()).as(adopted.toString()).isEqualTo(201);
            assertThat(adopted.json().path("certificateNo").asString()).startsWith("S");
            assertThat(adopted.body()).doesNotContain(husband, wife, child);
            String id = adopted.json().path("id").asString();
            var records = topic.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> id.equals(r.key())));
            assertThat(EventSchemas.violations(records)).isEmpty();
            assertThat(records.stream().map(TopicRecords::body)).noneMatch(b -> b.contains(husband) || b.contains(child));
        }
    }

    @Test
    void a_death_ends_the_marriage_frees_the_survivor_and_cancels_the_deceaseds_bookings() {
        String husband = TestIdNumbers.male("320404", LocalDate.of(1950, 9, 9));
        String wife = TestIdNumbers.female("320404", LocalDate.of(1952, 9, 9));
        String marriageId = api.married(office, husband, wife).path("id").asString();
        LocalDate date = AppointmentsTest.ordinaryDate(api);
        var booking = api.http.postJson("/api/registry/appointments", RegistryApi.citizen(husband), """
                {"officeId":"%s","date":"%s","slot":"09:00-10:00","kind":"DIVORCE_APPLICATION"}""".formatted(office,
                date));
        assertThat(booking.status()).as(booking.toString()).isEqualTo(201);

        String divorceId = api.applyForDivorce(marriageId).json().path("id").asString();
        String personRef = PersonRefs.of(ResidentIdNumber.of(husband), cipher);
        String eventId = UUID.randomUUID().toString();
        String data = "{\"deathId\":\"death-" + eventId + "\",\"personRef\":\"" + personRef
                + "\",\"dateOfDeath\":\"" + api.serviceToday()
                + "\",\"division\":\"320404001\"}";
        try (TopicRecords funeral = new TopicRecords("minzheng.funeral")) {
            TopicRecords.sendCloudEvent("minzheng.funeral", "death-" + eventId, "minzheng.funeral.death.recorded.v1",
                    eventId, data);
            var sent = funeral.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream()
                    .anyMatch(r -> ("death-" + eventId).equals(r.key())));
            assertThat(EventSchemas.violations(sent.stream().filter(r -> ("death-" + eventId).equals(r.key()))
                    .toList(), Path.of("src/test/resources/consumed-events"))).isEmpty();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.http.get("/api/registry/marriages/"
                + marriageId, RegistryApi.REGISTRAR).json().path("status").asString()).isEqualTo("ENDED_BY_DEATH"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.http.get("/api/registry/appointments/"
                + booking.json().path("id").asString(), RegistryApi.REGISTRAR).json().path("status").asString())
                .isEqualTo("CANCELLED"));
        // The open divorce application ends with the marriage: there is nothing left to dissolve.
        assertThat(api.http.get("/api/registry/divorces/" + divorceId, RegistryApi.REGISTRAR).json().path("status")
                .asString()).isEqualTo("ENDED_BY_DEATH");
        // The deceased is no party to a new act, whenever the death became known: nor to a divorce application.
        var divorceAgain = api.applyForDivorce(marriageId);
        assertThat(divorceAgain.status()).as(divorceAgain.toString()).isEqualTo(422);
        assertThat(divorceAgain.json().path("type").asString()).isEqualTo("/problems/party-deceased");
        assertThat(divorceAgain.json().path("errors").get(0).path("field").asString()).isEqualTo("marriageId");
        var deceasedMarries = api.marry(office, husband, TestIdNumbers.female("320404", LocalDate.of(1953, 3, 3)));
        assertThat(deceasedMarries.status()).as(deceasedMarries.toString()).isEqualTo(422);
        assertThat(deceasedMarries.json().path("type").asString()).isEqualTo("/problems/party-deceased");
        assertThat(deceasedMarries.json().path("errors").get(0).path("field").asString()).isEqualTo("partyA.idNumber");
        assertThat(deceasedMarries.json().path("detail").asString()).isEqualTo("男方已登记死亡，不能作为当事人办理登记。");
        // The widow may marry again; her own records show both marriages.
        assertThat(api.marry(office, TestIdNumbers.male("320404", LocalDate.of(1951, 1, 1)), wife).status())
                .isEqualTo(201);
        JsonNode mine = api.http.get("/api/registry/me/marriages", RegistryApi.citizen(wife)).json();
        assertThat(mine).hasSize(2);
        assertThat(mine.valueStream().map(m -> m.path("status").asString())).containsExactlyInAnyOrder(
                "ENDED_BY_DEATH", "MARRIED");
        assertThat(mine.toString()).doesNotContain(wife);
    }

    @Test
    void statistics_count_marriages_divorces_adoptions_and_appointments_of_the_period() {
        LocalDate today = api.serviceToday();
        String url = "/api/registry/stats?division=320404&from=" + today.minusDays(1) + "&to=" + today.plusDays(90);
        JsonNode before = api.http.get(url, RegistryApi.AUDITOR).json();
        String marriageId = api.married(office, TestIdNumbers.male("320404", LocalDate.of(1979, 1, 2)),
                TestIdNumbers.female("320404", LocalDate.of(1979, 1, 2))).path("id").asString();
        assertThat(api.applyForDivorce(marriageId).status()).isEqualTo(201);
        JsonNode after = api.http.get(url, RegistryApi.AUDITOR).json();
        assertThat(after.path("marriages").asLong()).isEqualTo(before.path("marriages").asLong() + 1);
        assertThat(after.path("divorces").path("applied").asLong())
                .isEqualTo(before.path("divorces").path("applied").asLong() + 1);
        assertThat(after.path("marriagesByOffice").path(office).asLong()).isEqualTo(1);
        var outside = api.http.get("/api/registry/stats?division=320413&from=" + today + "&to=" + today,
                RegistryApi.REGISTRAR);
        assertThat(outside.status()).isEqualTo(403);
    }
}
