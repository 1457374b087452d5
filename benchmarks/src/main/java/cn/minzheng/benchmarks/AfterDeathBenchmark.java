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
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.LoggerFactory;

import cn.minzheng.devstack.Deployable;
import cn.minzheng.devstack.Stack;
import cn.minzheng.devstack.StackSettings;

/**
 * 身后一件事 at scale (issue 19): {@code cases} deaths submitted as after-death cases by the provincial platform's
 * client through the gateway at {@code rate} per second, each deceased in an enrolled household, half of them in a
 * care home, a quarter married. Measured: the time from each submission until its case is complete (the last
 * office's step applied, read from the case), every effect counted once in each service's own store, and every
 * callback delivered and its signature verified by the receiver.
 */
final class AfterDeathBenchmark {

    private static final Duration COMPLETION_LIMIT = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final PlatformCalls calls = new PlatformCalls(http);

    static void run(int cases, int rate) throws Exception {
        new AfterDeathBenchmark().measure(cases, rate);
    }

    private void measure(int cases, int rate) throws Exception {
        StackSettings settings = BenchmarkStacks.productionLike(384);
        // MZ_BENCH_INSTANCES=2: two instances of each service on the one store and broker (the capacity plan's
        // per-instance check, docs/capacity.md); the gateway shares each service's calls round-robin between them.
        int instances = Integer.parseInt(System.getenv().getOrDefault("MZ_BENCH_INSTANCES", "1"));
        Map<String, String> gatewayRoutes = new java.util.HashMap<>();
        if (instances == 2) {
            for (Deployable service : Deployable.SERVICES) {
                String key = service.id().toUpperCase();
                gatewayRoutes.put(key + "_URL", "lb://" + service.id());
                gatewayRoutes.put("SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_" + key + "_0_URI",
                        "http://127.0.0.1:" + settings.port(service));
                gatewayRoutes.put("SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_" + key + "_1_URI",
                        "http://127.0.0.1:" + (settings.port(service) + 100));
            }
        }
        try (Stack stack = Stack.start(settings, Map.of(Deployable.GATEWAY, gatewayRoutes));
                CallbackCounter receiver = CallbackCounter.start()) {
            LoggerFactory.getLogger("benchmark.report").info("after-death: {} instance(s) of each service", instances);
            if (instances == 2) {
                Deployable.SERVICES.forEach(service -> stack.startAnotherInstance(service,
                        settings.port(service) + 100, Map.of()));
            }
            String gateway = stack.gatewayUrl().toString();
            String keycloak = stack.keycloakUrl().toString();
            Instant seedStart = Instant.now();
            int warm = Math.min(200, Math.max(20, cases / 5));
            java.util.function.Function<String, List<String>> clocks = id -> instances == 1 ? List.of(gateway)
                    : Deployable.SERVICES.stream().filter(d -> d.id().equals(id)).flatMap(d -> java.util.stream.Stream.of(
                            "http://127.0.0.1:" + settings.port(d), "http://127.0.0.1:" + (settings.port(d) + 100)))
                            .toList();
            AfterDeathScene.Scene all = new AfterDeathScene(calls, gateway, clocks).build(keycloak, warm + cases);
            AfterDeathScene.Scene warmUp = new AfterDeathScene.Scene(all.people().subList(0, warm), all.facilityId(),
                    all.today());
            AfterDeathScene.Scene scene = new AfterDeathScene.Scene(all.people().subList(warm, warm + cases),
                    all.facilityId(), all.today());
            Duration seeding = Duration.between(seedStart, Instant.now());
            calls.put(gateway + "/api/funeral/integration-clients/integration", calls.token(keycloak, "admin"),
                    "{\"divisions\":[\"320000\"],\"secret\":\"" + CallbackCounter.SECRET + "\",\"allowList\":[\""
                            + receiver.url() + "\"]}");
            String platform = calls.clientToken(keycloak, "integration", "dev-only-integration-secret");

            // Warm-up at the same rate on other people, so the measured cases meet compiled code (C2 took a large
            // share of the CPU in the first runs), then the measured ones.
            Map<String, Instant> warmed = new ConcurrentHashMap<>();
            submit(gateway, platform, receiver.url(), warmUp, rate, warmed, new ConcurrentHashMap<>());
            try (MongoClient client = MongoClients.create(stack.mongoUri("funeral"))) {
                awaitComplete(client.getDatabase("funeral"), warmed.size());
            }
            EventPathProfile profile = EventPathProfile.start(stack, calls.clientToken(keycloak, "metrics-scraper",
                    "dev-only-metrics-scraper-secret"), Path.of("target", "after-death-profile"));
            CpuUse cpu = CpuUse.start();
            Map<String, Instant> submitted = new ConcurrentHashMap<>();
            Map<Integer, Long> statuses = new ConcurrentHashMap<>();
            Instant start = Instant.now();
            submit(gateway, platform, receiver.url(), scene, rate, submitted, statuses);
            Duration submitting = Duration.between(start, Instant.now());
            try (MongoClient client = MongoClients.create(stack.mongoUri("funeral"))) {
                MongoDatabase funeral = client.getDatabase("funeral");
                awaitComplete(funeral, warmed.size() + submitted.size());
                List<Long> latencies = latencies(funeral, submitted);
                String stages = stages(funeral, submitted);
                Duration allComplete = Duration.between(start, Instant.now());
                Map<String, Object> callbacks = awaitCallbacks(funeral, receiver);
                String cpuUse = cpu.since();
                String perCase = profile.finish(submitted.size());
                // Logged before the effects are counted, so a failure there loses none of the measurement.
                LoggerFactory.getLogger("benchmark.report").info("\nWhere one case's work goes (per measured case; "
                        + "hot methods per process in "
                        + "target/after-death-profile/):\n" + perCase + "\nCPU while measured: " + cpuUse
                        + "\nLatency p50 " + percentile(latencies, 0.5) + " ms, p99 " + percentile(latencies, 0.99)
                        + " ms; " + stages);
                // Effects and callbacks are counted over every case, the warm-up's included.
                java.util.Set<String> everyCase = new java.util.HashSet<>(submitted.keySet());
                everyCase.addAll(warmed.keySet());
                Map<String, Object> effects = effects(stack, all, everyCase);
                effects.put("fee waivers answered (resident)", waivers(gateway, calls.token(keycloak,
                        "funeral-officer"), everyCase));
                report(cases, warm, rate, seeding, submitting, statuses, latencies, stages, allComplete, callbacks,
                        effects, cpuUse);
            }
        }
    }

