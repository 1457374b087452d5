package cn.minzheng.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.LoggerFactory;

import cn.minzheng.devstack.Deployable;
import cn.minzheng.devstack.Stack;
import cn.minzheng.devstack.StackSettings;
import cn.minzheng.platform.identity.ResidentIdNumber;

/**
 * {@code GET /api/assistance/households/{id}} through the gateway with a real Keycloak token (issue 4): the whole
 * platform is started as {@code ./mz run} starts it (free ports, fresh store), one household is registered through
 * the API, then (1) closed-loop maximum throughput through the gateway and, for the ratio, straight to the service,
 * and (2) latency percentiles at a paced 50 % of the 1,000 requests/s target. The load generator runs in this JVM on
 * the same two cores as everything else.
 */
final class ReadBenchmark {

    private static final int CONCURRENCY = 32;
    private static final Duration PHASE = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
            .version(HttpClient.Version.HTTP_1_1).build();
    /** Answers other than 200, by status (0 = no answer), so a run with errors says what they were. */
    private final PlatformCalls calls = new PlatformCalls(http);
    private final java.util.Map<Integer, AtomicLong> failures = new java.util.concurrent.ConcurrentSkipListMap<>();

    private ReadBenchmark() {
    }

    static void run() throws Exception {
        new ReadBenchmark().measure();
    }

    /** Against a platform already running (e.g. {@code ./mz run}), to profile it while it is under load. */
    static void runAgainst(String gateway, String keycloak, String service) throws Exception {
        new ReadBenchmark().load(gateway, keycloak, service);
    }

    private void measure() throws Exception {
        Path root = StackSettings.findRoot(Path.of(""));
        StackSettings defaults = StackSettings.forTests(root, Files.createDirectories(root.resolve(
                "benchmarks/target/stack")));
        // The services with the server JIT and a production-sized heap (the dev run stops at C1 and 160 MB so that
        // six JVMs start fast and fit in 2.5 GB on two cores).
        StackSettings settings = new StackSettings(defaults.root(), defaults.dataDir(), defaults.keycloakHome(),
                defaults.javaHome(), false, defaults.gatewayPort(), defaults.servicePortBase(),
                defaults.keycloakPort(), defaults.kafkaPort(), defaults.kafkaControllerPort(), 0,
                StackSettings.DEFAULT_SERVICE_JAVA_OPTIONS.replace("-XX:TieredStopAtLevel=1 ", "")
                        .replace("-Xmx160m", "-Xmx384m"),
                defaults.keycloakJavaOptions());
        try (Stack stack = Stack.start(settings)) {
            load(stack.gatewayUrl().toString(), stack.keycloakUrl().toString(),
                    "http://127.0.0.1:" + settings.port(Deployable.ASSISTANCE));
        }
    }

    private void load(String gateway, String keycloak, String service) throws Exception {
        String officer = calls.token(keycloak, "zl-officer-1");
        String approver = calls.token(keycloak, "zl-approver");
        calls.post(gateway + "/api/assistance/standards", approver, """
                {"divisionCode":"320404","programme":"DIBAO","residence":"ALL","amount":800.00,
                 "effectiveFrom":"2018-07-01"}""");
        // A fresh person each run (a running platform keeps earlier runs' households): born 1980-03-01, odd = male.
        String first17 = "32040419800301" + String.format("%03d", (int) (System.nanoTime() % 500) * 2 + 1);
        String id = first17 + ResidentIdNumber.checkCharacter(first17);
        String created = calls.post(gateway + "/api/assistance/households", officer, """
                {"divisionCode":"320404001007","residence":"URBAN","address":"钟楼区某路 1 号",
                 "members":[{"idNumber":"%s","name":"张三","relation":"HEAD","disabilityGrade":0,
                 "employed":false,"monthlyIncome":300.00}],"assets":{"deposits":0,"vehicles":0,"houses":1}}
                """.formatted(id));
        Matcher m = Pattern.compile("\"id\":\"(hh-[^\"]+)\"").matcher(created);
        if (!m.find()) {
            throw new IllegalStateException("household not created: " + created);
        }
        String path = "/api/assistance/households/" + m.group(1);
        String viaGateway = gateway + path;
        String direct = service + path;

        closedLoop(viaGateway, officer, Duration.ofSeconds(10)); // warm-up: JIT, pools, token cache
        closedLoop(direct, officer, Duration.ofSeconds(5));
        Result gatewayMax = closedLoop(viaGateway, officer, PHASE);
        Result directMax = closedLoop(direct, officer, PHASE);
        Result paced = paced(viaGateway, officer, 500, PHASE);
        report(gatewayMax, directMax, paced, failures.toString());
    }

