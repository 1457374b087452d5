package cn.minzheng.funeral.flow;

import static cn.minzheng.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The cemetery office's other work: a plot held for a surviving spouse (only where the county allows it, and used
 * when that person is buried), terms renewed once and listed when ending, relocation projects counted by type,
 * collective eco ceremonies (checked whole before anything changes), and the monthly settlement per funeral home.
 */
@ServiceTest
class CemeteryWorkTest {

    static final String HOME = TestJwts.token("home-a", "320404", "funeral-home-operator");
    static final String OFFICER = TestJwts.token("officer-f", "320404", "funeral-officer");
    static final String WUJIN_OFFICER = TestJwts.token("officer-w", "320412", "funeral-officer");
    static final String JINTAN_HOME = TestJwts.token("home-j", "320413", "funeral-home-operator");
    static final String JINTAN_OFFICER = TestJwts.token("officer-j", "320413", "funeral-officer");

    @LocalServerPort
    int port;

    HttpCalls http;

    @BeforeEach
    void setUp() {
        http = new HttpCalls("http://127.0.0.1:" + port);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    String death(String token, String idNumber, String residence, LocalDate date) {
        var recorded = http.postJson("/api/funeral/deaths", token, """
                {"idNumber":"%s","name":"刘淑珍","dateOfDeath":"%s","place":"家中","divisionCode":"%s"}"""
                .formatted(idNumber, date, residence));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        return recorded.json().path("id").asString();
    }

    String cemetery(String token, String division, int termYears) {
        var created = http.postJson("/api/funeral/cemeteries", token, """
                {"name":"福寿园","kind":"PUBLIC_WELFARE","eco":true,"divisionCode":"%s","usageTermYears":%d,
                 "plots":[{"kind":"GRAVE","count":4,"areaSqm":0.60,"section":"A区","perRow":2},
                 {"kind":"ECO","count":4,"areaSqm":0.20}]}"""
                .formatted(division, termYears));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    HttpCalls.Response bury(String deathId, String cemeteryId, String type, LocalDate date) {
        return http.postJson("/api/funeral/burials", OFFICER, """
                {"deathId":"%s","cemeteryId":"%s","type":"%s","date":"%s"}"""
                .formatted(deathId, cemeteryId, type, date));
    }

    String reservation(String cemeteryId, String idNumber, String nextTo) {
        return """
                {"cemeteryId":"%s","plotKind":"GRAVE","idNumber":"%s","name":"王建华","divisionCode":"320404001001",
                 "ground":"SURVIVING_SPOUSE","nextToDeathId":"%s","spouseEvidence":"结婚证（原件已核）"}"""
                .formatted(cemeteryId, idNumber, nextTo);
    }

    @Test
    void a_plot_is_held_for_a_surviving_spouse_only_where_allowed_and_used_at_their_burial_and_terms_renew_once() {
        String cemeteryId = cemetery(OFFICER, "320404", 20);
        String wife = death(HOME, TestIdNumbers.female("320404", LocalDate.of(1945, 2, 2)), "320404001001",
                today().minusDays(3));
        String husband = TestIdNumbers.male("320404", LocalDate.of(1943, 3, 3));

        assertProblem(http.postJson("/api/funeral/reservations", OFFICER, reservation(cemeteryId, husband, wife)),
                422, "reservation-not-allowed", "nextToDeathId");
        assertThat(bury(wife, cemeteryId, "GRAVE", today().minusDays(1)).status()).isEqualTo(200);
        var held = http.postJson("/api/funeral/reservations", OFFICER, reservation(cemeteryId, husband, wife));
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.json().path("status").asString()).isEqualTo("RESERVED");
        assertThat(held.toString()).doesNotContain(husband);
        String plotId = held.json().path("plotId").asString();
        assertThat(http.postJson("/api/funeral/reservations", OFFICER, reservation(cemeteryId, husband, wife)).json()
                .path("plotId").asString()).as("a retry holds the same plot").isEqualTo(plotId);
        assertThat(http.get("/api/funeral/cemeteries/" + cemeteryId, OFFICER).json().path("plots").path("GRAVE")
                .path("RESERVED").asInt()).isEqualTo(1);

        // A county whose rules allow no reservation (武进区 has no entry).
        String wujin = cemetery(WUJIN_OFFICER, "320412", 20);
        assertProblem(http.postJson("/api/funeral/reservations", WUJIN_OFFICER, reservation(wujin, husband, wife)),
                422, "reservation-not-allowed", "ground");

        // He dies later: his burial takes the plot held for him.
        String his = death(HOME, husband, "320404001001", today());
        var buried = bury(his, cemeteryId, "GRAVE", today());
        assertThat(buried.status()).as(buried.toString()).isEqualTo(200);
        assertThat(buried.json().path("burial").path("plotId").asString()).isEqualTo(plotId);

        // Renewal from the end the caller saw; the same request again adds nothing.
        LocalDate until = today().plusYears(20);
        String renewal = "/api/funeral/cemeteries/" + cemeteryId + "/plots/" + plotId + "/renewal";
        assertProblem(http.postJson(renewal, OFFICER, "{\"years\":10,\"currentUntil\":\"" + until.plusDays(1)
                + "\"}"), 409, "term-changed", "currentUntil");
        var renewed = http.postJson(renewal, OFFICER, "{\"years\":10,\"currentUntil\":\"" + until + "\"}");
        assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
        assertThat(renewed.json().path("termUntil").asString()).isEqualTo(until.plusYears(10).toString());
        assertProblem(http.postJson(renewal, OFFICER, "{\"years\":10,\"currentUntil\":\"" + until + "\"}"), 409,
                "term-changed", "currentUntil");
        assertProblem(http.postJson(renewal, OFFICER, "{\"years\":0,\"currentUntil\":\"" + until + "\"}"), 400,
                "invalid-request", "years");
        assertProblem(http.postJson("/api/funeral/cemeteries/" + cemeteryId + "/plots/E-5/renewal", OFFICER,
                "{\"years\":5,\"currentUntil\":\"" + until + "\"}"), 409, "plot-not-in-use");

        // The section's grid: row by row, the used plots with their term and the renewal offered.
        JsonNode grid = http.get("/api/funeral/cemeteries/" + cemeteryId + "/plots", OFFICER).json();
        assertThat(grid.path("sections").toString()).isEqualTo("[\"A区\"]");
        assertThat(grid.path("plots").size()).isEqualTo(4);
        assertThat(grid.path("plots").get(3).path("row").asInt()).isEqualTo(2);
        assertThat(grid.path("plots").get(3).path("number").asInt()).isEqualTo(2);
        JsonNode hisPlot = java.util.stream.StreamSupport.stream(grid.path("plots").spliterator(), false)
                .filter(p -> p.path("id").asString().equals(plotId)).findFirst().orElseThrow();
        assertThat(hisPlot.path("status").asString()).isEqualTo("USED");
        assertThat(hisPlot.path("termUntil").asString()).isEqualTo(until.plusYears(10).toString());
        assertThat(hisPlot.path("actions").toString()).isEqualTo("[\"RENEW\"]");
        assertThat(grid.toString()).as("no reserving person's details").doesNotContain("王建华");
        assertProblem(http.get("/api/funeral/cemeteries/" + cemeteryId + "/plots?section=Z区", OFFICER), 404,
                "not-found");
    }

    @Test
    void terms_ending_soon_are_on_the_worklist_with_the_days_left_when_read() {
        String cemeteryId = cemetery(JINTAN_OFFICER, "320413", 20);
        LocalDate longAgo = today().minusYears(20).plusDays(30);
        String old = death(JINTAN_HOME, TestIdNumbers.male("320413", LocalDate.of(1920, 6, 6)), "320413001001",
                longAgo);
        var buried = http.postJson("/api/funeral/burials", JINTAN_OFFICER, """
                {"deathId":"%s","cemeteryId":"%s","type":"GRAVE","date":"%s"}""".formatted(old, cemeteryId,
                longAgo));
        assertThat(buried.status()).as(buried.toString()).isEqualTo(200);
        JsonNode ending = http.get("/api/funeral/cemeteries/terms-ending?division=320413&withinDays=60",
                JINTAN_OFFICER).json();
        JsonNode ours = ending.path("items").valueStream().filter(p -> p.path("deathId").asString().equals(old))
                .findFirst().orElseThrow();
        assertThat(ending.path("page").path("totalElements").asLong()).as("paged with the total (issue 30.7)")
                .isEqualTo(ending.path("items").size());
        assertThat(ours.path("daysLeft").asLong()).isEqualTo(30);
        assertThat(ours.path("expired").asBoolean()).isFalse();
        assertThat(http.get("/api/funeral/cemeteries/terms-ending?division=320413&withinDays=10", JINTAN_OFFICER)
                .json().path("items").valueStream().noneMatch(p -> p.path("deathId").asString().equals(old))).isTrue();
        assertProblem(http.get("/api/funeral/cemeteries/terms-ending?division=320413&withinDays=-1",
                JINTAN_OFFICER), 400, "invalid-request", "withinDays");
    }

    @Test
    void relocations_count_once_per_batch_and_a_ceremony_buries_all_or_changes_nothing() {
        var project = http.postJson("/api/funeral/relocation-projects", OFFICER, """
                {"name":"五星公墓搬迁","kind":"CEMETERY_RELOCATION","divisionCode":"320404","startedOn":"%s"}"""
                .formatted(today().minusDays(10)));
        assertThat(project.status()).as(project.toString()).isEqualTo(201);
        String moves = "/api/funeral/relocation-projects/" + project.json().path("id").asString() + "/moves";
        String batch = "{\"batchNo\":\"B-1\",\"movedTo\":\"NICHE\",\"graves\":120,\"on\":\"" + today() + "\"}";
        assertThat(http.postJson(moves, OFFICER, batch).status()).isEqualTo(200);
        JsonNode again = http.postJson(moves, OFFICER, batch).json();
        assertThat(again.path("gravesMoved").asLong()).as("a retried batch counts once").isEqualTo(120);
        assertProblem(http.postJson(moves, OFFICER, batch.replace("120", "121")), 409, "batch-number-used",
                "batchNo");
        JsonNode tree = http.postJson(moves, OFFICER, "{\"batchNo\":\"B-2\",\"movedTo\":\"TREE\",\"graves\":30,"
                + "\"on\":\"" + today() + "\"}").json();
        assertThat(tree.path("movedByType").path("TREE").asLong()).isEqualTo(30);
        JsonNode stats = http.get("/api/funeral/stats?division=320404&from=" + today() + "&to=" + today(), OFFICER)
                .json();
        assertThat(stats.path("gravesRelocatedByType").path("NICHE").asLong()).isGreaterThanOrEqualTo(120);

        String first = death(HOME, TestIdNumbers.male("320404", LocalDate.of(1933, 7, 7)), "320404001001",
                today().minusDays(2));
        String second = death(HOME, TestIdNumbers.female("320404", LocalDate.of(1934, 8, 8)), "320404001001",
                today().minusDays(2));
        String ceremony = """
                {"name":"清明集体海葬","type":"%s","divisionCode":"320404","date":"%s","deathIds":["%s","%s"],
                 "familyParticipants":9}""";
        assertProblem(http.postJson("/api/funeral/eco-ceremonies", OFFICER, ceremony.formatted("GRAVE", today(),
                first, second)), 400, "invalid-request", "type");
        String buriedAlready = death(HOME, TestIdNumbers.male("320404", LocalDate.of(1932, 9, 9)), "320404001001",
                today().minusDays(2));
        assertThat(http.postJson("/api/funeral/burials", OFFICER, """
                {"deathId":"%s","type":"SCATTERING","date":"%s"}""".formatted(buriedAlready, today())).status())
                .isEqualTo(200);
        long held = http.get("/api/funeral/eco-ceremonies?division=320404", OFFICER).json().path("page").path("totalElements").asLong();
        assertProblem(http.postJson("/api/funeral/eco-ceremonies", OFFICER, ceremony.formatted("SEA", today(),
                first, buriedAlready)), 409, "already-buried", "deathIds[1]");
        assertThat(http.get("/api/funeral/deaths/" + first, OFFICER).json().path("burial").isNull())
                .as("the refusal changed nothing").isTrue();
        var sea = http.postJson("/api/funeral/eco-ceremonies", OFFICER, ceremony.formatted("SEA", today(), first,
                second));
        assertThat(sea.status()).as(sea.toString()).isEqualTo(201);
        assertThat(http.get("/api/funeral/eco-ceremonies?division=320404", OFFICER).json().path("page").path("totalElements").asLong())
                .isEqualTo(held + 1);
        for (String deathId : new String[] {first, second}) {
            JsonNode burial = http.get("/api/funeral/deaths/" + deathId, OFFICER).json().path("burial");
            assertThat(burial.path("type").asString()).isEqualTo("SEA");
            assertThat(burial.path("ecoReward").asBoolean()).isTrue();
        }
    }

    @Test
    void a_monthly_settlement_gives_what_the_county_owes_each_funeral_home() {
        YearMonth last = YearMonth.from(today()).minusMonths(1);
        LocalDate day = last.atDay(12);
        String resident = death(JINTAN_HOME, TestIdNumbers.female("320413", LocalDate.of(1939, 1, 9)),
                "320413001001", day);
        String visitor = death(JINTAN_HOME, TestIdNumbers.male("320404", LocalDate.of(1938, 2, 9)), "320404001001",
                day);
        for (String deathId : new String[] {resident, visitor}) {
            assertThat(http.postJson("/api/funeral/deaths/" + deathId + "/services", JINTAN_HOME,
                    "{\"item\":\"TRANSPORT\",\"quantity\":1,\"on\":\"" + day + "\"}").status()).isEqualTo(200);
            assertThat(http.postJson("/api/funeral/deaths/" + deathId + "/services", JINTAN_HOME,
                    "{\"item\":\"COLD_STORAGE\",\"quantity\":5,\"on\":\"" + day + "\"}").status()).isEqualTo(200);
        }
        java.math.BigDecimal expected = http.get("/api/funeral/deaths/" + resident + "/fee-waiver", JINTAN_OFFICER)
                .json().path("waived").decimalValue();
        assertThat(expected).isPositive();
        assertThat(http.get("/api/funeral/deaths/" + visitor + "/fee-waiver", JINTAN_OFFICER).json().path("waived")
                .decimalValue()).as("a non-resident has no basic waiver").isZero();

        JsonNode statement = http.get("/api/funeral/settlements?division=320413&month=" + last, JINTAN_OFFICER)
                .json();
        JsonNode home = statement.path("funeralHomes").get(0);
        assertThat(statement.path("funeralHomes").size()).isEqualTo(1);
        assertThat(home.path("deaths").asLong()).isEqualTo(2);
        assertThat(home.path("deathsWithWaiver").asLong()).isEqualTo(1);
        assertThat(home.path("owed").decimalValue()).isEqualByComparingTo(expected);
        assertThat(home.path("items").path("TRANSPORT").path("deaths").asLong()).isEqualTo(1);
        assertThat(statement.path("owed").decimalValue()).isEqualByComparingTo(expected);
        assertProblem(http.get("/api/funeral/settlements?division=320413&month=2026-13", JINTAN_OFFICER), 400,
                "invalid-request");
        assertProblem(http.get("/api/funeral/settlements?division=320404&month=" + last, JINTAN_OFFICER), 403,
                "outside-division");
    }
}