    /** One POST per person at the rate, each on its own virtual thread so that a slow answer delays no other. */
    private void submit(String gateway, String token, String hooks, AfterDeathScene.Scene scene, int rate,
            Map<String, Instant> submitted, Map<Integer, Long> statuses) throws Exception {
        long periodNanos = 1_000_000_000L / rate;
        long t0 = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < scene.people().size(); i++) {
                long wait = t0 + i * periodNanos - System.nanoTime();
                if (wait > 0) {
                    // Pacing the load generator's schedule, not waiting for the system's work.
                    Thread.sleep(Duration.ofNanos(wait));
                }
                AfterDeathScene.Person person = scene.people().get(i);
                senders.submit(() -> {
                    Instant at = Instant.now();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway
                            + "/api/funeral/one-thing/after-death")).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                                    {"deceased":{"idNumber":"%s","name":"压测老人","dateOfDeath":"%s","place":"家中",
                                      "cause":"NATURAL","divisionCode":"320404001007"},
                                     "applicant":{"idNumber":"320404198503150026","name":"压测家属","relation":"子女"},
                                     "callbackUrl":"%s/cases"}""".formatted(person.idNumber(), scene.today(),
                                    hooks))).build(), HttpResponse.BodyHandlers.ofString());
                    statuses.merge(response.statusCode(), 1L, Long::sum);
                    if (response.statusCode() == 202) {
                        submitted.put(PlatformCalls.field(response.body(), "id"), at);
                    }
                    return null;
                });
            }
        }
    }

    private static void awaitComplete(MongoDatabase funeral, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(COMPLETION_LIMIT);
        while (funeral.getCollection("one_thing_cases").countDocuments(new Document("status", "COMPLETE"))
                < expected && Instant.now().isBefore(deadline)) {
            // A count scans the cases on the embedded store: once a second, not to compete with the platform.
            Thread.sleep(1000);
        }
    }

    /** Per case: from its submission to the moment the case applied its last office's step. */
    private static List<Long> latencies(MongoDatabase funeral, Map<String, Instant> submitted) {
        List<Long> millis = new ArrayList<>();
        for (Document kase : funeral.getCollection("one_thing_cases").find(new Document("status", "COMPLETE"))) {
            Instant at = submitted.get(kase.getString("_id"));
            if (at == null) {
                continue;
            }
            Instant last = kase.getList("steps", Document.class).stream().map(s -> s.getDate("reportedAt"))
                    .filter(java.util.Objects::nonNull).map(Date::toInstant).max(Instant::compareTo).orElseThrow();
            millis.add(Duration.between(at, last).toMillis());
        }
        Collections.sort(millis);
        return millis;
    }

    /** Where the time goes: submission to the stored case, and the case's opening to each office's step. */
    private static String stages(MongoDatabase funeral, Map<String, Instant> submitted) {
        Map<String, List<Long>> stages = new LinkedHashMap<>();
        for (Document kase : funeral.getCollection("one_thing_cases").find()) {
            Instant at = submitted.get(kase.getString("_id"));
            Instant opened = kase.getDate("openedAt").toInstant();
            if (at == null) {
                continue;
            }
            stages.computeIfAbsent("stored", k -> new ArrayList<>()).add(Duration.between(at, opened).toMillis());
            for (Document step : kase.getList("steps", Document.class)) {
                if (step.getDate("reportedAt") != null && !"FUNERAL".equals(step.getString("office"))) {
                    stages.computeIfAbsent(step.getString("office"), k -> new ArrayList<>())
                            .add(Duration.between(opened, step.getDate("reportedAt").toInstant()).toMillis());
                }
            }
        }
        StringBuilder text = new StringBuilder();
        stages.forEach((stage, millis) -> {
            Collections.sort(millis);
            text.append(stage).append(" p50 ").append(percentile(millis, 0.5)).append(" p99 ")
                    .append(percentile(millis, 0.99)).append("; ");
        });
        return text.toString();
    }

    private static Map<String, Object> awaitCallbacks(MongoDatabase funeral, CallbackCounter receiver)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(COMPLETION_LIMIT);
        long stored = 0;
        long pending = -1;
        while (Instant.now().isBefore(deadline)) {
            stored = 0;
            pending = 0;
            for (Document kase : funeral.getCollection("one_thing_cases").find()) {
                for (Document n : kase.getList("notifications", Document.class, List.of())) {
                    stored++;
                    if (!"DELIVERED".equals(n.getString("state"))) {
                        pending++;
                    }
                }
            }
            if (pending == 0 && receiver.distinct() >= stored) {
                break;
            }
            Thread.sleep(500);
        }
        Map<String, Object> callbacks = new LinkedHashMap<>();
        callbacks.put("status changes stored", stored);
        callbacks.put("not delivered", pending);
        callbacks.put("received (with retries)", receiver.received());
        callbacks.put("distinct webhook-ids verified", receiver.distinct());
        callbacks.put("bad signatures", receiver.badSignatures());
        return callbacks;
    }

    /** Every office's effect, counted in its own store. */
    private static Map<String, Object> effects(Stack stack, AfterDeathScene.Scene scene, java.util.Set<String> caseIds) {
        Map<String, Object> effects = new LinkedHashMap<>();
        try (MongoClient client = MongoClients.create(stack.mongoUri("assistance"))) {
            MongoDatabase funeral = client.getDatabase("funeral");
            effects.put("funeral: cases COMPLETE", funeral.getCollection("one_thing_cases")
                    .countDocuments(new Document("status", "COMPLETE")));
            effects.put("funeral: deaths", funeral.getCollection("deaths").countDocuments());

            MongoDatabase assistance = client.getDatabase("assistance");
            long leftOnce = 0;
            long departures = 0;
            for (AfterDeathScene.Person person : scene.people()) {
                Document household = assistance.getCollection("households")
                        .find(new Document("_id", person.householdId())).first();
                long deceased = household.getList("members", Document.class).stream()
                        .filter(m -> "DECEASED".equals(m.getString("leftReason"))).count();
                long changes = household.getList("changes", Document.class, List.of()).stream()
                        .filter(c -> "DECEASED".equals(c.getString("reason"))).count();
                departures += deceased;
                if (deceased == 1 && changes == 1) {
                    leftOnce++;
                }
            }
            effects.put("assistance: households where the member left once (one change)", leftOnce);
            effects.put("assistance: members left DECEASED", departures);
            long recalculatedOnce = 0;
            long enrolments = 0;
            for (Document enrolment : assistance.getCollection("enrolments").find()) {
                enrolments++;
                long periods = enrolment.getList("amounts", Document.class, List.of()).stream()
                        .filter(a -> String.valueOf(a.get("reason")).contains("DECEASED")).count();
                if (periods == 1 || "TERMINATED".equals(enrolment.getString("status"))) {
                    recalculatedOnce++;
                }
            }
            effects.put("assistance: enrolments recalculated once for the death (of " + enrolments + ")",
                    recalculatedOnce);
            effects.put("assistance: step reports", assistance.getCollection("one_thing_steps").countDocuments());

            MongoDatabase eldercare = client.getDatabase("eldercare");
            effects.put("eldercare: residents discharged DECEASED", eldercare.getCollection("residents")
                    .countDocuments(new Document("facilityId", scene.facilityId()).append("status", "DISCHARGED")
                            .append("dischargeReason", "DECEASED")));
            Document counters = eldercare.getCollection("bed_counters").find(new Document("_id", scene.facilityId()))
                    .first();
            effects.put("eldercare: general beds free", counters == null ? -1
                    : ((Document) counters.get("free")).get("GENERAL"));
            effects.put("eldercare: step reports", eldercare.getCollection("one_thing_steps").countDocuments());

            MongoDatabase registry = client.getDatabase("registry");
            effects.put("registry: marriages ENDED_BY_DEATH", registry.getCollection("marriages")
                    .countDocuments(new Document("status", "ENDED_BY_DEATH")));
            effects.put("registry: marriages still MARRIED", registry.getCollection("marriages")
                    .countDocuments(new Document("status", "MARRIED")));
            effects.put("registry: step reports", registry.getCollection("one_thing_steps").countDocuments());
        }
        effects.put("expected", "cases " + caseIds.size() + ", residents " + (scene.people().size() + 1) / 2
                + ", marriages " + scene.people().stream().filter(p -> p.marriageId() != null).count());
        return effects;
    }

    /** The funeral office's own step: the waiver of each death, as its endpoint computes it when read. */
    private String waivers(String gateway, String officer, java.util.Set<String> caseIds) throws Exception {
        AtomicLong resident = new AtomicLong();
        for (String caseId : caseIds) {
            String waiver = calls.get(gateway + "/api/funeral/deaths/death-" + caseId.substring("case-".length())
                    + "/fee-waiver", officer);
            if (waiver.contains("\"resident\":true")) {
                resident.incrementAndGet();
            }
        }
        return caseIds.size() + " (" + resident.get() + ")";
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static void report(int cases, int warm, int rate, Duration seeding, Duration submitting,
            Map<Integer, Long> statuses, List<Long> latencies, String stages, Duration allComplete, Map<String, Object> callbacks,
            Map<String, Object> effects, String cpu) throws Exception {
        StringBuilder effectLines = new StringBuilder();
        effects.forEach((k, v) -> effectLines.append("    ").append(k).append(": ").append(v).append('\n'));
        String report = """
                After-death one thing (%s): %d cases by the platform's client through the gateway at %d/s, after %d warm-up cases
                  scene set up through the gateway in %.0f s (households enrolled, half in a care home, a quarter married)
                  submitted in %.1f s; answers by status: %s
                  complete: %d of %d; from submission to the last step applied, ms: p50 %d   p90 %d   p99 %d   max %d
                  stages, ms (submission to the case stored; the case stored to each office's step applied): %s
                  all complete %.1f s after the first submission
                  callbacks: %s
                  effects, counted in each service's store:
                %s  %s
                """.formatted(LocalDate.now(), cases, rate, warm, seeding.toMillis() / 1000.0,
                submitting.toMillis() / 1000.0, statuses, latencies.size(), cases, percentile(latencies, 0.5),
                percentile(latencies, 0.9), percentile(latencies, 0.99), percentile(latencies, 1.0), stages,
                allComplete.toMillis() / 1000.0, callbacks, effectLines, cpu);
        Path out = Path.of("benchmarks/target/after-death-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LoggerFactory.getLogger("benchmark.report").info("\n{}", report);
    }
}
