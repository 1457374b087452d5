package cn.minzheng.benchmarks;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.slf4j.LoggerFactory;

import cn.minzheng.devstack.StackSettings;
import cn.minzheng.devstack.infra.KafkaBroker;
import cn.minzheng.devstack.infra.MongoStore;
import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.testsupport.TestJwts;

/**
 * A province-scale register (issue 17): N organisations in the embedded store of this JVM, the real orgs-service
 * jar as its own process ({@code -Xmx512m}), asked through its HTTP API to (1) run the report sweep the day after
 * the 31 May deadline, where a tenth of the register sent no report, (2) stream the whole open-data extract as CSV
 * and as JSON while its heap is sampled, and (3) draw a province plan at 5% with 50 inspectors. Listings are
 * counted on the broker, rows in the body received.
 */
final class OrgsBenchmark {

    private static final String TOPIC = "minzheng.orgs";
    private static final Pattern HEAP = Pattern.compile("jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+]+)");
    private static final List<String> COUNTIES = List.of("320402", "320404", "320411", "320412", "320413",
            "320481", "320102", "320105", "320111", "320205");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String admin = TestJwts.token("bench-admin", "320000", "admin");
    private final String officer = TestJwts.token("bench-officer", "320000", "orgs-officer");
    private final String scraper = TestJwts.token("service-account-metrics-scraper", "320000", "monitoring");

    private OrgsBenchmark() {
    }

