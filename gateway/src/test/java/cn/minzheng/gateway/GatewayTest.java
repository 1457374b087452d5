package cn.minzheng.gateway;

import static cn.minzheng.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;

import cn.minzheng.devstack.StackSettings;
import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.JwtTestInitializer;
import cn.minzheng.testsupport.TestJwts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"minzheng.gateway.max-body-size=1KB", "minzheng.gateway.refused-tokens.period=PT2S",
                "minzheng.gateway.refused-tokens.flush-interval=PT0.2S",
                "minzheng.gateway.key=test-gateway-key",
                "minzheng.gateway.public-export-paths[0]=/api/assistance/public/register.csv",
                "minzheng.gateway.public-exports-per-minute=3"})
@ContextConfiguration(initializers = JwtTestInitializer.class)
class GatewayTest {

    private static final StubService ASSISTANCE = new StubService();
    private static final int NOTHING_LISTENS = StackSettings.freePort();

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("ASSISTANCE_URL", ASSISTANCE::url);
        registry.add("REGISTRY_URL", () -> "http://127.0.0.1:" + NOTHING_LISTENS);
    }

    @AfterAll
    static void stopStub() {
        ASSISTANCE.close();
    }

    private HttpCalls http() {
        return new HttpCalls("http://127.0.0.1:" + port);
    }

    /** The token's claims under {@code alg: none}, with no signature. */
    private static String unsigned(String token) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "." + token.split("\\.")[1] + ".";
    }

    private static String token() {
        return TestJwts.token("zl-officer-1", "320404001", "township-officer");
    }

    @Test
    void a_valid_token_is_passed_on_to_the_service_with_one_request_id() {
        var response = http().get("/api/assistance/ping", token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("bearer").asBoolean()).isTrue();
        assertThat(response.json().path("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
        assertThat(response.raw().headers().allValues("X-Request-Id")).hasSize(1);
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void refused_tokens_are_counted_per_reason_and_logged_once_per_address_and_period_without_another_request(
            org.springframework.boot.test.system.CapturedOutput output) {
        double before = meters.counter(RefusedTokenLog.METRIC, "reason", "expired").count();
        for (int i = 0; i < 3; i++) {
            http().get("/api/assistance/ping", TestJwts.builder().roles("citizen").expired().build());
        }

        assertThat(meters.counter(RefusedTokenLog.METRIC, "reason", "expired").count()).isEqualTo(before + 3);
        // the test's period is two seconds (production's a minute); the timer writes it, no request needed
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(70)).until(() -> output.getAll()
                .lines().anyMatch(line -> line.contains("bearer token(s) from 127.0.0.1")
                        && line.contains("expired=")));
        assertThat(output.getAll()).doesNotContain("Jwt expired at");
    }

    @Test
    void requests_without_a_valid_token_are_rejected_before_any_service() {
        for (String token : new String[] {null, TestJwts.builder().roles("citizen").expired().build(),
                TestJwts.builder().roles("citizen").signedByAnotherKey().build(),
                TestJwts.builder().roles("citizen").audience("elsewhere").build(),
                TestJwts.builder().roles("citizen").notYetValid().build(),
                TestJwts.builder().roles("citizen").unknownKeyId().build(),
                TestJwts.builder().roles("citizen").foreignKeySetUrl().build(),
                TestJwts.builder().roles("citizen").hmacSignedWithThePublicKey().build(), unsigned(token())}) {
            var response = http().get("/api/assistance/ping", token);

            assertProblem(response, 401, "/problems/unauthenticated");
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(response.header("X-Request-Id")).isNotBlank();
        }
    }

    @Test
    void problems_speak_chinese_unless_the_caller_prefers_english() {
        var chinese = http().get("/api/registry/ping", token());
        var english = http().send(http().request("/api/registry/ping", token()).header("Accept-Language", "en").GET());

        assertThat(chinese.json().path("title").asString()).isEqualTo("服务暂不可用");
        assertThat(chinese.json().path("detail").asString()).isEqualTo("registry 服务暂不可用，请稍后再试。");
        assertThat(english.json().path("title").asString()).isEqualTo("Service unavailable");
    }

    @Test
    void an_unknown_route_is_a_404_problem() {
        assertProblem(http().get("/api/nowhere/ping", token()), 404, "/problems/not-found");
    }

    @Test
    void an_oversized_body_is_a_413_problem_and_never_reaches_the_service() {
        String big = "{\"message\":\"" + "x".repeat(2_000) + "\"}";

        var response = http().postJson("/api/assistance/ping", token(), big);

        assertProblem(response, 413, "/problems/payload-too-large");
    }

    @Test
    void a_service_that_is_down_answers_503_problem_quickly() {
        Instant start = Instant.now();

        var response = http().get("/api/registry/ping", token());

        assertProblem(response, 503, "/problems/service-unavailable");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(2));
        assertThat(response.json().path("instance").asString()).isEqualTo("/api/registry/ping");
    }

    @Test
    void a_get_is_retried_when_the_service_answers_503_once() {
        int before = ASSISTANCE.flakyCalls.get();

        var response = http().get("/api/assistance/flaky", token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(ASSISTANCE.flakyCalls.get() - before).isEqualTo(2);
    }

    /**
     * Finding 29.8: a whole register's download is limited per client, token or not: seven attempts see a 429 even
     * if a minute ends among them (at most 3 + 3 pass).
     */
    @Test
    void downloads_of_a_public_register_are_limited_per_client() {
        Integer refusedAt = null;
        for (int i = 0; i < 7 && refusedAt == null; i++) {
            var response = http().get("/api/assistance/public/register.csv", i % 2 == 0 ? null : token());
            if (response.status() == 429) {
                refusedAt = i;
                assertProblem(response, 429, "/problems/too-many-requests");
                assertThat(Integer.parseInt(response.header("Retry-After"))).isBetween(1, 60);
            } else {
                assertThat(response.status()).isEqualTo(200);
            }
        }
        assertThat(refusedAt).as("a 429 within 7 downloads").isNotNull().isGreaterThanOrEqualTo(3);
    }

    /** Finding 29.7: the gateway's mark is never taken from a client (the writes it sets it on are below). */
    @Test
    void a_client_cannot_send_the_gateway_mark_on() {
        var read = http().send(http().request("/api/assistance/ping", token())
                .header(PublicWriteLimit.MARK, "test-gateway-key").GET());

        assertThat(read.json().path("gatewayMark").asString()).isEqualTo("null");
    }

    /**
     * An objection from the public notice page needs no token, and a client may make only so many a minute. Eleven
     * attempts see a 429 even if a minute ends among them (at most 5 + 5 pass); a token-bearing write is not counted.
     * Each write let through reaches the service with the gateway's mark (finding 29.7), whatever the client sent.
     */
    @Test
    void login_free_writes_are_limited_per_client() {
        String path = "/api/assistance/public-notices/app-1/objections";
        int passed = 0;
        Integer refusedAt = null;
        for (int i = 0; i < 11 && refusedAt == null; i++) {
            var response = http().send(http().request(path, null).header("Content-Type", "application/json")
                    .header(PublicWriteLimit.MARK, "guessed").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"text\":\"异议\"}")));
            if (response.status() == 429) {
                refusedAt = i;
                assertProblem(response, 429, "/problems/too-many-requests");
                assertThat(Integer.parseInt(response.header("Retry-After"))).isBetween(1, 60);
            } else {
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.json().path("gatewayMark").asString()).isEqualTo("test-gateway-key");
                passed++;
            }
        }
        assertThat(refusedAt).as("a 429 within 11 login-free writes").isNotNull();
        assertThat(passed).isGreaterThanOrEqualTo(5);
        assertThat(http().postJson(path, token(), "{\"text\":\"异议\"}").status()).isEqualTo(200);
        assertProblem(http().postJson("/api/assistance/applications/app-1/objections", null, "{}"), 401,
                "/problems/unauthenticated");
    }

    /**
     * What Netty refuses before the gateway's code runs (URI or headers too long) had an empty body. Just over
     * Netty's limits (4,096 and 8,192 bytes), so that it has read the whole request before it answers and closes.
     */
    @Test
    void requests_netty_refuses_itself_get_problem_json() throws Exception {
        String longUri = "GET /api/assistance/ping?q=" + "x".repeat(5_000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n";
        String hugeHeader = "GET /api/assistance/ping HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(9_000)
                + "\r\nConnection: close\r\n\r\n";
        for (String raw : new String[] {longUri, hugeHeader}) {
            String answer;
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            assertThat(answer).startsWith("HTTP/1.1 4").containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"status\":4");
        }
    }

    /** The gateway's metrics were open without a token. */
    @Test
    void metrics_need_the_scrapers_role() {
        assertProblem(http().get("/actuator/prometheus", null), 401, "/problems/unauthenticated");
        assertProblem(http().get("/actuator/prometheus", token()), 403, "/problems/forbidden");
        var scraper = http().get("/actuator/prometheus", TestJwts.token("service-account-metrics-scraper", "320000",
                "monitoring"));
        assertThat(scraper.status()).isEqualTo(200);
        assertThat(scraper.body()).contains("jvm_memory_used_bytes");
    }

    /** The index lists the gateway's endpoints: the monitoring role only; probes stay open and name no component. */
    @Test
    void the_actuator_index_is_for_the_monitoring_role_only_and_probes_stay_open() {
        assertProblem(http().get("/actuator", token()), 403, "/problems/forbidden");
        assertThat(http().get("/actuator", TestJwts.token("service-account-metrics-scraper", "320000", "monitoring"))
                .status()).isEqualTo(200);
        for (String probe : new String[] {"/actuator/health/readiness", "/actuator/health/liveness", "/actuator/health"}) {
            var anonymous = http().get(probe, null);
            assertThat(anonymous.status()).as(probe).isEqualTo(200);
            assertThat(anonymous.json().has("components")).as(probe).isFalse();
        }
    }

    /** A client's mistakes are not the service failing: 30 answers of 404 in a row leave the circuit closed. */
    @Test
    void client_errors_never_open_the_circuit() {
        for (int i = 0; i < 30; i++) {
            assertThat(http().get("/api/assistance/missing", token()).status()).isEqualTo(404);
        }

        assertThat(http().get("/api/assistance/ping", token()).status()).isEqualTo(200);
    }

    /** Retry kept its default "any 5xx" beside the listed statuses: one 500 reached the service three times. */
    @Test
    void a_get_answered_500_is_not_retried() {
        int before = ASSISTANCE.brokenCalls.get();

        var response = http().get("/api/assistance/broken", token());

        assertThat(response.status()).isEqualTo(500);
        assertThat(ASSISTANCE.brokenCalls.get() - before).isEqualTo(1);
    }

    @Test
    void a_post_is_never_retried() {
        ASSISTANCE.flakyCalls.set(0);

        var response = http().postJson("/api/assistance/flaky", token(), "{}");

        assertThat(response.status()).isEqualTo(503);
        assertThat(ASSISTANCE.flakyCalls.get()).isEqualTo(1);
    }

    @Test
    void cors_preflight_is_allowed_for_portal_origins_only() {
        var allowed = http().send(preflight("http://localhost:5173"));
        var refused = http().send(preflight("https://evil.example"));

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void swagger_ui_lists_every_service() {
        var response = http().get("/v3/api-docs/swagger-config", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("/api/assistance/v3/api-docs", "/api/eldercare/v3/api-docs",
                "/api/orgs/v3/api-docs", "/api/funeral/v3/api-docs", "/api/registry/v3/api-docs");
    }

    private HttpRequest.Builder preflight(String origin) {
        return http().request("/api/assistance/ping", null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization");
    }

}
