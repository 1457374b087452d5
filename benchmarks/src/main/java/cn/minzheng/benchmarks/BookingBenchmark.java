package cn.minzheng.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.slf4j.LoggerFactory;

import cn.minzheng.platform.time.HolidaySchedules;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.devstack.Deployable;
import cn.minzheng.devstack.Stack;
import cn.minzheng.devstack.StackSettings;
import cn.minzheng.platform.identity.ResidentIdNumber;

/**
 * Issue 5's booking burst: the whole platform started as the run command starts it, plus a second registry-service
 * instance on the same store and broker. One popular date with 300 places opens at a set minute; the moment it
 * opens, 5,000 booking attempts (5,000 different people, a registrar's real Keycloak token) are released at once
 * by wrk through the gateway, which shares them round-robin between the two instances. Counted: answers by status,
 * latency percentiles, and afterwards the bookings in the database and the slot's remaining places.
 */
final class BookingBenchmark {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final int CAPACITY = 300;
    /** A burst that has not been answered by then has failed anyway. */
    private static final Duration BURST_LIMIT = Duration.ofSeconds(120);

    /** Setup calls and the one early attempt; the bursts come from wrk. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final PlatformCalls calls = new PlatformCalls(http);
    private final Wrk wrk;

    private BookingBenchmark(Wrk wrk) {
        this.wrk = wrk;
    }

    static void run(int attempts, int openingInMinutes) throws Exception {
        new BookingBenchmark(Wrk.installed()).measure(attempts, openingInMinutes);
    }

    private void measure(int attempts, int openingInMinutes) throws Exception {
        // a heap that holds the 400 requests a Tomcat admits at once plus what it queues
        StackSettings settings = BenchmarkStacks.productionLike(768);
        // The popular date is two weeks ahead and opens today, a few minutes after the platform is up.
        LocalDate popular = registrationDayAhead(14);
        LocalTime opensAt = LocalTime.now(BEIJING).plusMinutes(openingInMinutes).truncatedTo(ChronoUnit.MINUTES);
        if (opensAt.isBefore(LocalTime.of(0, 5))) {
            throw new IllegalStateException("run it again after midnight has passed (the opening would wrap)");
        }
        Map<String, String> popularDate = Map.of("MINZHENG_REGISTRY_APPOINTMENTS_POPULAR_DATES", popular.toString(),
                "MINZHENG_REGISTRY_APPOINTMENTS_POPULAR_OPENS_DAYS_BEFORE", "14",
                "MINZHENG_REGISTRY_APPOINTMENTS_POPULAR_OPENS_AT", opensAt.format(DateTimeFormatter.ofPattern("HH:mm")));
        String first = "http://127.0.0.1:" + settings.port(Deployable.REGISTRY);
        int secondPort = settings.port(Deployable.REGISTRY) + 100;
        // the gateway shares registry calls round-robin between the two instances (see the gateway's README)
        Map<String, String> twoInstances = Map.of("REGISTRY_URL", "lb://registry",
                "SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_REGISTRY_0_URI", first,
                "SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_REGISTRY_1_URI", "http://127.0.0.1:" + secondPort);
        try (Stack stack = Stack.start(settings, Map.of(Deployable.REGISTRY, popularDate,
                Deployable.GATEWAY, twoInstances))) {
            stack.startAnotherInstance(Deployable.REGISTRY, secondPort, popularDate);
            String gateway = stack.gatewayUrl().toString();
            String keycloak = stack.keycloakUrl().toString();
            String admin = calls.token(keycloak, "admin");
            String registrar = calls.token(keycloak, "registrar");
            String office = id(calls.post(gateway + "/api/registry/offices", admin, """
                    {"code":"BENCH%d","name":"钟楼区婚姻登记处(压测)","divisionCode":"320404","address":"-",
                     "openingDays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],
                     "bands":[{"slot":"09:00-12:00","capacity":%d}]}""".formatted(System.nanoTime() % 100_000,
                    CAPACITY)));
            String url = gateway + "/api/registry/appointments";
            // someone else, under another key, tries before the opening: must be refused and must not take a place
            if (!LocalTime.now(BEIJING).isBefore(opensAt)) {
                throw new IllegalStateException("the platform took longer than " + openingInMinutes
                        + " minutes to start, so the date opened before the burst; run with more minutes");
            }
            int early = calls.postStatus(url, registrar, "bench-early-" + office,
                    bookings(1, office, popular, 9_000).getFirst());
            warmUp(url, admin, registrar, gateway, popular.plusDays(1));
            awaitOpening(gateway, office, popular);

            CpuUse cpu = CpuUse.start();
            Wrk.Result burst = wrk.burst(url, registrar, bookings(attempts, office, popular, 0), "bench-" + office + "-",
                    BURST_LIMIT);
            String burstCpu = "CPU per process: " + cpu.since();
            Map<String, Object> stored = stored(stack, office, popular);
            report(attempts, early, burst, stored, popular, opensAt, burstCpu);
        }
    }

    /**
     * A day at least {@code days} ahead on which offices register, and the next day too (the warm-up books that
     * one): weekends and holidays are not registration days.
     */
    private static LocalDate registrationDayAhead(int days) {
        LegalCalendar calendar = LegalCalendar.of(HolidaySchedules.shipped());
        LocalDate day = LocalDate.now(BEIJING).plusDays(days);
        while (!calendar.isWorkingDay(day) || !calendar.isWorkingDay(day.plusDays(1))) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The request bodies: one booking each, for {@code attempts} different people numbered from {@code people}. */
    private static List<String> bookings(int attempts, String office, LocalDate date, int people) {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            bodies.add("""
                    {"officeId":"%s","date":"%s","slot":"09:00-12:00","kind":"MARRIAGE","idNumber":"%s","name":"某某"}"""
                    .formatted(office, date, person(people + i)));
        }
        return bodies;
    }