    record Result(long requests, long errors, Duration took, long[] latenciesMicros) {

        double perSecond() {
            return requests / (took.toNanos() / 1e9);
        }

        double percentileMillis(double p) {
            if (latenciesMicros.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latenciesMicros.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1000.0;
        }
    }

    /** CONCURRENCY clients, each sending the next request as soon as the last answered. */
    private Result closedLoop(String url, String token, Duration length) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .GET().build();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Instant start = Instant.now();
        Instant end = start.plus(length);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CONCURRENCY; i++) {
            clients.add(Thread.ofVirtual().start(() -> {
                while (Instant.now().isBefore(end)) {
                    timed(request, ok, errors, latencies);
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        return new Result(ok.get(), errors.get(), Duration.between(start, Instant.now()),
                latencies.stream().mapToLong(Long::longValue).toArray());
    }

    /** Requests started at a fixed rate whatever the answers do (open loop), so latency is not hidden by waiting. */
    private Result paced(String url, String token, int perSecond, Duration length) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .GET().build();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long interval = 1_000_000_000L / perSecond;
        long total = perSecond * length.toSeconds();
        Instant start = Instant.now();
        long origin = System.nanoTime();
        List<Thread> inFlight = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long due = origin + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.add(Thread.ofVirtual().start(() -> timed(request, ok, errors, latencies)));
        }
        for (Thread thread : inFlight) {
            thread.join();
        }
        return new Result(ok.get(), errors.get(), Duration.between(start, Instant.now()),
                latencies.stream().mapToLong(Long::longValue).toArray());
    }

    /** One request: counted as ok (200) or error, its latency recorded in microseconds either way. */
    private void timed(HttpRequest request, AtomicLong ok, AtomicLong errors, ConcurrentLinkedQueue<Long> latencies) {
        long t0 = System.nanoTime();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            (status == 200 ? ok : errors).incrementAndGet();
            if (status != 200) {
                failures.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            }
        } catch (Exception e) {
            errors.incrementAndGet();
            failures.computeIfAbsent(0, s -> new AtomicLong()).incrementAndGet();
        }
        latencies.add((System.nanoTime() - t0) / 1_000);
    }



    private static void report(Result gateway, Result direct, Result paced, String failures) throws Exception {
        String report = """
                Read benchmark: GET /api/assistance/households/{id} with a Keycloak token (%s)
                  closed loop, %d clients, %d s each (after warm-up)
                    through the gateway   %.0f requests/s   (target: >= 1000)   errors %d   p99 %.1f ms
                    straight to service   %.0f requests/s   errors %d   ratio gateway/direct %.2f
                  paced at 500 requests/s through the gateway (50 %% of the target), %d s
                    sent %d, ok %d, errors %d
                    latency p50 %.1f ms   p95 %.1f ms   p99 %.1f ms   (target p99: < 50 ms)
                  answers other than 200 (status=count, 0 = none): %s
                  machine   %d cores shared by Kafka, the store, Keycloak, gateway, five services and this load generator
                """.formatted(LocalDate.now(), CONCURRENCY, PHASE.toSeconds(), gateway.perSecond(), gateway.errors(),
                gateway.percentileMillis(99), direct.perSecond(), direct.errors(),
                gateway.perSecond() / direct.perSecond(), PHASE.toSeconds(), paced.requests() + paced.errors(),
                paced.requests(), paced.errors(), paced.percentileMillis(50), paced.percentileMillis(95),
                paced.percentileMillis(99), failures, Runtime.getRuntime().availableProcessors());
        Path out = Path.of("benchmarks/target/read-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LoggerFactory.getLogger("benchmark.report").info("\n{}", report);
    }
}
