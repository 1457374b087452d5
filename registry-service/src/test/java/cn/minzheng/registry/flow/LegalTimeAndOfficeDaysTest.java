package cn.minzheng.registry.flow;

import static cn.minzheng.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import cn.minzheng.platform.time.ScheduleChanges;
import cn.minzheng.testsupport.EventSchemas;
import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Legal time on the running service: a holiday schedule for 2027 that arrives in the deployment's file moves an
 * open divorce's deadline (history, event, no longer provisional), and an office's declared closure cancels the
 * day's bookings, moves a deadline that fell on it, and refuses acts that day naming the next open day.
 */
@ServiceTest
@TestPropertySource(properties = "minzheng.legal-time.schedules=file:target/legal-time-test/holiday-schedules.yml")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LegalTimeAndOfficeDaysTest {

    static final Path SCHEDULES = Path.of("target/legal-time-test/holiday-schedules.yml");

    static {
        // The deployment's file as it is before the 2027 notice is out: the shipped schedules.
        write(shipped());
    }

    @LocalServerPort
    int port;

    @Autowired
    ScheduleChanges schedules;

    RegistryApi api;
    String office;

    @BeforeEach
    void setUp() {
        api = new RegistryApi(port);
        office = api.office("[{\"slot\":\"09:00-10:00\",\"capacity\":10}]");
    }

    @Test
    @Order(1)
    void a_2027_schedule_loaded_later_moves_an_open_deadline_with_history_and_an_event() {
        api.advanceTo(LocalDate.of(2026, 12, 8));
        String marriageId = api.married(office, TestIdNumbers.male("320404", LocalDate.of(1988, 4, 4)),
                TestIdNumbers.female("320404", LocalDate.of(1990, 6, 6))).path("id").asString();
        JsonNode applied = api.applyForDivorce(marriageId).json();
        String divorceId = applied.path("id").asString();
        assertThat(applied.path("coolingOffEnds").asString()).isEqualTo("2027-01-07");
        assertThat(applied.path("certificateDeadline").asString()).as("初一 to 初三 2027 are holidays by law")
                .isEqualTo("2027-02-09");
        assertThat(applied.path("legalTime").path("provisional").asBoolean()).isTrue();
        assertThat(applied.path("legalTime").path("years").get(1).path("schedule").isNull()).isTrue();
        assertThat(applied.path("legalTime").path("years").get(1).path("law").asString()).isEqualTo("2025");

        try (TopicRecords topic = new TopicRecords("minzheng.registry")) {
            write(shipped() + """
                      2027:
                        source: 国务院办公厅关于2027年部分节假日安排的通知（测试数据）
                        holidays: [2027-01-01/2027-01-03, 2027-02-05/2027-02-13]
                        workdays: [2027-01-31, 2027-02-20]
                    """);
            assertThat(schedules.reload()).containsExactly(2027);

            JsonNode moved = api.http.get("/api/registry/divorces/" + divorceId, RegistryApi.REGISTRAR).json();
            assertThat(moved.path("certificateDeadline").asString()).isEqualTo("2027-02-15");
            assertThat(moved.path("coolingOffEnds").asString()).isEqualTo("2027-01-07");
            assertThat(moved.path("legalTime").path("provisional").asBoolean()).isFalse();
            assertThat(moved.path("legalTime").path("years").get(1).path("schedule").asString())
                    .contains("2027年部分节假日安排");
            JsonNode change = moved.path("dateChanges").get(0);
            assertThat(change.path("date").asString()).isEqualTo("certificateDeadline");
            assertThat(change.path("from").asString()).isEqualTo("2027-02-09");
            assertThat(change.path("to").asString()).isEqualTo("2027-02-15");
            assertThat(change.path("reason").asString()).isEqualTo("schedule:2027");

            var records = topic.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r ->
                    divorceId.equals(r.key()) && TopicRecords.type(r).endsWith("divorce.dates-changed.v1")));
            assertThat(EventSchemas.violations(records)).isEmpty();
            assertThat(records.stream().filter(r -> divorceId.equals(r.key())).map(TopicRecords::body))
                    .anySatisfy(body -> assertThat(body).contains("\"previousCertificateDeadline\":\"2027-02-09\"")
                            .contains("\"certificateDeadline\":\"2027-02-15\""));
        }
        long version = api.http.get("/api/registry/divorces/" + divorceId, RegistryApi.REGISTRAR).json()
                .path("dateChanges").size();
        assertThat(schedules.reload()).as("the same file again changes nothing").isEmpty();
        assertThat(schedules.reconcile()).as("the applied version is recorded").isEmpty();
        assertThat(api.http.get("/api/registry/divorces/" + divorceId, RegistryApi.REGISTRAR).json()
                .path("dateChanges").size()).isEqualTo(version);

        // A corrected, shorter schedule cannot take back the day the couple was given: 2027-02-15 is kept...
        write(shipped() + """
                  2027:
                    source: 国务院办公厅关于2027年部分节假日安排的通知（更正，测试数据）
                    holidays: [2027-01-01/2027-01-03, 2027-02-06/2027-02-11]
                    workdays: [2027-01-31, 2027-02-20]
                """);
        assertThat(schedules.reload()).containsExactly(2027);
        JsonNode kept = api.http.get("/api/registry/divorces/" + divorceId, RegistryApi.REGISTRAR).json();
        assertThat(kept.path("certificateDeadline").asString()).isEqualTo("2027-02-15");
        // ...and when the office then closes on that kept day, the couple's last day moves to its next open day.
        try (TopicRecords topic = new TopicRecords("minzheng.registry")) {
            assertThat(close(LocalDate.of(2027, 2, 15), "设备检修停办").status()).isEqualTo(200);
            JsonNode moved = api.http.get("/api/registry/divorces/" + divorceId, RegistryApi.REGISTRAR).json();
            assertThat(moved.path("certificateDeadline").asString()).isEqualTo("2027-02-16");
            JsonNode last = moved.path("dateChanges").get(moved.path("dateChanges").size() - 1);
            assertThat(last.path("from").asString()).isEqualTo("2027-02-15");
            assertThat(last.path("to").asString()).isEqualTo("2027-02-16");
            assertThat(last.path("reason").asString()).isEqualTo("closure:2027-02-15");
            var records = topic.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r ->
                    divorceId.equals(r.key()) && TopicRecords.body(r).contains("\"certificateDeadline\":\"2027-02-16\"")));
            assertThat(EventSchemas.violations(records)).isEmpty();
        }
    }

    @Test
    @Order(2)
    void a_declared_closure_cancels_the_days_bookings_moves_a_deadline_on_it_and_refuses_acts_that_day() {
        LocalDate today = api.advanceToRegistrationDay(office, api.serviceToday());
        LocalDate closed = nextRegistrationDay(today.plusDays(1));
        String booker = TestIdNumbers.female("320404", LocalDate.of(1995, 5, 5));
        var booking = api.http.postJson("/api/registry/appointments", RegistryApi.citizen(booker), """
                {"officeId":"%s","date":"%s","slot":"09:00-10:00","kind":"MARRIAGE"}""".formatted(office, closed));
        assertThat(booking.status()).as(booking.toString()).isEqualTo(201);
        String bookingId = booking.json().path("id").asString();

        String marriageId = api.married(office, TestIdNumbers.male("320404", LocalDate.of(1985, 1, 1)),
                TestIdNumbers.female("320404", LocalDate.of(1986, 2, 2))).path("id").asString();
        JsonNode divorce = api.applyForDivorce(marriageId).json();
        String divorceId = divorce.path("id").asString();
        LocalDate deadline = LocalDate.parse(divorce.path("certificateDeadline").asString());
        // The registrar's worklists count what their lists hold.
        api.http.get("/api/registry/worklists", RegistryApi.REGISTRAR).json().path("items").forEach(entry -> {
            JsonNode list = api.http.get(entry.path("list").asString(), RegistryApi.REGISTRAR).json();
            long length = list.isArray() ? list.size() : list.path("page").path("totalElements").asLong();
            assertThat(length).as(entry.toString()).isEqualTo(entry.path("count").asLong());
        });

        try (TopicRecords topic = new TopicRecords("minzheng.registry")) {
            var closure = close(closed, "系统升级停办");
            assertThat(closure.status()).as(closure.toString()).isEqualTo(200);
            assertThat(closure.json().path("closures").toString()).contains(closed.toString(), "系统升级停办");
            JsonNode cancelled = api.http.get("/api/registry/appointments/" + bookingId, RegistryApi.REGISTRAR).json();
            assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
            assertThat(cancelled.path("cancelReason").asString()).isEqualTo("OFFICE_CLOSED");

            assertThat(close(deadline, "防汛应急停办").status()).isEqualTo(200);
            JsonNode moved = api.http.get("/api/registry/divorces/" + divorceId, RegistryApi.REGISTRAR).json();
            LocalDate newDeadline = LocalDate.parse(moved.path("certificateDeadline").asString());
            assertThat(newDeadline).isEqualTo(nextRegistrationDay(deadline));
            assertThat(newDeadline).isAfter(deadline);
            assertThat(moved.path("dateChanges").get(0).path("reason").asString()).isEqualTo("closure:" + deadline);

            var records = topic.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r ->
                    bookingId.equals(r.key())) && rs.stream().anyMatch(r -> divorceId.equals(r.key())));
            assertThat(EventSchemas.violations(records)).isEmpty();
            assertThat(records.stream().filter(r -> bookingId.equals(r.key())).map(TopicRecords::body))
                    .anySatisfy(body -> assertThat(body).contains("\"reason\":\"OFFICE_CLOSED\"")
                            .doesNotContain(booker));
        }
        assertThat(close(closed, "系统升级停办").status()).as("declared again: nothing more happens").isEqualTo(200);

        api.advanceTo(closed);
        var refused = api.marry(office, TestIdNumbers.male("320404", LocalDate.of(1987, 3, 3)),
                TestIdNumbers.female("320404", LocalDate.of(1989, 3, 3)));
        assertProblem(refused, 409, "office-closed");
        assertThat(refused.json().path("detail").asString()).contains(closed.toString(), "已公告停办",
                nextRegistrationDay(closed).toString());
        JsonNode next = api.http.get("/api/registry/offices/" + office, null).json().path("nextRegistrationDay");
        assertThat(next.path("date").asString()).as("the office's next open day, as read today: not the closed day")
                .isEqualTo(nextRegistrationDay(closed).toString());
        assertThat(next.has("provisional")).isTrue();
        LocalDate alsoClosed = nextRegistrationDay(closed.plusDays(3));
        close(alsoClosed, "培训");
        var booked = api.http.postJson("/api/registry/appointments", RegistryApi.citizen(booker), """
                {"officeId":"%s","date":"%s","slot":"09:00-10:00","kind":"MARRIAGE"}""".formatted(office,
                alsoClosed));
        assertProblem(booked, 409, "office-closed");
        LocalDate weekend = nextNonWorkingDay(closed);
        var weekendOpening = api.http.postJson("/api/registry/offices/" + office + "/special-openings",
                RegistryApi.REGISTRAR, "{\"date\":\"%s\",\"note\":\"520 特别办理\"}".formatted(weekend));
        assertThat(weekendOpening.status()).as(weekendOpening.toString()).isEqualTo(200);
        assertThat(api.http.get("/api/registry/offices/" + office + "/slots?date=" + weekend, null)
                .json().path("officeOpen").asBoolean()).isTrue();
        assertThat(api.http.get("/api/registry/offices/" + office, null).json().path("specialOpenings").toString())
                .contains(weekend.toString(), "520 特别办理");
    }

    private HttpCalls.Response close(LocalDate date, String note) {
        return api.http.postJson("/api/registry/offices/" + office + "/closures", RegistryApi.REGISTRAR,
                "{\"date\":\"%s\",\"note\":\"%s\"}".formatted(date, note));
    }

    private LocalDate nextRegistrationDay(LocalDate from) {
        for (LocalDate day = from; ; day = day.plusDays(1)) {
            if (api.http.get("/api/registry/offices/" + office + "/slots?date=" + day, null).json().path("officeOpen")
                    .asBoolean()) {
                return day;
            }
        }
    }

    private LocalDate nextNonWorkingDay(LocalDate from) {
        for (LocalDate day = from; ; day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() > 5 && !api.http.get("/api/registry/offices/" + office + "/slots?date="
                    + day, null).json().path("officeOpen").asBoolean()) {
                return day;
            }
        }
    }

    static String shipped() {
        try (InputStream in = LegalTimeAndOfficeDaysTest.class.getResourceAsStream(
                "/minzheng/legal-time/holiday-schedules.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(String yaml) {
        try {
            Files.createDirectories(SCHEDULES.getParent());
            Files.writeString(SCHEDULES, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
