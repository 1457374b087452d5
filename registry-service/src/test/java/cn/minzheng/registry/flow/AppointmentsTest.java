package cn.minzheng.registry.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Booking: free places, full slots, one booking per person and kind, cancellation, retries, concurrent bursts. */
@ServiceTest
class AppointmentsTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    RegistryApi api;

    @BeforeEach
    void setUp() {
        api = new RegistryApi(port);
    }

    /** A date a few days ahead that is not one of the popular dates (those open later, at a set time). */
    /** A plain weekday a few days after the service's today (its clock starts on a known Wednesday in tests). */
    static LocalDate ordinaryDate(RegistryApi api) {
        LocalDate date = api.serviceToday().plusDays(5);
        while ((date.getMonthValue() == 5 && date.getDayOfMonth() == 20)
                || (date.getMonthValue() == 2 && date.getDayOfMonth() == 14) || date.getDayOfWeek().getValue() > 5) {
            date = date.plusDays(1);
        }
        return date;
    }

    private HttpCalls.Response book(String office, LocalDate date, String slot, String kind, String idNumber) {
        return api.http.postJson("/api/registry/appointments", RegistryApi.citizen(idNumber), """
                {"officeId":"%s","date":"%s","slot":"%s","kind":"%s"}""".formatted(office, date, slot, kind));
    }

    private int remaining(String office, LocalDate date, int band) {
        var places = api.http.get("/api/registry/offices/" + office + "/slots?date=" + date, null);
        assertThat(places.status()).as(places.toString()).isEqualTo(200);
        return places.json().path("slots").get(band).path("remaining").asInt();
    }

    private static String person(int i) {
        return i % 2 == 0 ? TestIdNumbers.male("320404", LocalDate.of(1990, 1, 1).plusDays(i))
                : TestIdNumbers.female("320404", LocalDate.of(1992, 1, 1).plusDays(i));
    }

    @Test
    void places_are_public_a_full_slot_is_409_and_a_cancellation_frees_the_place() {
        String office = api.office("[{\"slot\":\"09:00-10:00\",\"capacity\":2},{\"slot\":\"10:00-11:00\",\"capacity\":5}]");
        LocalDate date = ordinaryDate(api);
        assertThat(remaining(office, date, 0)).isEqualTo(2);

        String firstPerson = person(1);
        var first = book(office, date, "09:00-10:00", "MARRIAGE", firstPerson);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("person").path("idNumber").asString()).contains("*");
        assertThat(book(office, date, "09:00-10:00", "MARRIAGE", person(2)).status()).isEqualTo(201);
        var full = book(office, date, "09:00-10:00", "MARRIAGE", person(3));
        assertThat(full.status()).as(full.toString()).isEqualTo(409);
        assertThat(full.json().path("type").asString()).isEqualTo("/problems/slot-full");
        assertThat(remaining(office, date, 0)).isZero();
        assertThat(remaining(office, date, 1)).isEqualTo(5);

        String id = first.json().path("id").asString();
        var cancelled = api.http.postJson("/api/registry/appointments/" + id + "/cancellation",
                RegistryApi.citizen(firstPerson), "{}");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(remaining(office, date, 0)).isEqualTo(1);
        assertThat(book(office, date, "09:00-10:00", "MARRIAGE", person(3)).status()).isEqualTo(201);
    }

    @Test
    void one_active_booking_per_person_and_kind_and_the_citizen_sees_their_own() {
        String office = api.office("[{\"slot\":\"09:00-10:00\",\"capacity\":10}]");
        LocalDate date = ordinaryDate(api);
        String me = person(10);
        assertThat(book(office, date, "09:00-10:00", "MARRIAGE", me).status()).isEqualTo(201);
        var second = book(office, date.plusDays(1), "09:00-10:00", "MARRIAGE", me);
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.json().path("type").asString()).isEqualTo("/problems/already-booked");
        assertThat(remaining(office, date.plusDays(1), 0)).as("the refused booking gave its place back").isEqualTo(10);
        assertThat(book(office, date, "09:00-10:00", "DIVORCE_APPLICATION", me).status()).isEqualTo(201);

        var mine = api.http.get("/api/registry/me/appointments", RegistryApi.citizen(me));
        assertThat(mine.json()).hasSize(2);
        assertThat(mine.body()).doesNotContain(me);
        // Someone else's appointment is not found for another citizen.
        String id = mine.json().get(0).path("id").asString();
        assertThat(api.http.get("/api/registry/appointments/" + id, RegistryApi.citizen(person(11))).status())
                .isEqualTo(404);
    }

    @Test
    void a_retried_booking_with_the_same_idempotency_key_is_one_booking_with_the_same_answer() {
        String office = api.office("[{\"slot\":\"09:00-10:00\",\"capacity\":10}]");
        LocalDate date = ordinaryDate(api);
        String me = person(20);
        String body = """
                {"officeId":"%s","date":"%s","slot":"09:00-10:00","kind":"MARRIAGE"}""".formatted(office, date);
        HttpRequest.Builder request = api.http.request("/api/registry/appointments", RegistryApi.citizen(me))
                .header("Content-Type", "application/json").header("Idempotency-Key", "retry-" + me)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        var first = api.http.send(request);
        var retry = api.http.send(request);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(remaining(office, date, 0)).isEqualTo(9);
    }

    @Test
    void a_burst_of_concurrent_bookings_never_overbooks_a_slot() throws Exception {
        int capacity = 15;
        int attempts = 120;
        String office = api.office("[{\"slot\":\"09:00-12:00\",\"capacity\":" + capacity + "}]");
        LocalDate date = ordinaryDate(api);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String idNumber = person(1000 + i);
            calls.add(() -> book(office, date, "09:00-12:00", "MARRIAGE", idNumber).status());
        }
        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(32)) {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        }
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(capacity);
        assertThat(statuses).allMatch(s -> s == 201 || s == 409);
        assertThat(remaining(office, date, 0)).isZero();
        assertThat(mongo.count(new Query(Criteria.where("officeId").is(office).and("status").is("BOOKED")),
                "appointments")).isEqualTo(capacity);
    }

    @Test
    void a_popular_date_opens_at_its_set_time_and_a_closed_or_past_day_cannot_be_booked() {
        String office = api.office("[{\"slot\":\"09:00-10:00\",\"capacity\":10}]");
        LocalDate today = api.serviceToday();
        LocalDate popular = LocalDate.of(today.getYear() + 1, 5, 20);
        var places = api.http.get("/api/registry/offices/" + office + "/slots?date=" + popular, null).json();
        assertThat(places.path("popular").asBoolean()).isTrue();
        assertThat(places.path("bookingOpensAt").asString()).startsWith(popular.minusDays(30) + "T09:00");
        var early = book(office, popular, "09:00-10:00", "MARRIAGE", person(30));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("type").asString()).isEqualTo("/problems/booking-not-open");
        assertThat(early.json().path("detail").asString()).contains(popular.minusDays(30) + "T09:00");

        var past = book(office, today.minusDays(1), "09:00-10:00", "MARRIAGE", person(31));
        assertThat(past.json().path("type").asString()).isEqualTo("/problems/date-passed");
        var unknownBand = book(office, ordinaryDate(api), "13:00-14:00", "MARRIAGE", person(32));
        assertThat(unknownBand.status()).isEqualTo(400);
        assertThat(unknownBand.json().path("errors").get(0).path("field").asString()).isEqualTo("slot");
    }
}
