package cn.minzheng.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

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

/** A service already serving its limit of concurrent calls: the next caller is told "busy, retry" (429), not 503. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "GATEWAY_MAX_CONCURRENT_CALLS_PER_SERVICE=2")
@ContextConfiguration(initializers = JwtTestInitializer.class)
class GatewayBusyServiceTest {

    private static final StubService ASSISTANCE = new StubService();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("ASSISTANCE_URL", ASSISTANCE::url);
    }

    @AfterAll
    static void stopStub() {
        ASSISTANCE.close();
    }

    @Test
    void only_paths_of_a_routed_service_are_counted() {
        assertThat(AdmissionLimit.service("/api/assistance/households/hh-1")).isEqualTo("assistance");
        assertThat(AdmissionLimit.service("/api/registry")).isEqualTo("registry");
        assertThat(AdmissionLimit.service("/actuator/health")).isNull();
        assertThat(AdmissionLimit.service("/swagger-ui.html")).isNull();
    }

    @Test
    void a_call_beyond_the_limit_is_a_429_problem_with_retry_after_and_the_held_calls_still_complete() {
        HttpCalls http = new HttpCalls("http://127.0.0.1:" + port);
        String token = TestJwts.token("zl-officer-1", "320404001", "township-officer");
        List<CompletableFuture<HttpCalls.Response>> held = IntStream.range(0, 2)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> http.get("/api/assistance/hold", token)))
                .toList();
        await().atMost(Duration.ofSeconds(10)).until(() -> ASSISTANCE.held.get() == 2);

        // more refusals than the circuit breaker's minimum number of calls: busy must not count as failing
        List<HttpCalls.Response> shed = IntStream.range(0, 15).mapToObj(i -> http.get("/api/assistance/ping", token))
                .toList();

        assertThat(shed).allSatisfy(response -> {
            assertThat(response.status()).as(response.toString()).isEqualTo(429);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("type").asString()).isEqualTo("/problems/too-many-requests");
            assertThat(response.header("Retry-After")).isEqualTo("1");
        });
        // shed at the door, before the token is even looked at: the refusal costs next to nothing
        assertThat(http.get("/api/assistance/ping", null).status()).isEqualTo(429);
        assertThat(http.get("/api/registry/offices", null).status()).as("other services are not affected")
                .isNotEqualTo(429);
        ASSISTANCE.release.countDown();
        assertThat(held).allSatisfy(call -> assertThat(call.join().status()).isEqualTo(200));
        var after = http.get("/api/assistance/ping", token);
        assertThat(after.status()).as("the circuit stayed closed: " + after).isEqualTo(200);
    }
}
