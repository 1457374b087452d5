package cn.minzheng.funeral.flow;

import static cn.minzheng.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonRefs;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;
import cn.minzheng.testsupport.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 寿墓 for a surviving spouse, judged on funeral's own projection of registry's marriages (registered and
 * back-entered, ended by divorce): refused to a man married to someone else at her death, or divorced from her;
 * granted with {@code basis: REGISTRY} to her husband; where the registry knows nothing of the couple, granted on the
 * officer's recorded evidence ({@code basis: EVIDENCE}) and refused without it.
 */
@ServiceTest
class SpouseReservationTest {

    static final String HOME = TestJwts.token("home-a", "320404", "funeral-home-operator");
    static final String OFFICER = TestJwts.token("officer-f", "320404", "funeral-officer");

    @LocalServerPort
    int port;

    @Autowired
    PersonalDataCipher cipher;

    HttpCalls http;

    @BeforeEach
    void setUp() {
        http = new HttpCalls("http://127.0.0.1:" + port);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private String ref(String idNumber) {
        return PersonRefs.of(ResidentIdNumber.of(idNumber), cipher);
    }

    private String buried(String cemeteryId, String idNumber) {
        var recorded = http.postJson("/api/funeral/deaths", HOME, """
                {"idNumber":"%s","name":"刘淑珍","dateOfDeath":"%s","place":"家中","divisionCode":"320404001001"}"""
                .formatted(idNumber, today().minusDays(3)));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String deathId = recorded.json().path("id").asString();
        assertThat(http.postJson("/api/funeral/burials", OFFICER, """
                {"deathId":"%s","cemeteryId":"%s","type":"GRAVE","date":"%s"}"""
                .formatted(deathId, cemeteryId, today().minusDays(1))).status()).isEqualTo(200);
        return deathId;
    }

    private HttpCalls.Response reserve(String cemeteryId, String idNumber, String nextTo, String evidence) {
        return http.postJson("/api/funeral/reservations", OFFICER, """
                {"cemeteryId":"%s","plotKind":"GRAVE","idNumber":"%s","name":"王建华","divisionCode":"320404001001",
                 "ground":"SURVIVING_SPOUSE","nextToDeathId":"%s"%s}""".formatted(cemeteryId, idNumber, nextTo,
                evidence == null ? "" : ",\"spouseEvidence\":\"" + evidence + "\""));
    }

    private static void marriage(String type, String marriageId, String a, String b, String extra) {
        TopicRecords.sendCloudEvent("minzheng.registry", marriageId, type, UUID.randomUUID().toString(), """
                {"marriageId":"%s","personRefs":["%s","%s"],"officeId":"office-zl","division":"320404",
                 "registeredOn":"1975-05-01"%s}""".formatted(marriageId, a, b, extra));
    }

    @Test
    void a_plot_next_to_a_buried_woman_is_held_only_for_the_man_who_was_her_husband_at_her_death() {
        var created = http.postJson("/api/funeral/cemeteries", OFFICER, """
                {"name":"福寿园","kind":"PUBLIC_WELFARE","eco":true,"divisionCode":"320404","usageTermYears":20,
                 "plots":[{"kind":"GRAVE","count":8,"areaSqm":0.60}]}""");
        String cemeteryId = created.json().path("id").asString();
        int seed = UUID.randomUUID().hashCode() & 1023;
        String wife = TestIdNumbers.female("320404", LocalDate.of(1946, 1, 1).plusDays(seed));
        String husband = TestIdNumbers.male("320404", LocalDate.of(1944, 1, 1).plusDays(seed));
        String stranger = TestIdNumbers.male("320404", LocalDate.of(1943, 1, 1).plusDays(seed));
        String strangersWife = TestIdNumbers.female("320404", LocalDate.of(1947, 1, 1).plusDays(seed));
        String exWife = TestIdNumbers.female("320404", LocalDate.of(1948, 1, 1).plusDays(seed));
        String exHusband = TestIdNumbers.male("320404", LocalDate.of(1942, 1, 1).plusDays(seed));
        String widow = TestIdNumbers.female("320404", LocalDate.of(1949, 1, 1).plusDays(seed));
        String unknownHusband = TestIdNumbers.male("320404", LocalDate.of(1941, 1, 1).plusDays(seed));

        String herDeath = buried(cemeteryId, wife);
        String exDeath = buried(cemeteryId, exWife);
        String widowsDeath = buried(cemeteryId, widow);

        marriage("minzheng.registry.marriage.back-entered.v1", "mar-a" + seed, ref(husband), ref(wife),
                ",\"status\":\"MARRIED\"");
        marriage("minzheng.registry.marriage.registered.v1", "mar-b" + seed, ref(stranger), ref(strangersWife), "");
        marriage("minzheng.registry.marriage.back-entered.v1", "mar-c" + seed, ref(exHusband), ref(exWife),
                ",\"status\":\"MARRIED\"");
        TopicRecords.sendCloudEvent("minzheng.registry", "div-c" + seed, "minzheng.registry.divorce.registered.v1",
                UUID.randomUUID().toString(), """
                {"divorceId":"div-c%d","marriageId":"mar-c%d","personRefs":["%s","%s"],"officeId":"office-zl",
                 "division":"320404","registeredOn":"1990-03-01"}""".formatted(seed, seed, ref(exHusband),
                        ref(exWife)));

        // Married to someone else when she died.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertProblem(
                reserve(cemeteryId, stranger, herDeath, "结婚证"), 422, "not-spouse-at-death", "idNumber"));
        // Divorced from her long before her death.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertProblem(
                reserve(cemeteryId, exHusband, exDeath, "结婚证"), 422, "not-spouse-at-death", "idNumber"));
        // Her husband, as the registry has it.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var held = reserve(cemeteryId, husband, herDeath, null);
            assertThat(held.status()).as(held.toString()).isEqualTo(200);
            assertThat(held.json().path("basis").asString()).isEqualTo("REGISTRY");
        });
        // Nothing known of this couple: the officer's evidence, recorded, or nothing.
        assertProblem(reserve(cemeteryId, unknownHusband, widowsDeath, null), 422, "spouse-evidence-required",
                "spouseEvidence");
        var onEvidence = reserve(cemeteryId, unknownHusband, widowsDeath, "结婚证 苏常钟结字第 1978-0312 号（原件已核）");
        assertThat(onEvidence.status()).as(onEvidence.toString()).isEqualTo(200);
        assertThat(onEvidence.json().path("basis").asString()).isEqualTo("EVIDENCE");
        assertThat(onEvidence.json().path("spouseEvidence").asString()).contains("1978-0312");
    }
}
