package cn.minzheng.benchmarks;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
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
 * and (2) latency percentiles at a paced 50 % of the 1,000 requests/s target. The load generator (wrk) runs on the
 * same two cores as everything else.
 */
final class ReadBenchmark {

    private static final int CONNECTIONS = 32;
    private static final int PACED_RATE = 500;
    /** Enough connections that the schedule never waits for a free one at ~2 ms per answer (50 x 100 ms slots). */
    private static final int PACED_CONNECTIONS = 50;
    private static final Duration PHASE = Duration.ofSeconds(20);
    /** The setup calls (tokens, a standard, the household); the load itself comes from wrk. */
    private final PlatformCalls calls = new PlatformCalls(HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).build());
    private final Wrk wrk;

    private ReadBenchmark(Wrk wrk) {
        this.wrk = wrk;
    }

    static void run() throws Exception {
        new ReadBenchmark(Wrk.installed()).measure();
    }

    /** Against a platform already running (e.g. {@code ./mz run}), to profile it while it is under load. */
    static void runAgainst(String gateway, String keycloak, String service) throws Exception {
        new ReadBenchmark(Wrk.installed()).load(gateway, keycloak, service);
    }

    private void measure() throws Exception {
        StackSettings settings = BenchmarkStacks.productionLike(384);
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

        wrk.closedLoop(viaGateway, officer, CONNECTIONS, Duration.ofSeconds(30)); // warm-up: C2, pools, token cache
        wrk.closedLoop(direct, officer, CONNECTIONS, Duration.ofSeconds(10));
        Wrk.Result gatewayMax = wrk.closedLoop(viaGateway, officer, CONNECTIONS, PHASE);
        Wrk.Result directMax = wrk.closedLoop(direct, officer, CONNECTIONS, PHASE);
        Wrk.Result paced = wrk.paced(viaGateway, officer, PACED_RATE, PACED_CONNECTIONS, PHASE);
        report(gatewayMax, directMax, paced);
    }

    private static void report(Wrk.Result gateway, Wrk.Result direct, Wrk.Result paced) throws Exception {
        String report = """
                Read benchmark: GET /api/assistance/households/{id} with a Keycloak token (%s), load from wrk
                  closed loop, %d connections, %d s each (after warm-up)
                    through the gateway   %.0f requests/s   (target: >= 1000)   non-2xx %d   socket errors %d
                                          latency p50 %.1f ms   p99 %.1f ms
                    straight to service   %.0f requests/s   non-2xx %d   socket errors %d   ratio gateway/direct %.2f
                  paced (open loop) at %d requests/s through the gateway (50 %% of the target), %d connections, %d s
                    sent %d (%.0f requests/s), non-2xx %d, socket errors %d
                    latency p50 %.1f ms   p95 %.1f ms   p99 %.1f ms   max %.1f ms   (target p99: < 50 ms)
                  machine   %d cores shared by Kafka, the store, Keycloak, gateway, five services and wrk
                """.formatted(LocalDate.now(), CONNECTIONS, PHASE.toSeconds(), gateway.perSecond(), gateway.non2xx(),
                gateway.socketErrors(), gateway.millis(gateway.p50Micros()), gateway.millis(gateway.p99Micros()),
                direct.perSecond(), direct.non2xx(), direct.socketErrors(), gateway.perSecond() / direct.perSecond(),
                PACED_RATE, PACED_CONNECTIONS, PHASE.toSeconds(), paced.requests(), paced.perSecond(), paced.non2xx(),
                paced.socketErrors(), paced.millis(paced.p50Micros()), paced.millis(paced.p95Micros()),
                paced.millis(paced.p99Micros()), paced.millis(paced.maxMicros()),
                Runtime.getRuntime().availableProcessors());
        Path out = Path.of("benchmarks/target/read-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LoggerFactory.getLogger("benchmark.report").info("\n{}", report);
    }
}
