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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.slf4j.LoggerFactory;

import cn.minzheng.devstack.StackSettings;
import cn.minzheng.devstack.infra.KafkaBroker;
import cn.minzheng.devstack.infra.MongoStore;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;

/**
 * The roll-out of a county's allowance rules to the people the service knows (issue 30.8): N households of one
 * person aged 80 or more are registered through the API, then a rule version is approved, whose approval sweeps the
 * county and proposes the old-age allowance to each. The store round trips of that request (the driver's command
 * metric) are counted per person at two sizes: batched, they grow with the batches, not with the people.
 */
final class AllowanceSweepBenchmark {

    private static final String COUNTY = "320402";
    private static final Pattern COMMANDS = Pattern.compile(
            "mongodb_driver_commands_seconds_count\\{[^}]*} ([0-9.E+]+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String officer = TestJwts.token("bench-officer", "320402001", "township-officer");
    private final String proposer = TestJwts.token("bench-approver-1", COUNTY, "county-approver");
    private final String approver = TestJwts.token("bench-approver-2", COUNTY, "county-approver");
    private final String scraper = TestJwts.token("service-account-metrics-scraper", "320000", "monitoring");

    private AllowanceSweepBenchmark() {
    }

    static void run(List<Integer> sizes) throws Exception {
        StringBuilder report = new StringBuilder("Allowance sweep benchmark (" + Instant.now() + ")\n");
        report.append("  service: assistance-service jar, -Xmx512m, SerialGC; store and broker embedded in the"
                + " benchmark JVM; %d cores shared by all%n".formatted(Runtime.getRuntime().availableProcessors()));
        for (int people : sizes) {
            report.append(new AllowanceSweepBenchmark().measure(people));
            Path out = Path.of("benchmarks/target/allowance-sweep-report.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        }
        LoggerFactory.getLogger("benchmark.report").info("\n{}", report);
    }

    private String measure(int people) throws Exception {
        Path kafkaDir = Files.createTempDirectory("bench-kafka");
        int port = StackSettings.freePort();
        try (MongoStore store = MongoStore.inMemory();
                KafkaBroker broker = KafkaBroker.start(kafkaDir, StackSettings.freePort(), StackSettings.freePort());
                MongoClient client = MongoClients.create(store.uri("assistance"))) {
            Process service = ServiceJar.start("assistance-service", "assistance", store, broker, port,
                    "-Dminzheng.assistance.allowance-sweep-initial-delay=PT24H");
            try {
                ServiceJar.awaitReady(http, "assistance-service", port);
                String base = "http://127.0.0.1:" + port + "/api/assistance";
                Instant seeding = Instant.now();
                register(base, people);
                Duration registered = Duration.between(seeding, Instant.now());
                post(base + "/allowance-rules", proposer, """
                        {"county":"%s","effectiveFrom":"2018-01-01","note":"天宁区分类补贴实施细则",
                         "programmes":[{"programme":"OLD_AGE","bands":[{"minAge":80,"amount":100.00}],
                           "criteria":[{"id":"age-80","minAge":80}]}]}""".formatted(COUNTY));

                double before = storeCommands(port);
                Instant start = Instant.now();
                post(base + "/allowance-rules/" + COUNTY + "/versions/1/decision", approver,
                        "{\"decision\":\"APPROVE\"}");
                Duration sweep = Duration.between(start, Instant.now());
                double roundTrips = storeCommands(port) - before;
                long proposals = client.getDatabase("assistance").getCollection("allowance_proposals")
                        .countDocuments();
                return """
                          %,d people in %,d households (registered through the API in %d s)
                            approval with its sweep       %d ms, %,d proposals stored
                            store round trips             %,.0f, %.3f per person
                        """.formatted(people, people, registered.toSeconds(), sweep.toMillis(), proposals,
                        roundTrips, roundTrips / people);
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }

    /** One household of one person aged 80 or more per person, four requests at a time. */
    private void register(String base, int people) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < people; i++) {
                String idNumber = TestIdNumbers.female(COUNTY, LocalDate.of(1930, 1, 1).plusDays(i % 5_000));
                int n = i;
                sent.add(pool.submit(() -> post(base + "/households", officer, """
                        {"divisionCode":"320402001001","residence":"RURAL","address":"天宁村 %d 号",
                         "members":[{"name":"王奶奶","idNumber":"%s","relation":"HEAD","disabilityGrade":0,
                           "employed":false,"monthlyIncome":0}],
                         "assets":{"deposits":0,"vehicles":0,"houses":1}}""".formatted(n, idNumber))));
            }
            for (Future<String> f : sent) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
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

    /** Commands the service sent to the store so far (the MongoDB driver's command metric): each a round trip. */
    private double storeCommands(int port) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/prometheus")).header("Authorization", "Bearer " + scraper).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = COMMANDS.matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }
}
