package cn.minzheng.testsupport;

import static cn.minzheng.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.bson.Document;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What every service promises at the platform level, whatever its domain: who-is-calling, 401/403 and bad input
 * as problem+json, no stack traces, readiness on MongoDB and Kafka, a public OpenAPI document. Each service runs it
 * by extending this class under {@link ServiceTest}.
 */
public abstract class ServiceContractTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final String service;
    private final String allowedRole;
    private final String deniedRole;

    @LocalServerPort
    private int port;

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private org.springframework.context.ApplicationContext context;


    protected ServiceContractTest(String service, String allowedRole, String deniedRole) {
        this.service = service;
        this.allowedRole = allowedRole;
        this.deniedRole = deniedRole;
    }

    private HttpCalls http() {
        return new HttpCalls("http://127.0.0.1:" + port);
    }

    private String ping() {
        return "/api/" + service + "/ping";
    }

    private String allowedToken() {
        return TestJwts.token("officer-a", "320404001", allowedRole);
    }

    /** Every refusal of this service and of the platform has a title and words in Chinese and English. */
    @Test
    void every_refusal_is_worded_in_chinese_and_in_english() {
        assertThat(ProblemBundles.gaps(java.nio.file.Path.of("src/main/java"),
                java.nio.file.Path.of("../platform/src/main/java"))).isEmpty();
    }

    /**
     * Every text this service stores or labels for people (history reasons, step details, labels) is a key worded in
     * both languages, and the Chinese words a clerk reads by default hold no English.
     */
    @Test
    void every_stored_text_is_a_key_worded_in_chinese_and_in_english() {
        assertThat(TextBundles.gaps(java.nio.file.Path.of("src/main/java"),
                java.nio.file.Path.of("../platform/src/main/java"))).isEmpty();
    }

    @Test
    void ping_answers_who_is_calling_as_the_token_says() {
        var response = http().get(ping(), allowedToken());

        assertThat(response.status()).isEqualTo(200);
        var body = response.json();
        assertThat(body.path("service").asString()).isEqualTo(service);
        assertThat(body.path("user").asString()).isEqualTo("officer-a");
        assertThat(body.path("division").asString()).isEqualTo("320404001");
        assertThat(body.path("roles").get(0).asString()).isEqualTo(allowedRole);
    }

    @Test
    void a_citizen_id_number_in_the_token_is_never_echoed() {
        String token = TestJwts.builder().user("citizen-x").roles(allowedRole).idNumber("11010519491231002X").build();

        var response = http().get(ping(), token);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("11010519491231002X");
    }

    @Test
    void a_request_without_a_token_gets_401_problem_with_a_bearer_challenge() {
        var response = http().get(ping(), null);

        assertProblem(response, 401, "/problems/unauthenticated");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void expired_forged_foreign_issuer_foreign_audience_not_yet_valid_unknown_key_jku_and_key_confusion_get_401() {
        for (String token : new String[] {
                TestJwts.builder().roles(allowedRole).expired().build(),
                TestJwts.builder().roles(allowedRole).signedByAnotherKey().build(),
                TestJwts.builder().roles(allowedRole).issuer("http://elsewhere.invalid/realms/minzheng").build(),
                TestJwts.builder().roles(allowedRole).audience("another-platform").build(),
                TestJwts.builder().roles(allowedRole).notYetValid().build(),
                TestJwts.builder().roles(allowedRole).unknownKeyId().build(),
                TestJwts.builder().roles(allowedRole).foreignKeySetUrl().build(),
                TestJwts.builder().roles(allowedRole).hmacSignedWithThePublicKey().build(),
                tampered(allowedToken())}) {
            var response = http().get(ping(), token);
            assertProblem(response, 401, "/problems/unauthenticated");
            assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
        }
    }

    /**
     * Forged tokens ended as 401s that nobody could see (finding 29.4): each refusal is on the trail as part of a
     * counted fact per period, reason and client address, written by a timer without a further request (the test
     * stack's period is two seconds, production's a minute).
     */
    @Test
    void a_forged_token_is_refused_and_on_the_trail_as_a_counted_fact_with_its_reason_and_address() {
        String[] parts = allowedToken().split("\\.");
        String algNone = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "." + parts[1] + ".";

        assertProblem(http().get(ping(), algNone), 401, "/problems/unauthenticated");
        for (int i = 0; i < 3; i++) {
            assertProblem(http().get(ping(), TestJwts.builder().roles(allowedRole).expired().build()), 401,
                    "/problems/unauthenticated");
        }

        var refusals = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(70))
                .until(this::refusedTokenFacts, facts -> facts.stream()
                        .filter(r -> r.path("resourceType").asString().equals("expired"))
                        .mapToLong(r -> r.path("count").asLong()).sum() >= 3);
        assertThat(refusals).extracting(r -> r.path("resourceId").asString()).contains("127.0.0.1");
        assertThat(refusals).extracting(r -> r.path("outcome").asString()).containsOnly("401");
        assertThat(refusals).as("one record per period, reason and address")
                .extracting(r -> r.path("at").asString() + r.path("resourceType").asString()
                        + r.path("resourceId").asString())
                .doesNotHaveDuplicates();
    }

    /**
     * Finding 29.7: login-free writes are limited at the gateway, so one straight to the service's port is refused
     * before validation (403 through-gateway-only, counted on the trail); the gateway's mark lets it through.
     */
    @Test
    void a_login_free_write_straight_to_the_service_is_refused_unless_the_gateway_passed_it_on() {
        var paths = context.getBean(cn.minzheng.platform.ServiceProperties.class).publicWritePaths();
        org.junit.jupiter.api.Assumptions.assumeFalse(paths.isEmpty(), "this service takes no login-free writes");
        for (String path : paths) {
            String url = "/api/" + service + path.replace("*", "none-such");

            assertProblem(http().postJson(url, null, "{}"), 403, "/problems/through-gateway-only");
            assertThat(http().asGateway().postJson(url, null, "{}").status()).as(url).isNotIn(401, 403);
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(70)).until(this::refusedTokenFacts,
                facts -> facts.stream().anyMatch(r -> r.path("resourceType").asString().equals("not-through-gateway")
                        && r.path("resourceId").asString().equals("127.0.0.1")));
    }

    private java.util.List<tools.jackson.databind.JsonNode> refusedTokenFacts() {
        var trail = http().get("/api/" + service + "/audit?size=200&actor=(unauthenticated)", auditorToken()).json();
        return trail.path("items").valueStream()
                .filter(r -> r.path("action").asString().equals("REFUSED_UNAUTHENTICATED")).toList();
    }

    @Test
    void a_role_outside_this_service_gets_403_problem() {
        var response = http().get(ping(), TestJwts.token("someone", "320404", deniedRole));

        assertProblem(response, 403, "/problems/forbidden");
    }

    @Test
    void malformed_json_gets_400_problem() {
        var response = http().postJson(ping(), allowedToken(), "{\"message\": ");

        assertProblem(response, 400, "/problems/malformed-body");
    }

    @Test
    void a_body_that_is_not_json_gets_415_problem() {
        var response = http().post(ping(), allowedToken(), "text/plain", "hello");

        assertProblem(response, 415, "/problems/unsupported-media-type");
    }

    @Test
    void unknown_fields_are_refused_and_named() {
        var response = http().postJson(ping(), allowedToken(), "{\"message\":\"hi\",\"status\":\"APPROVED\"}");

        assertProblem(response, 400, "/problems/unknown-field");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("status");
    }

    @Test
    void invalid_fields_are_listed_with_their_reason() {
        var response = http().postJson(ping(), allowedToken(), "{\"message\":\"   \"}");

        assertProblem(response, 400, "/problems/invalid-request");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("message");
        assertThat(response.json().path("errors").get(0).path("message").asString()).isNotBlank();
    }

    @Test
    void problems_speak_chinese_unless_the_caller_prefers_english() {
        var chinese = http().send(http().request(ping(), null).GET());
        var english = http().send(http().request(ping(), null).header("Accept-Language", "en-US,en;q=0.9").GET());
        var invalidZh = http().postJson(ping(), allowedToken(), "{\"message\":\"\"}");

        assertThat(chinese.json().path("title").asString()).isEqualTo("未认证");
        assertThat(english.json().path("title").asString()).isEqualTo("Unauthenticated");
        assertThat(invalidZh.json().path("title").asString()).isEqualTo("请求无效");
        assertThat(invalidZh.json().path("errors").get(0).path("message").asString()).isEqualTo("不能为空");
    }

    @Test
    void a_valid_body_is_echoed() {
        var response = http().postJson(ping(), allowedToken(), "{\"message\":\"你好\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("echo").asString()).isEqualTo("你好");
    }

    @Test
    void an_unknown_path_gets_404_problem() {
        var response = http().get("/api/" + service + "/no-such-thing", allowedToken());

        assertProblem(response, 404, "/problems/not-found");
    }

    @Test
    void a_request_id_is_kept_from_the_gateway_or_made() {
        var kept = http().send(http().request(ping(), allowedToken()).header("X-Request-Id", "req-12345678").GET());
        var made = http().get(ping(), allowedToken());

        assertThat(kept.header("X-Request-Id")).isEqualTo("req-12345678");
        assertThat(kept.json().path("requestId").asString()).isEqualTo("req-12345678");
        assertThat(made.header("X-Request-Id")).hasSizeGreaterThanOrEqualTo(8);
    }

    /** Probes read the status without a login; what it is made of is for the monitoring role only. */
    @Test
    void readiness_covers_mongodb_and_kafka() {
        String monitoring = TestJwts.token("service-account-metrics-scraper", "320000", "monitoring");
        var response = http().get("/actuator/health/readiness", monitoring);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asString()).isEqualTo("UP");
        assertThat(response.json().path("components").propertyNames()).contains("mongo", "kafka");
        for (String probe : new String[] {"/actuator/health/readiness", "/actuator/health/liveness", "/actuator/health"}) {
            var anonymous = http().get(probe, null);
            assertThat(anonymous.status()).as(probe).isEqualTo(200);
            assertThat(anonymous.json().path("status").asString()).as(probe).isEqualTo("UP");
            assertThat(anonymous.json().has("components")).as(probe + " names no component").isFalse();
        }
    }

    /** The actuator's index lists what a service exposes: the monitoring role only. */
    @Test
    void the_actuator_index_is_for_the_monitoring_role_only() {
        assertProblem(http().get("/actuator", null), 401, "/problems/unauthenticated");
        assertProblem(http().get("/actuator", allowedToken()), 403, "/problems/forbidden");
        assertThat(http().get("/actuator", TestJwts.token("service-account-metrics-scraper", "320000", "monitoring"))
                .status()).isEqualTo(200);
    }

    /** Metrics were open without a token, naming the store, collections and exception classes. */
    @Test
    void metrics_are_published_to_the_scraper_only() {
        var response = http().get("/actuator/prometheus", TestJwts.token("service-account-metrics-scraper", "320000",
                "monitoring"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
        assertProblem(http().get("/actuator/prometheus", null), 401, "/problems/unauthenticated");
        assertProblem(http().get("/actuator/prometheus", allowedToken()), 403, "/problems/forbidden");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void log_lines_of_the_running_service_never_carry_a_full_id_number(CapturedOutput output) {
        LoggerFactory.getLogger(getClass()).info("household member 11010519491231002X, mobile 13812345678");

        assertThat(output.getAll()).contains("110105********002X", "138****5678")
                .doesNotContain("11010519491231002X", "13812345678");
    }

    @Test
    void the_openapi_document_is_public() {
        var response = http().get("/api/" + service + "/v3/api-docs", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("paths").has("/api/" + service + "/ping")).isTrue();
    }

    /** Every operation summarised in Chinese and English, tagged, with problem responses and body examples. */
    @Test
    void every_operation_is_documented_for_an_integrator() {
        var document = http().get("/api/" + service + "/v3/api-docs", null).json();

        assertThat(ApiDocuments.shortcomings(document)).isEmpty();
        assertThat(document.path("components").path("securitySchemes").path("keycloak").path("flows")
                .path("authorizationCode").path("authorizationUrl").asString()).endsWith("/protocol/openid-connect/auth");
        assertThat(document.path("info").path("license").path("name").asString()).isNotBlank();
    }

    /** The public contract: every endpoint the module's README lists is in the document. */
    @Test
    void every_endpoint_of_the_readme_is_in_the_document() {
        var document = http().get("/api/" + service + "/v3/api-docs", null).json();

        assertThat(ApiDocuments.documentEndpoints(document))
                .containsAll(ApiDocuments.readmeEndpoints(java.nio.file.Path.of("README.md"), service));
    }

    /**
     * The committed document ({@code <module>/openapi.json}) is the live one, so that a change to the API is always
     * a visible diff. After an intended change: {@code ./mvnw -pl <module> verify -Dminzheng.openapi.write=true}.
     */
    @Test
    void the_committed_openapi_document_is_the_live_one() {
        String live = ApiDocuments.canonical(http().get("/api/" + service + "/v3/api-docs", null).json());
        if (ApiDocuments.rewriting()) {
            ApiDocuments.write(ApiDocuments.COMMITTED, live);
        }
        assertThat(ApiDocuments.COMMITTED).as("run with -D" + ApiDocuments.WRITE + "=true after a change to the API")
                .exists();
        assertThat(ApiDocuments.read(ApiDocuments.COMMITTED))
                .as("the live document differs from the committed openapi.json; run with -D" + ApiDocuments.WRITE
                        + "=true after an intended change to the API, and review the diff")
                .isEqualTo(live);
    }

    @Test
    void an_officer_acts_inside_their_division_only_and_an_attempt_outside_is_audited() {
        String township = TestJwts.token("officer-a", "320404001", allowedRole);
        String county = TestJwts.token("county-a", "320404", allowedRole);

        assertThat(http().get(ping() + "/divisions/320404001007", township).status()).isEqualTo(200);
        assertThat(http().get(ping() + "/divisions/320404002003", county).status()).isEqualTo(200);
        var outside = http().get(ping() + "/divisions/320404002003", township);

        assertProblem(outside, 403, "/problems/outside-division");
        var denials = http().get("/api/" + service + "/audit?actor=officer-a&size=200", auditorToken()).json();
        assertThat(denials.path("items").valueStream().map(r -> r.path("action").asString()).toList())
                .contains("OUTSIDE_DIVISION");
    }

    /** Paging words no Java type, and a page beyond the last allowed one is refused rather than wrapped to 0. */
    @Test
    void bad_paging_is_a_400_naming_the_parameter_in_the_callers_words() {
        var notANumber = http().get("/api/" + service + "/audit?size=abc", auditorToken());
        assertProblem(notANumber, 400, "/problems/invalid-request");
        assertThat(notANumber.json().path("errors").get(0).path("field").asString()).isEqualTo("size");
        assertThat(notANumber.body()).doesNotContain("java.", "Integer", "convert");

        var beyond = http().get("/api/" + service + "/audit?size=200&page=10737419", auditorToken());
        assertProblem(beyond, 400, "/problems/invalid-request");
        assertThat(beyond.json().path("errors").get(0).path("field").asString()).isEqualTo("page");
    }

    /** Year -999,999,999 overflowed date arithmetic and the store: a 500 before the platform bounded dates. */
    @Test
    void extreme_dates_are_a_400_naming_the_parameter_never_a_500() {
        for (String query : new String[] {"from=-999999999-01-01T00:00:00Z", "to=%2B999999999-12-31T00:00:00Z",
                "from=1899-12-31T23:59:59Z"}) {
            var response = http().get("/api/" + service + "/audit?" + query, auditorToken());
            assertProblem(response, 400, "/problems/date-out-of-range");
            assertThat(response.json().path("errors").get(0).path("field").asString())
                    .isEqualTo(query.substring(0, query.indexOf('=')));
            assertThat(response.json().path("detail").asString()).contains("1900-01-01", "2199-12-31");
        }
        assertThat(http().get("/api/" + service + "/audit?from=2026-01-01T00:00:00Z", auditorToken()).status())
                .isEqualTo(200);
    }

    /** A 2 MB body sent to the service's own port was read whole; only the gateway had a limit. */
    @Test
    void a_body_over_the_limit_is_413_declared_or_chunked() {
        String big = "{\"message\":\"" + "x".repeat(1536 * 1024) + "\"}";
        assertProblem(http().postJson(ping(), allowedToken(), big), 413, "/problems/payload-too-large");

        var chunked = http().request(ping(), allowedToken()).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertProblem(http().send(chunked), 413, "/problems/payload-too-large");
    }

    /**
     * An operator who set only PERSONAL_DATA_KEY_ID ran production on the keys committed in the repository, and
     * demo data still loaded under prod. The service now refuses to start, naming every development value.
     */
    @Test
    void under_prod_the_service_refuses_to_start_with_development_values_naming_each() {
        Class<?> application = org.springframework.util.ClassUtils.getUserClass(context
                .getBeansWithAnnotation(org.springframework.boot.autoconfigure.SpringBootApplication.class).values()
                .iterator().next());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            try (var started = new org.springframework.boot.builder.SpringApplicationBuilder(application)
                    .profiles("prod").run("--server.port=0", "--minzheng.personal-data.active-key-id=prod-2027",
                            "--minzheng.ping.echo=true", "--minzheng." + service + ".demo-data=true")) {
                assertThat(started).as("started under prod with development values").isNull();
            }
        }).hasStackTraceContaining("PERSONAL_DATA_KEY is the development key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("PERSONAL_DATA_KEY_ID"))
                .hasStackTraceContaining("PERSONAL_DATA_INDEX_KEY is the development key")
                .hasStackTraceContaining("MINZHENG_PING_ECHO")
                .hasStackTraceContaining(service.toUpperCase(java.util.Locale.ROOT) + "_DEMO_DATA")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(
                        cn.minzheng.platform.personal.PersonalDataProperties.DEV_ACTIVE_KEY));
    }

    /**
     * Hostile inputs for every operation of the live OpenAPI document (wrong types, extreme dates and numbers,
     * operator injection, long text, control characters, duplicate keys, wrong content types, bad paging): never a
     * 5xx, always problem+json, no class names or store messages, no full ID number. Fixed seed; a larger run with
     * {@code -Dminzheng.fuzz.cases=<per operation>} (and {@code -Dminzheng.fuzz.seed=}).
     */
    @Test
    void hostile_inputs_for_every_operation_get_a_clear_4xx_and_leak_nothing() {
        String document = http().get("/api/" + service + "/v3/api-docs", null).body();
        long seed = Long.getLong("minzheng.fuzz.seed", 20261203L);
        int perOperation = Integer.getInteger("minzheng.fuzz.cases", 40);

        long deniedBefore = deniedToFuzzers();
        var totals = new SchemaFuzzing(http(), document, seed, perOperation).run(this::fuzzToken);

        LoggerFactory.getLogger(getClass()).info("{} fuzz (seed {}): {}", service, seed, totals);
        assertThat(totals.failures()).as(totals.toString()).isEmpty();
        assertThat(totals.serverErrors()).isZero();
        assertThat(totals.requests()).isGreaterThan(50);
        // Every 403 the fuzzers caused is on the trail, once (a refusal the audit misses hides an attack).
        assertThat(deniedToFuzzers() - deniedBefore).as("403s audited").isEqualTo((long) totals.statuses()
                .getOrDefault(403, 0));
    }

    /** Refusals audited for the fuzzers, read by actor (the trail's index); 404s for another's record left out. */
    private long deniedToFuzzers() {
        return java.util.stream.Stream.of("fuzzer", "fuzz-citizen").mapToLong(actor -> mongo.find(
                new Query(Criteria.where("actor").is(actor)), Document.class, "audit").stream()
                .filter(r -> "DENIED".equals(r.getString("outcome")) && !"NOT_OWN_RECORD".equals(r.getString("action")))
                .count()).sum();
    }

    /** A caller the operation admits, in a division no other test uses, so nothing it creates disturbs them. */
    private String fuzzToken(String path, java.util.List<String> roles) {
        if (path.contains("/me/")) {
            return TestJwts.builder().user("fuzz-citizen").division("320999001").roles("citizen")
                    .idNumber("11010519491231002X").build();
        }
        String role = path.contains("/audit") ? "auditor" : roles.isEmpty() ? allowedRole : roles.get(0);
        return TestJwts.token("fuzzer", "320999", role);
    }

    /** Tomcat answered what it refused itself (a bad character in the URL, huge headers) with an HTML page. */
    @Test
    void requests_tomcat_refuses_itself_get_problem_json_not_html() throws Exception {
        String badUrl = "GET " + ping() + "?a=<b>|{} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        String hugeHeader = "GET " + ping() + " HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(40_000)
                + "\r\nConnection: close\r\n\r\n";
        for (String raw : new String[] {badUrl, hugeHeader}) {
            String answer = rawExchange(raw);
            assertThat(answer).startsWith("HTTP/1.1 4").containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("\"status\":4").doesNotContain("<html", "Tomcat");
        }
    }

    private String rawExchange(String request) throws java.io.IOException {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** NUL, an RTL override and a duplicate key were accepted in bodies (the last key silently winning). */
    @Test
    void control_characters_and_duplicate_keys_in_a_body_are_refused_naming_the_field() {
        for (String text : new String[] {"a\\u0000b", "\\u202Egnp.exe", "bell\\u0007"}) {
            var response = http().postJson(ping(), allowedToken(), "{\"message\":\"" + text + "\"}");
            assertProblem(response, 400, "/problems/text-control-character");
            assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("message");
        }
        var duplicate = http().postJson(ping(), allowedToken(), "{\"message\":\"a\",\"message\":\"b\"}");
        assertProblem(duplicate, 400, "/problems/duplicate-key");
        assertThat(duplicate.json().path("errors").get(0).path("field").asString()).isEqualTo("message");
        assertThat(http().postJson(ping(), allowedToken(), "{\"message\":\"第一行\\n第二行\"}").status())
                .isEqualTo(200);
    }

    /**
     * For every operation with a body and a role rule ({@code x-roles}): a caller without the role gets 403 for an
     * empty body, not a 400 that lists the fields it needs (the role was checked after validation before).
     */
    @Test
    void a_wrong_role_is_refused_before_the_body_is_validated() {
        var document = http().get("/api/" + service + "/v3/api-docs", null).json();
        int checked = 0;
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                var roles = operation.getValue().path("x-roles").valueStream().map(r -> r.asString()).toList();
                if (roles.isEmpty() || operation.getValue().path("requestBody").isMissingNode()) {
                    continue;
                }
                String outsider = java.util.stream.Stream.of("citizen", "auditor", allowedRole, deniedRole)
                        .filter(role -> !roles.contains(role)).findFirst().orElseThrow();
                String url = path.getKey().replaceAll("\\{[^}]+}", "x1");
                var request = http().request(url, TestJwts.token("outsider", "320404001", outsider))
                        .header("Content-Type", "application/json")
                        .method(operation.getKey().toUpperCase(java.util.Locale.ROOT),
                                java.net.http.HttpRequest.BodyPublishers.ofString("{}"));
                var response = http().send(request);
                assertThat(response.status()).as(operation.getKey() + " " + url + " as " + outsider).isEqualTo(403);
                checked++;
            }
        }
        LoggerFactory.getLogger(getClass()).info("{}: {} operations refused a wrong role before validating the body",
                service, checked);
    }

    /**
     * Generated from the document (see {@link ForeignAccess}): a record made by one county is a 403 to another
     * county's officer, for every read and every write (which changes nothing), audited; a citizen's record is a
     * 404 to another citizen.
     */
    @Test
    void another_countys_officer_gets_403_audited_and_another_citizen_404_for_every_record_read() {
        String trespasser = "trespasser-" + System.nanoTime();
        var totals = new ForeignAccess(http(), http().get("/api/" + service + "/v3/api-docs", null).body(), trespasser)
                .run();

        LoggerFactory.getLogger(getClass()).info("{} foreign access: {}", service, totals);
        assertThat(totals.failures()).as(totals.toString()).isEmpty();
        var trail = http().get("/api/" + service + "/audit?size=200&actor=" + trespasser,
                TestJwts.token("auditor-province", "320000", "auditor")).json();
        assertThat(trail.path("items").valueStream().filter(r -> r.path("action").asString()
                .equals("OUTSIDE_DIVISION")).count())
                .isEqualTo(totals.outsideDivision());
    }

    /**
     * A record asked for by an id that is no id of ours (bidi override, control characters, markup) is refused
     * without echoing it: no control or bidi character and none of its words reach the caller, on every read by id
     * the document lists.
     */
    @Test
    void an_id_that_fails_its_format_is_never_echoed() throws Exception {
        String document = http().get("/api/" + service + "/v3/api-docs", null).body();
        var paths = tools.jackson.databind.json.JsonMapper.builder().build().readTree(document).path("paths");
        String hostile = java.net.URLEncoder.encode("evil\u202Egnp.exe\u0007<b>", java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        int asked = 0;
        for (String path : paths.propertyNames()) {
            if (!paths.path(path).has("get") || !path.matches(".*/\\{[^/}]+}") || path.contains("/dev/")) {
                continue;
            }
            String url = path.replaceAll("\\{[^/}]+}$", hostile).replaceAll("\\{[^/}]+}", "x");
            var response = http().get(url, allowedToken());
            asked++;
            assertThat(response.status()).as(url).isBetween(400, 499);
            assertThat(response.body()).as(url).doesNotContain("\u202E", "\u0007", "<b>");
            assertThat(response.json().path("detail").asString() + response.json().path("errors")).as(url)
                    .doesNotContain("evil", "gnp");
        }
        assertThat(asked).as("reads by id in the document").isPositive();
    }

    @Test
    void a_malformed_division_code_in_a_path_is_a_400_naming_it() {
        var response = http().get(ping() + "/divisions/32040400", allowedToken());

        assertProblem(response, 400, "/problems/invalid-division-code");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("division");
    }

    @Test
    void every_state_changing_request_is_on_a_verifiable_hash_chained_trail() {
        String token = TestJwts.token("writer-" + System.nanoTime(), "320404001", allowedRole);
        String actor = userOf(token);
        http().postJson(ping(), token, "{\"message\":\"audited\"}");

        var page = http().get("/api/" + service + "/audit?actor=" + actor, auditorToken());

        assertThat(page.status()).isEqualTo(200);
        var record = page.json().path("items").get(0);
        assertThat(record.path("action").asString()).isEqualTo("POST /api/" + service + "/ping");
        assertThat(record.path("outcome").asString()).isEqualTo("200");
        assertThat(record.path("division").asString()).isEqualTo("320404001");
        assertThat(page.json().path("page").path("totalElements").asLong()).isEqualTo(1);
        assertThat(http().get("/api/" + service + "/audit/verification", auditorToken()).json()
                .path("intact").asBoolean()).isTrue();
    }

    @Test
    void concurrent_writers_extend_one_unbroken_chain() throws Exception {
        String token = TestJwts.token("racer-" + System.nanoTime(), "320404001", allowedRole);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var calls = java.util.stream.IntStream.range(0, 24).mapToObj(i -> pool.submit(
                    () -> http().postJson(ping(), token, "{\"message\":\"race " + i + "\"}").status())).toList();
            for (var call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }
        }

        var page = http().get("/api/" + service + "/audit?size=1&actor=" + userOf(token), auditorToken()).json();
        assertThat(page.path("page").path("totalElements").asLong()).isEqualTo(24);
        assertThat(http().get("/api/" + service + "/audit/verification", auditorToken()).json()
                .path("intact").asBoolean()).isTrue();
    }

    @Test
    void changing_or_removing_an_audit_record_is_found_by_verification() {
        http().postJson(ping(), allowedToken(), "{\"message\":\"first\"}");
        http().postJson(ping(), allowedToken(), "{\"message\":\"second\"}");
        var head = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1), Document.class,
                "audit");
        long tampered = head.get("_id", Number.class).longValue() - 1;
        Query tamperedRecord = new Query(Criteria.where("_id").is(tampered));
        String originalActor = mongo.findOne(tamperedRecord, Document.class, "audit").getString("actor");
        try {
            mongo.updateFirst(tamperedRecord, new Update().set("actor", "nobody"), "audit");

            var verification = http().get("/api/" + service + "/audit/verification", auditorToken()).json();

            assertThat(verification.path("intact").asBoolean()).isFalse();
            assertThat(verification.path("firstBroken").asLong()).isEqualTo(tampered);
        } finally {
            // Put the record back, so the chain is whole again for the other tests of this context.
            mongo.updateFirst(tamperedRecord, new Update().set("actor", originalActor), "audit");
        }
    }

    @Test
    void only_auditors_read_the_trail_and_only_citizens_their_own_data_usage() {
        assertProblem(http().get("/api/" + service + "/audit", allowedToken()), 403, "/problems/forbidden");
        var usage = http().get("/api/" + service + "/me/data-usage", TestJwts.builder().user("citizen-1")
                .roles("citizen").idNumber("11010519491231002X").build());
        // Every service answers /me/data-usage (API.md), even one citizens otherwise do not call.
        assertThat(usage.status()).isEqualTo(200);
        assertThat(usage.json().path("items").isArray()).isTrue();
        assertProblem(http().get("/api/" + service + "/me/data-usage", allowedToken()), 403, "/problems/forbidden");
    }

    private static String auditorToken() {
        return TestJwts.token("auditor-1", "320404", "auditor");
    }

    private static String userOf(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return payload.replaceAll(".*\"preferred_username\":\"([^\"]+)\".*", "$1");
    }


    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"realm_access\"", "\"realm_accesz\"");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
    }
}
