package cn.minzheng.benchmarks;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The admissions burst of eldercare's issue: {@code attempts} concurrent admissions, each a different person, for
 * a care home with {@code beds} free general beds, through the gateway shared round-robin by two eldercare-service
 * instances on one store. Expected: exactly {@code beds} admitted, every other attempt 409 {@code no-free-bed}, no 5xx,
 * and the store agreeing afterwards (residents admitted = beds, free beds 0).
 */
final class AdmissionsBenchmark {

    private static final Duration BURST_LIMIT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final PlatformCalls calls = new PlatformCalls(http);
    private final Wrk wrk;

    private AdmissionsBenchmark(Wrk wrk) {
        this.wrk = wrk;
    }

    static void run(int attempts, int beds) throws Exception {
        new AdmissionsBenchmark(Wrk.installed()).measure(attempts, beds);
    }

    private void measure(int attempts, int beds) throws Exception {
        StackSettings settings = BenchmarkStacks.productionLike(768);
        String first = "http://127.0.0.1:" + settings.port(Deployable.ELDERCARE);
        int secondPort = settings.port(Deployable.ELDERCARE) + 100;
        Map<String, String> twoInstances = Map.of("ELDERCARE_URL", "lb://eldercare",
                "SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_ELDERCARE_0_URI", first,
                "SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_ELDERCARE_1_URI", "http://127.0.0.1:" + secondPort);
        try (Stack stack = Stack.start(settings, Map.of(Deployable.GATEWAY, twoInstances))) {
            stack.startAnotherInstance(Deployable.ELDERCARE, secondPort, Map.of());
            String gateway = stack.gatewayUrl().toString();
            String officer = calls.token(stack.keycloakUrl().toString(), "eldercare-officer");
            // Warm-up on another home with as many beds as attempts, so the measured burst meets compiled code.
            String warm = home(gateway, officer, attempts);
            wrk.burst(gateway + "/api/eldercare/facilities/" + warm + "/admissions", officer,
                    admissions(attempts, 0), "warm-" + warm + "-", BURST_LIMIT);
            String home = home(gateway, officer, beds);
            CpuUse cpu = CpuUse.start();
            Wrk.Result burst = wrk.burst(gateway + "/api/eldercare/facilities/" + home + "/admissions", officer,
                    admissions(attempts, attempts), "bench-" + home + "-", BURST_LIMIT);
            report(attempts, beds, burst, stored(stack, home), "CPU per process: " + cpu.since());
        }
    }

    private String home(String gateway, String officer, int beds) throws Exception {
        String created = calls.post(gateway + "/api/eldercare/facilities", officer, """
                {"name":"压测敬老院%d","type":"CARE_HOME","ownership":"PUBLIC","divisionCode":"320404001",
                 "beds":{"total":%d,"nursing":0}}""".formatted(System.nanoTime() % 100_000, beds));
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created);
        if (!id.find()) {
            throw new IllegalStateException("no facility id in " + created);
        }
        return id.group(1);
    }

    /** One admission each, for {@code attempts} different people aged 70 to 90, numbered from {@code people}. */
    private static List<String> admissions(int attempts, int people) {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            LocalDate birth = LocalDate.of(1936, 1, 1).plusDays((people + i) % 7300);
            String first17 = "320404" + birth.toString().replace("-", "")
                    + "%03d".formatted((people + i) / 7300 % 1000);
            bodies.add("""
                    {"idNumber":"%s","name":"压测老人","abilityLevel":"MILD","bedType":"GENERAL"}"""
                    .formatted(first17 + ResidentIdNumber.checkCharacter(first17)));
        }
        return bodies;
    }

    private static Map<String, Object> stored(Stack stack, String home) {
        try (MongoClient client = MongoClients.create(stack.mongoUri("eldercare"))) {
            var db = client.getDatabase("eldercare");
            long admitted = db.getCollection("residents").countDocuments(new Document("facilityId", home)
                    .append("status", "ADMITTED"));
            Document counters = db.getCollection("bed_counters").find(new Document("_id", home)).first();
            Object free = counters == null ? null : ((Document) counters.get("free")).get("GENERAL");
            return Map.of("admitted", admitted, "free", free == null ? -1 : free);
        }
    }

    private static void report(int attempts, int beds, Wrk.Result burst, Map<String, Object> stored, String cpu)
            throws Exception {
        long answered = burst.byStatus().values().stream().mapToLong(Long::longValue).sum();
        long serverErrors = burst.byStatus().entrySet().stream().filter(e -> e.getKey() >= 500)
                .mapToLong(Map.Entry::getValue).sum();
        String report = """
                Admissions burst (%s): %d concurrent admissions, each a different person, for %d free beds
                  through the gateway, shared round-robin by two eldercare-service instances on one store
                  load from wrk: %d connections, one request each, all at once; eldercare-officer token from Keycloak
                  answers by status: %s   (answered %d of %d; 5xx %d; socket errors %d)
                  latency ms: p50 %.1f   p95 %.1f   p99 %.1f   max %.1f
                  in the store afterwards: %s residents admitted, %s general beds free   (expected %d and 0)
                  the burst took %.1f s; %s
                """.formatted(LocalDate.now(), attempts, beds, attempts, burst.byStatus(), answered, attempts,
                serverErrors, burst.socketErrors(), burst.millis(burst.p50Micros()), burst.millis(burst.p95Micros()),
                burst.millis(burst.p99Micros()), burst.millis(burst.maxMicros()), stored.get("admitted"),
                stored.get("free"), beds, burst.took().toMillis() / 1000.0, cpu);
        Path out = Path.of("benchmarks/target/admissions-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LoggerFactory.getLogger("benchmark.report").info("\n{}", report);
    }
}