    /** Different people: born on different days from 1990 on, a sequence number, the check character. */
    private static String person(int i) {
        LocalDate birth = LocalDate.of(1990, 1, 1).plusDays(i % 5000);
        String first17 = "320404" + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", 100 + (i / 5000) * 2 % 800 + (i % 2));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** Polls the public free-places page until the opening minute has passed (bounded to 10 minutes). */
    private void awaitOpening(String gateway, String office, LocalDate date) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        HttpRequest places = HttpRequest.newBuilder(URI.create(gateway + "/api/registry/offices/" + office
                + "/slots?date=" + date)).GET().build();
        Matcher opens = Pattern.compile("\"bookingOpensAt\":\"([^\"]+)\"").matcher(
                http.send(places, HttpResponse.BodyHandlers.ofString()).body());
        if (!opens.find()) {
            throw new IllegalStateException("no opening time shown");
        }
        Instant opening = java.time.OffsetDateTime.parse(opens.group(1)).toInstant();
        while (Instant.now().isBefore(opening)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the date did not open");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }

    /**
     * Before the opening, the same booking path is run through the gateway on both instances (another office, the
     * next day, other people), in waves, so that the measured burst meets compiled code and warm pools as a morning
     * rush would.
     */
    private void warmUp(String url, String admin, String registrar, String gateway, LocalDate date) throws Exception {
        String office = id(calls.post(gateway + "/api/registry/offices", admin, """
                {"code":"WARM%d","name":"预热","divisionCode":"320404","address":"-",
                 "openingDays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],
                 "bands":[{"slot":"09:00-12:00","capacity":1500}]}""".formatted(System.nanoTime() % 100_000)));
        // 8 waves of 500, then one larger than the gateway admits at once, so that shedding (429) is compiled too
        List<Integer> waves = List.of(500, 500, 500, 500, 500, 500, 500, 500, 2_000);
        Map<Integer, Long> answers = new TreeMap<>();
        int people = 10_000;
        for (int wave = 0; wave < waves.size(); wave++) {
            wrk.burst(url, registrar, bookings(waves.get(wave), office, date, people), "warm-" + office + "-" + wave
                    + "-", BURST_LIMIT).byStatus().forEach((status, count) -> answers.merge(status, count, Long::sum));
            people += waves.get(wave);
        }
        LoggerFactory.getLogger("benchmark.report").info("warm-up answers {}", answers);
    }

    private static Map<String, Object> stored(Stack stack, String office, LocalDate date) {
        try (MongoClient client = MongoClients.create(stack.mongoUri("registry"))) {
            var db = client.getDatabase("registry");
            long booked = db.getCollection("appointments").countDocuments(new Document("officeId", office)
                    .append("status", "BOOKED"));
            Document slot = db.getCollection("slots").find(new Document("_id", office + "/" + date + "/09:00-12:00"))
                    .first();
            return Map.of("booked", booked, "remaining", slot == null ? -1 : slot.getInteger("remaining"));
        }
    }

    private static String id(String json) {
        Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }

    private static void report(int attempts, int early, Wrk.Result burst, Map<String, Object> stored,
            LocalDate date, LocalTime opensAt, String burstCpu) throws Exception {
        long answered = burst.byStatus().values().stream().mapToLong(Long::longValue).sum();
        String report = """
                Booking burst (%s): %d attempts by %d people for popular date %s (opens %s), 1 slot of %d places
                  through the gateway, shared round-robin by two registry-service instances; registrar token from Keycloak
                  load from wrk: %d connections, one request each, all sent the moment the date opened
                  a booking before the opening minute answered %d (expected 409 booking-not-open)
                  answers by status: %s   (answered %d of %d; socket errors %d)
                  latency ms: p50 %.1f   p95 %.1f   p99 %.1f   max %.1f   (target p99 < 500)
                  in the database afterwards: %s BOOKED appointments, slot remaining %s   (expected %d and 0)
                  machine: %d cores shared by Kafka, the store, Keycloak, gateway, six service JVMs and wrk
                  the burst took %.1f s; %s
                """.formatted(LocalDate.now(), attempts, attempts, date, opensAt, CAPACITY, attempts, early,
                burst.byStatus(), answered, attempts, burst.socketErrors(), burst.millis(burst.p50Micros()),
                burst.millis(burst.p95Micros()), burst.millis(burst.p99Micros()), burst.millis(burst.maxMicros()),
                stored.get("booked"), stored.get("remaining"), CAPACITY, Runtime.getRuntime().availableProcessors(),
                burst.took().toMillis() / 1000.0, burstCpu);
        Path out = Path.of("benchmarks/target/booking-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LoggerFactory.getLogger("benchmark.report").info("\n{}", report);
    }
}
