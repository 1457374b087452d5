package cn.minzheng.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.slf4j.LoggerFactory;

import cn.minzheng.devstack.Deployable;
import cn.minzheng.devstack.Stack;
import cn.minzheng.devstack.StackSettings;
import cn.minzheng.platform.identity.ResidentIdNumber;

/**
 * Eldercare's lunch rush: {@code records} meal records from 200 meal points sent straight to the service as fast as
 * 32 connections can (1 % of them the same person's lunch again at another point, which must be refused), then a
 * paced 300 records/s through the gateway for the latency. The service runs with a 256 MB heap. Reports throughput,
 * the answers by status, the paced percentiles, the records in the store and the heap used after the run.
 */
final class LunchRushBenchmark {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final int POINTS = 200;
    private static final int HEAP_MB = 256;
    private static final Duration LIMIT = Duration.ofSeconds(300);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final PlatformCalls calls = new PlatformCalls(http);
    private final Wrk wrk;

    private LunchRushBenchmark(Wrk wrk) {
        this.wrk = wrk;
    }

    static void run(int records) throws Exception {
        new LunchRushBenchmark(Wrk.installed()).measure(records);
    }

    private void measure(int records) throws Exception {
        StackSettings settings = BenchmarkStacks.productionLike(HEAP_MB);
        try (Stack stack = Stack.start(settings, java.util.Map.of())) {
            String service = "http://127.0.0.1:" + settings.port(Deployable.ELDERCARE);
            String gateway = stack.gatewayUrl().toString();
            String officer = calls.token(stack.keycloakUrl().toString(), "eldercare-officer");
            List<String> points = new ArrayList<>();
            for (int i = 0; i < POINTS; i++) {
                points.add(point(service, officer, i));
            }
            LocalDate today = LocalDate.now(BEIJING);
            // Warm-up: yesterday's lunches of other people, so the measured rush meets compiled code.
            Batch warm = batch(points, 5_000, 1_000_000, today.minusDays(1), "LUNCH", 0);
            wrk.sequence(service, officer, warm.paths(), warm.bodies(), 32, 0, LIMIT);

            Batch rush = batch(points, records, 0, today, "LUNCH", records / 100);
            Wrk.Result straight = wrk.sequence(service, officer, rush.paths(), rush.bodies(), 32, 0, LIMIT);
            Batch paced = batch(points, 6_000, 2_000_000, today, "DINNER", 0);
            Wrk.Result throughGateway = wrk.sequence(gateway, officer, paced.paths(), paced.bodies(), 64, 300, LIMIT);
            long stored = storedLunches(stack, today);
            // Metrics are for the scraper's client only (realm role monitoring).
            String scraper = calls.clientToken(stack.keycloakUrl().toString(), "metrics-scraper",
                    "dev-only-metrics-scraper-secret");
            report(records, rush.duplicates(), straight, throughGateway, stored, heapUsedMb(service, scraper));
        }
    }

    private String point(String service, String officer, int i) throws Exception {
        String created = calls.post(service + "/api/eldercare/facilities", officer, """
                {"name":"压测助餐点%d-%d","type":"MEAL_POINT","ownership":"PUBLIC","divisionCode":"320404001",
                 "beds":{"total":0,"nursing":0}}""".formatted(i, System.nanoTime() % 100_000));
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created);
        if (!id.find()) {
            throw new IllegalStateException("no facility id in " + created);
        }
        return id.group(1);
    }

    private record Batch(List<String> paths, List<String> bodies, int duplicates) {
    }

    /**
     * {@code count} records of different people (numbered from {@code people}), aged 66 to 95, spread over the
     * points; the last {@code duplicates} repeat earlier people's meal at the next point (to be refused, 409).
     */
    private static Batch batch(List<String> points, int count, int people, LocalDate date, String meal,
            int duplicates) {
        List<String> paths = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean again = i >= count - duplicates;
            int person = again ? people + (i - (count - duplicates)) : people + i;
            int point = (again ? person + 1 : person) % points.size();
            paths.add("/api/eldercare/meal-points/" + points.get(point) + "/meals");
            bodies.add("""
                    {"idNumber":"%s","name":"用餐老人","date":"%s","meal":"%s"}""".formatted(idNumber(person), date,
                    meal));
        }
        return new Batch(paths, bodies, duplicates);
    }

    private static String idNumber(int person) {
        LocalDate birth = LocalDate.of(1931, 1, 1).plusDays(person % 10_950);
        String first17 = "320404" + birth.toString().replace("-", "") + "%03d".formatted(person / 10_950 % 1000);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    private static long storedLunches(Stack stack, LocalDate date) {
        try (MongoClient client = MongoClients.create(stack.mongoUri("eldercare"))) {
            // by _id (personRef/date/meal), the one key the store is sure to hold as written
            return client.getDatabase("eldercare").getCollection("meals").countDocuments(new Document("_id",
                    new Document("$regex", "/" + date + "/LUNCH$")));
        }
    }

    /** The service's heap in use after the run, from its metrics (its maximum is -Xmx, HEAP_MB). */
    private long heapUsedMb(String service, String scraperToken) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(service + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + scraperToken).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher used = Pattern.compile("jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+]+)").matcher(body);
        double bytes = 0;
        while (used.find()) {
            bytes += Double.parseDouble(used.group(1));
        }
        return Math.round(bytes / (1024 * 1024));
    }

    private static void report(int records, int duplicates, Wrk.Result straight, Wrk.Result paced, long stored,
            long heapMb) throws Exception {
        long fiveHundreds = straight.byStatus().entrySet().stream().filter(e -> e.getKey() >= 500)
                .mapToLong(java.util.Map.Entry::getValue).sum();
        String report = """
                Lunch rush (%s): %d meal records from %d meal points, %d of them a repeat at another point
                  straight to eldercare-service (one instance, -Xmx%dm), 32 connections, closed loop:
                    %.0f records/s; all answered in %.1f s (target: 50,000 within 60 s)
                    answers by status: %s   (5xx %d; socket errors %d)
                    latency ms: p50 %.1f   p95 %.1f   p99 %.1f   max %.1f
                  paced 300 records/s through the gateway (6,000 dinners of other people):
                    answers by status: %s; latency ms: p50 %.1f   p95 %.1f   p99 %.1f   max %.1f
                  in the store afterwards: %d lunches for the day   (expected %d: duplicates refused)
                  heap in use after the run: %d MB of %d MB
                  machine: %d cores shared by Kafka, the store, Keycloak, gateway, five service JVMs and wrk
                """.formatted(LocalDate.now(), records, POINTS, duplicates, HEAP_MB, straight.perSecond(),
                straight.took().toMillis() / 1000.0, straight.byStatus(), fiveHundreds, straight.socketErrors(),
                straight.millis(straight.p50Micros()), straight.millis(straight.p95Micros()),
                straight.millis(straight.p99Micros()), straight.millis(straight.maxMicros()), paced.byStatus(),
                paced.millis(paced.p50Micros()), paced.millis(paced.p95Micros()), paced.millis(paced.p99Micros()),
                paced.millis(paced.maxMicros()), stored, records - duplicates, heapMb, HEAP_MB,
                Runtime.getRuntime().availableProcessors());
        Path out = Path.of("benchmarks/target/lunch-rush-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LoggerFactory.getLogger("benchmark.report").info("\n{}", report);
    }
}