    static void run(List<Integer> sizes) throws Exception {
        StringBuilder report = new StringBuilder("Orgs register benchmark (" + Instant.now() + ")\n");
        report.append("  service: orgs-service jar, -Xmx512m, SerialGC; store (in memory) and broker embedded in the"
                + " benchmark JVM; %d cores shared by all%n".formatted(Runtime.getRuntime().availableProcessors()));
        for (int size : sizes) {
            report.append(new OrgsBenchmark().measure(size));
            Path out = Path.of("benchmarks/target/orgs-report.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        }
        LoggerFactory.getLogger("benchmark.report").info("\n{}", report);
    }

    private String measure(int size) throws Exception {
        Path kafkaDir = Files.createTempDirectory("bench-kafka");
        int port = StackSettings.freePort();
        try (MongoStore store = MongoStore.inMemory();
                KafkaBroker broker = KafkaBroker.start(kafkaDir, StackSettings.freePort(), StackSettings.freePort());
                MongoClient client = MongoClients.create(store.uri("orgs"))) {
            Instant seedStart = Instant.now();
            int missing = seed(client.getDatabase("orgs").getCollection("organizations"), size);
            Duration seeding = Duration.between(seedStart, Instant.now());
            // The hourly sweep waits: the benchmark runs it itself, and times it.
            Process service = ServiceJar.start("orgs-service", "orgs", store, broker, port,
                    "-Dminzheng.orgs.report-sweep-initial-delay=PT24H");
            try (CommittedEvents events = new CommittedEvents(broker.bootstrapServers(), TOPIC)) {
                ServiceJar.awaitReady(http, "orgs-service", port);
                String base = "http://127.0.0.1:" + port + "/api/orgs";

                Instant sweepStart = Instant.now();
                String swept = post(base + "/report-sweeps", admin, "");
                Duration sweep = Duration.between(sweepStart, Instant.now());
                events.awaitAtLeast(missing, Duration.ofMinutes(10));
                Duration sweepEvents = Duration.between(sweepStart, Instant.now());
                Instant again = Instant.now();
                String second = post(base + "/report-sweeps", admin, "");
                Duration secondRun = Duration.between(again, Instant.now());

                Worklist revocation = worklistPage(base + "/worklists/revocation?division=320000&size=20", port);
                Worklist credit = worklistPage(base + "/worklists/credit-records?division=320000&size=20", port);

                Export csv = export(base + "/public/register.csv", port);
                Export json = export(base + "/public/register.json", port);

                List<String> pool = new ArrayList<>();
                for (int i = 1; i <= 50; i++) {
                    pool.add("\"bench-inspector-" + i + "\"");
                }
                Instant drawStart = Instant.now();
                String plan = post(base + "/inspection-plans", officer, """
                        {"divisionCode":"320000","ratio":0.05,"allCharities":true,"inspectors":[%s]}"""
                        .formatted(String.join(",", pool)));
                Duration draw = Duration.between(drawStart, Instant.now());
                long targets = count(plan, "\"inspectionId\"");
                return """
                          %,d organisations (seeded in %d ms), %,d without the last year's report
                            report sweep (POST -> listed)     %d ms, %s; all %,d org.listed-abnormal on the broker %d ms \
                        after it began
                            second sweep                      %d ms, %s
                            revocation worklist, page of 20   %s
                            credit-record worklist, page of 20 %s
                            open-data CSV                     %d ms, %,d rows, %,d bytes, peak heap sampled %.0f MB of 512
                            open-data JSON                    %d ms, %,d rows, %,d bytes, peak heap sampled %.0f MB of 512
                            province plan draw (5%%, 50 inspectors) %d ms for the request, %,d targets
                        """.formatted(size, seeding.toMillis(), missing, sweep.toMillis(), swept.strip(), missing,
                        sweepEvents.toMillis(), secondRun.toMillis(), second.strip(), revocation, credit,
                        csv.took.toMillis(), csv.rows,
                        csv.bytes, csv.peakHeapMb, json.took.toMillis(), json.rows, json.bytes, json.peakHeapMb,
                        draw.toMillis(), targets);
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }

    /**
     * Registered directly on 1 March 2024, the 2024 report received in time; a tenth sent nothing for 2025 (due 31
     * May 2026, moved to 1 June). One in a hundred is a recognised charity. The documents are written as the
     * service writes them.
     */
    private static int seed(MongoCollection<Document> organizations, int size) {
        int missing = 0;
        Date registered = day(LocalDate.of(2024, 3, 1));
        for (int from = 0; from < size; from += 1_000) {
            List<Document> batch = new ArrayList<>();
            for (int i = from; i < Math.min(size, from + 1_000); i++) {
                String county = COUNTIES.get(i % COUNTIES.size());
                String body = "51" + county + "MJ" + String.format("%07d", i);
                String code = body + CreditCode.checkCharacter(body);
                List<Document> reports = new ArrayList<>(List.of(report(2024, LocalDate.of(2025, 5, 20))));
                if (i % 10 == 3) {
                    missing++;
                } else {
                    reports.add(report(2025, LocalDate.of(2026, 5, 12)));
                }
                batch.add(new Document("_id", "org-" + code).append("name", "基准社会组织" + i).append("type", "ASSOCIATION")
                        .append("creditCode", code).append("directRegistration", true)
                        .append("legalRepresentative", new Document("name", "张三").append("idNumber",
                                new Document("personRef", "bench-" + i).append("masked", "320404********0012")
                                        .append("sealed", new Document("keyId", "bench").append("cipherText", "-"))))
                        .append("businessScope", "公益服务和行业交流").append("registeredCapital", "30000")
                        .append("address", "某市某区某路 " + i + " 号").append("division", county)
                        .append("registeredOn", registered).append("registeredBy", "bench")
                        .append("status", "REGISTERED").append("history", List.of()).append("evaluations", List.of())
                        .append("reports", reports).append("amendments", List.of())
                        .append("charityRecognizedOn", i % 100 == 7 ? registered : null)
                        .append("majorMatters", List.of()).append("version", 1L).append("outbox", List.of())
                        // the stamps the service writes with every save (docs/decisions.md, issue 30.6): the days
                        // its standing changes, on the shipped calendar (31 May 2026 is a Sunday, 31 May 2027 a
                        // Monday, 31 May 2028 a Wednesday)
                        .append("changedAt", new Date()).append("dates", i % 10 == 3
                                ? new Document("nextListingOn", day(LocalDate.of(2026, 6, 2)))
                                        .append("revocableFrom", day(LocalDate.of(2027, 6, 1)))
                                : new Document("nextListingOn", day(LocalDate.of(2027, 6, 1)))
                                        .append("revocableFrom", day(LocalDate.of(2028, 6, 1)))));
            }
            organizations.insertMany(batch);
        }
        return missing;
    }

    private static Document report(int year, LocalDate received) {
        return new Document("year", year).append("registryReceivedOn", day(received)).append("verdict", "PASS")
                .append("verdictOn", day(received.plusDays(20))).append("by", "bench");
    }

    private static Date day(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    private record Export(Duration took, long rows, long bytes, double peakHeapMb) {
    }

    /** Reads the whole body as it streams, counting rows, while a second thread samples the service's heap. */
    private Export export(String url, int port) throws Exception {
        AtomicLong peak = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet((long) heapBytes(port), Math::max), 0, 100,
                TimeUnit.MILLISECONDS);
        Instant start = Instant.now();
        long rows = 0;
        long bytes = 0;
        // CSV: one row per line after the header; JSON: one "creditCode" key per organisation.
        byte[] key = (url.endsWith(".csv") ? "\n" : "\"creditCode\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int matched = 0;
        try (InputStream body = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream()).body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) > 0;) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    matched = buffer[i] == key[matched] ? matched + 1 : buffer[i] == key[0] ? 1 : 0;
                    if (matched == key.length) {
                        rows++;
                        matched = 0;
                    }
                }
            }
        } finally {
            sampler.shutdownNow();
        }
        Duration took = Duration.between(start, Instant.now());
        return new Export(took, url.endsWith(".csv") ? rows - 1 : rows, bytes, peak.get() / 1024.0 / 1024.0);
    }

