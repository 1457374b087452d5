package cn.minzheng.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import cn.minzheng.testsupport.TestJwts;

/**
 * The monthly payroll of one county with N enrolled households (issue 4): the real assistance-service jar runs as
 * its own process with {@code -Xmx512m} against the embedded store and broker of this JVM, and is asked through
 * its HTTP API (with a signed token) to pay a month, then to pay the same month again. Lines are counted in the
 * store and events on the broker (counted by a read-committed consumer), not taken from the service's word.
 */
final class PayrollBenchmark {

    private static final String TOPIC = "minzheng.assistance";
    private static final String MONTH = "2026-12";
    private static final Pattern COMMANDS = Pattern.compile(
            "mongodb_driver_commands_seconds_count\\{[^}]*} ([0-9.E+]+)");
    private static final Pattern HEAP = Pattern.compile("jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+]+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String token = TestJwts.token("bench-approver", "320404", "county-approver");
    private org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> counter;
    private long committedEvents;
    /** Metrics are for the scraper's client only (realm role monitoring). */
    private final String scraper = TestJwts.token("service-account-metrics-scraper", "320000", "monitoring");
    private double peakHeapMb;

    private PayrollBenchmark() {
    }

    /** One run per size, each on a fresh store, broker and service; one report for all. */
    static void run(List<Integer> sizes, boolean h2) throws Exception {
        StringBuilder report = new StringBuilder("Payroll benchmark (" + Instant.now() + ")\n");
        report.append("  service: assistance-service jar, -Xmx512m, SerialGC; store (%s) and broker embedded in the"
                .formatted(h2 ? "H2 file, as ./mz run" : "in memory") + " benchmark JVM; %d cores shared by all%n"
                        .formatted(Runtime.getRuntime().availableProcessors()));
        for (int households : sizes) {
            report.append(new PayrollBenchmark().measure(households, h2));
            Path out = Path.of("benchmarks/target/payroll-report.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        }
        LoggerFactory.getLogger("benchmark.report").info("\n{}", report);
    }

    /**
     * {@code h2}: the store keeps its documents in an H2 file (as {@code ./mz run} does) instead of the benchmark's
     * heap, which a million enrolments and a million payment lines outgrow.
     */
    private String measure(int households, boolean h2) throws Exception {
        Path kafkaDir = Files.createTempDirectory("bench-kafka");
        int port = StackSettings.freePort();
        Path storeFile = Files.createTempDirectory("bench-store").resolve("store.mv");
        try (MongoStore store = h2 ? MongoStore.persistent(storeFile, StackSettings.freePort()) : MongoStore.inMemory();
                KafkaBroker broker = KafkaBroker.start(kafkaDir, StackSettings.freePort(), StackSettings.freePort());
                MongoClient client = MongoClients.create(store.uri("assistance"))) {
            Instant seedStart = Instant.now();
            seed(client.getDatabase("assistance").getCollection("enrolments"), households);
            Duration seeding = Duration.between(seedStart, Instant.now());
            Process service = ServiceJar.start("assistance-service", "assistance", store, broker, port);
            try {
                ServiceJar.awaitReady(http, "assistance-service", port);
                String base = "http://127.0.0.1:" + port + "/api/assistance/payrolls";
                String body = "{\"month\":\"" + MONTH + "\",\"divisionCode\":\"320404\"}";

                double commandsBefore = storeCommands(port);
                Instant start = Instant.now();
                String id = json(post(base, body), "id");
                String status = "";
                while (!status.equals("COMPLETED")) {
                    if (Duration.between(start, Instant.now()).compareTo(Duration.ofMinutes(20)) > 0) {
                        throw new IllegalStateException("payroll not completed after 20 minutes (status " + status
                                + "); see benchmarks/target/assistance-service.log");
                    }
                    pause();
                    status = json(get(base + "/" + id).body(), "status");
                    samplePeakHeap(port);
                }
                Duration payroll = Duration.between(start, Instant.now());
                double commands = storeCommands(port) - commandsBefore;
                long lines = client.getDatabase("assistance").getCollection("payments")
                        .countDocuments(new Document("payrollId", id));
                long expectedEvents = lines + 1; // one subsidy.paid per line, one payroll.completed
                while (eventsOnBroker(broker) < expectedEvents
                        && Duration.between(start, Instant.now()).compareTo(Duration.ofMinutes(20)) < 0) {
                    pause();
                    samplePeakHeap(port);
                }
                Duration allEvents = Duration.between(start, Instant.now());
                long events = eventsOnBroker(broker);

                Instant again = Instant.now();
                HttpResponse<String> rerun = send(HttpRequest.newBuilder(URI.create(base))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
                Duration rerunTook = Duration.between(again, Instant.now());
                long linesAfter = client.getDatabase("assistance").getCollection("payments")
                        .countDocuments(new Document("payrollId", id));
                return report(households, seeding, payroll, lines, allEvents, events, commands,
                        rerun.statusCode(), json(rerun.body(), "id").equals(id), rerunTook, linesAfter,
                        eventsOnBroker(broker));
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }

    /** Enrolled households as approval leaves them: one amount period in force, three members each. */
    private static void seed(MongoCollection<Document> enrolments, int households) {
        Date now = new Date();
        for (int from = 0; from < households; from += 1_000) {
            List<Document> batch = new ArrayList<>();
            for (int i = from; i < Math.min(households, from + 1_000); i++) {
                String id = "enr-" + UUID.randomUUID();
                List<String> refs = List.of(ref(), ref(), ref());
                List<Document> breakdown = refs.stream().map(ref -> new Document("personRef", ref)
                        .append("maskedIdNumber", "320404********0012").append("item", "BASE_GAP")
                        .append("amount", "700.00")).toList();
                batch.add(new Document("_id", id).append("householdId", "hh-" + UUID.randomUUID())
                        .append("applicationId", "app-" + UUID.randomUUID()).append("division", "320404001007")
                        .append("programme", "DIBAO").append("status", "ACTIVE").append("startMonth", "2026-01")
                        .append("amounts", List.of(new Document("fromMonth", "2026-01").append("benefit",
                                new Document("monthlyAmount", "2100.00").append("breakdown", breakdown)
                                        .append("standardUsed", "800.00").append("perCapitaIncome", "100.00"))
                                .append("standardId", "std-bench").append("reason", "approved")))
                        .append("memberRefs", refs).append("approvedBy", "bench").append("approvedAt", now)
                        .append("version", 1L).append("outbox", List.of()));
            }
            enrolments.insertMany(batch);
        }
    }

    private static String ref() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    private void samplePeakHeap(int port) {
        try {
            peakHeapMb = Math.max(peakHeapMb, metric(port, HEAP) / 1024 / 1024);
        } catch (Exception e) {
            // a missed sample only lowers the observed peak
        }
    }

    private String post(String url, String body) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String json(String body, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(body);
        return m.find() ? m.group(1) : "";
    }

    /** The polling interval of this benchmark's own status checks (not a wait for the work itself). */
    private static void pause() {
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }

    /**
     * Committed events on the broker, counted by a read-committed consumer. End offsets no longer count events:
     * the relay publishes each batch as a transaction, and every commit marker takes an offset too.
     */
    private long eventsOnBroker(KafkaBroker broker) {
        if (counter == null) {
            counter = new org.apache.kafka.clients.consumer.KafkaConsumer<>(Map.<String, Object>of(
                    "bootstrap.servers", broker.bootstrapServers(), "group.id", "payroll-bench-" + UUID.randomUUID(),
                    "isolation.level", "read_committed", "auto.offset.reset", "earliest",
                    "max.poll.records", 5_000), new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer());
            counter.subscribe(List.of(TOPIC));
        }
        for (int empty = 0; empty < 3; ) {
            int n = counter.poll(Duration.ofMillis(100)).count();
            committedEvents += n;
            empty = n == 0 ? empty + 1 : 0;
        }
        return committedEvents;
    }

    /**
     * Commands the service sent to the store so far (the MongoDB driver's command metric): each is one round trip.
     */
    private double storeCommands(int port) throws Exception {
        return metric(port, COMMANDS);
    }

    /** The sum of every series of a metric the service publishes (read with the scraper's token). */
    private double metric(int port, Pattern series) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/prometheus")).header("Authorization", "Bearer " + scraper).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = series.matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    private String report(int households, Duration seeding, Duration payroll, long lines, Duration allEvents,
            long events, double commands, int rerunStatus, boolean sameRun, Duration rerun, long linesAfter,
            long eventsAfter) {
        return """
                  %,d households (seeded in %d ms)
                    payroll run (POST -> COMPLETED)  %d ms; %,d lines (expected %,d)
                    events on the broker             %,d (subsidy.paid + payroll.completed; expected %,d); the last \
                one %d ms after the run completed
                    store round trips                %,.0f during the run, %.3f per household
                    peak heap sampled                %.0f MB of 512
                    re-run of the same month         HTTP %d, same run: %s, %d ms; lines / events after %,d / %,d
                """.formatted(households, seeding.toMillis(), payroll.toMillis(), lines, households, events,
                households + 1, allEvents.minus(payroll).toMillis(), commands, commands / households, peakHeapMb,
                rerunStatus, sameRun, rerun.toMillis(), linesAfter, eventsAfter);
    }
}
