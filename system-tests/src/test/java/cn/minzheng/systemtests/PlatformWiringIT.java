package cn.minzheng.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;

import cn.minzheng.devstack.Deployable;
import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ProblemAssertions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The foundation, proven through the gateway with real Keycloak tokens on the real broker and store: every
 * service knows who calls, the gateway and services refuse bad tokens and wrong roles, bad input is a problem,
 * and a stopped service is a quick 503.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformWiringIT extends ThroughTheGateway {

    static Stream<Arguments> serviceCallers() {
        return Stream.of(
                Arguments.of("assistance", "zl-officer-1", "township-officer", "320404001"),
                Arguments.of("assistance", "jt-approver", "county-approver", "320413"),
                Arguments.of("eldercare", "eldercare-officer", "eldercare-officer", "320404"),
                Arguments.of("orgs", "orgs-officer", "orgs-officer", "320404"),
                Arguments.of("funeral", "funeral-home-operator", "funeral-home-operator", "320404"),
                Arguments.of("registry", "registrar", "registrar", "320404"),
                Arguments.of("registry", "citizen", "citizen", "320404001001"));
    }

    @Order(1)
    @ParameterizedTest(name = "{0} answers {1} as {2} of {3}")
    @MethodSource("serviceCallers")
    void each_service_knows_who_is_calling(String service, String user, String role, String division) {
        var response = gateway.get("/api/" + service + "/ping", tokens.user(user));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("service").asString()).isEqualTo(service);
        assertThat(response.json().path("user").asString()).isEqualTo(user);
        assertThat(response.json().path("roles").valueStream().map(r -> r.asString()).toList()).contains(role);
        assertThat(response.json().path("division").asString()).isEqualTo(division);
    }

    @Order(2)
    @Test
    void the_provincial_platform_calls_with_client_credentials() {
        var response = gateway.get("/api/funeral/ping", tokens.integrationClient());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("roles").valueStream().map(r -> r.asString()).toList())
                .contains("integration");
    }

    @Order(3)
    @Test
    void no_token_and_a_tampered_token_get_401_problem() {
        String token = tokens.user("zl-officer-1");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("320404001", "320404002");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];

        for (String bad : new String[] {null, tampered, "not-a-jwt"}) {
            var response = gateway.get("/api/assistance/ping", bad);
            assertTracedProblem(response, 401, "/problems/unauthenticated");
        }
    }

    @Order(4)
    @Test
    void a_user_without_the_services_role_gets_403_problem() {
        var response = gateway.get("/api/assistance/ping", tokens.user("registrar"));

        assertTracedProblem(response, 403, "/problems/forbidden");
    }

    @Order(5)
    @Test
    void bad_input_is_a_problem_never_a_stack_trace() {
        String token = tokens.user("zl-officer-1");

        assertTracedProblem(gateway.postJson("/api/assistance/ping", token, "{\"message\":"), 400, "/problems/malformed-body");
        assertTracedProblem(gateway.post("/api/assistance/ping", token, "text/plain", "hi"), 415,
                "/problems/unsupported-media-type");
        assertTracedProblem(gateway.postJson("/api/assistance/ping", token, "{\"message\":\"hi\",\"amount\":1}"), 400,
                "/problems/unknown-field");
        assertTracedProblem(gateway.postJson("/api/assistance/ping", token, "{\"message\":\"" + "x".repeat(1_100_000) + "\"}"),
                413, "/problems/payload-too-large");
        assertTracedProblem(gateway.get("/api/nowhere", token), 404, "/problems/not-found");
        assertTracedProblem(gateway.get("/api/assistance/nothing-here", token), 404, "/problems/not-found");
    }

    @Order(6)
    @Test
    void swagger_ui_and_every_services_openapi_document_are_served_by_the_gateway() {
        assertThat(gateway.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
        for (Deployable service : Deployable.SERVICES) {
            var doc = gateway.get("/api/" + service.id() + "/v3/api-docs", null);
            assertThat(doc.status()).isEqualTo(200);
            // Relative: Swagger UI and clients call the gateway the document was read from, whatever its host.
            assertThat(doc.json().path("servers").get(0).path("url").asString()).isEqualTo("/");
            assertThat(doc.json().path("components").path("securitySchemes").path("keycloak").path("flows")
                    .path("authorizationCode").path("authorizationUrl").asString())
                    .isEqualTo(stack.issuer() + "/protocol/openid-connect/auth");
        }
    }

    @Order(7)
    @Test
    void division_scoping_follows_the_keycloak_division_claim_and_refusals_are_audited() {
        assertThat(gateway.get("/api/assistance/ping/divisions/320404001007", tokens.user("zl-officer-1")).status())
                .isEqualTo(200);
        assertThat(gateway.get("/api/assistance/ping/divisions/320404002003", tokens.user("zl-approver")).status())
                .isEqualTo(200);
        assertTracedProblem(gateway.get("/api/assistance/ping/divisions/320404002003", tokens.user("zl-officer-1")), 403,
                "/problems/outside-division");
        assertTracedProblem(gateway.get("/api/assistance/ping/divisions/320413100", tokens.user("zl-approver")), 403,
                "/problems/outside-division");

        String auditor = tokens.user("auditor");
        // The trail is oldest first and other system tests act as this user too (the fuzz sample): read its end.
        long total = gateway.get("/api/assistance/audit?actor=zl-officer-1&size=1", auditor).json().path("page")
                .path("totalElements").asLong();
        var trail = gateway.get("/api/assistance/audit?actor=zl-officer-1&size=20&page=" + Math.max(0, (total - 1) / 20),
                auditor);
        assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
        assertThat(trail.json().path("items").valueStream().map(r -> r.path("action").asString()).toList())
                .contains("OUTSIDE_DIVISION");
        assertThat(gateway.get("/api/assistance/audit/verification", auditor).json().path("intact").asBoolean())
                .isTrue();
    }

    /** Keycloak issues a one-second token here; services and the gateway allow 60 s of clock skew, then refuse it. */
    @Order(90)
    @Test
    void an_expired_token_gets_401() {
        String shortLived = shortLivedToken("zl-officer-1");
        assertThat(gateway.get("/api/assistance/ping", shortLived).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> gateway.get("/api/assistance/ping", shortLived).status() == 401);
        assertTracedProblem(gateway.get("/api/assistance/ping", shortLived), 401, "/problems/unauthenticated");
    }

    @Order(100)
    @Test
    void a_stopped_service_is_a_503_problem_within_two_seconds() {
        stack.stop(Deployable.ELDERCARE);
        try {
            String token = tokens.user("eldercare-officer");

            for (int call = 0; call < 3; call++) {
                Instant start = Instant.now();
                var response = gateway.get("/api/eldercare/ping", token);
                assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(2));
                assertTracedProblem(response, 503, "/problems/service-unavailable");
            }
            assertThat(gateway.get("/api/registry/ping", tokens.user("registrar")).status()).isEqualTo(200);
        } finally {
            // The platform is shared by every system test (whatever order they run in): leave it as found.
            stack.restart(Deployable.ELDERCARE);
        }
    }

    private String shortLivedToken(String user) {
        KeycloakAdmin admin = new KeycloakAdmin(tokens);
        admin.setRealmAccessTokenLifespan(1);
        try {
            return tokens.user(user);
        } finally {
            admin.setRealmAccessTokenLifespan(900);
        }
    }


    /** A problem through the gateway also names the request, so a citizen's complaint finds its log lines. */
    static void assertTracedProblem(HttpCalls.Response response, int status, String type) {
        ProblemAssertions.assertProblem(response, status, type);
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }
}