    /** A worklist page: the fastest of five, and the fewest store round trips on the organisations it took. */
    private record Worklist(long millis, long roundTrips, long documents, long total) {
        @Override
        public String toString() {
            return "%d ms, %d store round trips and %d documents returned on organizations, %,d on the list"
                    .formatted(millis, roundTrips, documents, total);
        }
    }

    private static final Pattern DOCUMENTS = Pattern.compile(
            "minzheng_store_documents_returned_total\\{([^}]*)} ([0-9.E+]+)");

    private static final Pattern COMMANDS = Pattern.compile(
            "mongodb_driver_commands_seconds_count\\{([^}]*)} ([0-9.E+]+)");

    private Worklist worklistPage(String url, int port) throws Exception {
        long fastest = Long.MAX_VALUE;
        long fewest = Long.MAX_VALUE;
        long fewestDocuments = Long.MAX_VALUE;
        String body = "";
        for (int i = 0; i < 5; i++) {
            double before = organizationCommands(port);
            double documentsBefore = onOrganizations(port, DOCUMENTS);
            Instant start = Instant.now();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + officer).GET().build(), HttpResponse.BodyHandlers.ofString());
            fastest = Math.min(fastest, Duration.between(start, Instant.now()).toMillis());
            fewest = Math.min(fewest, Math.round(organizationCommands(port) - before));
            fewestDocuments = Math.min(fewestDocuments, Math.round(onOrganizations(port, DOCUMENTS)
                    - documentsBefore));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " -> " + response.statusCode() + " " + response.body());
            }
            body = response.body();
        }
        Matcher total = Pattern.compile("\"totalElements\":([0-9]+)").matcher(body);
        return new Worklist(fastest, fewest, fewestDocuments, total.find() ? Long.parseLong(total.group(1)) : -1);
    }

    /** The commands the service sent on the organisations' collection so far (each a round trip). */
    private double organizationCommands(int port) throws Exception {
        return onOrganizations(port, COMMANDS);
    }

    /** The sum of a metric's series on the organisations' collection. */
    private double onOrganizations(int port, Pattern series) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/prometheus")).header("Authorization", "Bearer " + scraper).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = series.matcher(metrics);
        double total = 0;
        while (m.find()) {
            if (m.group(1).contains("collection=\"organizations\"")) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }

    private double heapBytes(int port) {
        try {
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/prometheus")).header("Authorization", "Bearer " + scraper).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = HEAP.matcher(metrics);
            double total = 0;
            while (m.find()) {
                total += Double.parseDouble(m.group(1));
            }
            return total;
        } catch (Exception missed) {
            return 0; // a missed sample only lowers the observed peak
        }
    }

    private static long count(String text, String needle) {
        long n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private String post(String url, String token, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
