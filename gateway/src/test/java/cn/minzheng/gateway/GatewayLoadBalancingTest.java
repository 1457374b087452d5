package cn.minzheng.gateway;

import static org.assertj.core.api.Assertions.assertThat;

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

/** A service run as two instances (lb:// and a listed pair): calls through the gateway are shared between them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = JwtTestInitializer.class)
class GatewayLoadBalancingTest {

    private static final StubService FIRST = new StubService();
    private static final StubService SECOND = new StubService();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("REGISTRY_URL", () -> "lb://registry");
        registry.add("spring.cloud.discovery.client.simple.instances.registry[0].uri", FIRST::url);
        registry.add("spring.cloud.discovery.client.simple.instances.registry[1].uri", SECOND::url);
    }

    @AfterAll
    static void stopStubs() {
        FIRST.close();
        SECOND.close();
    }

    @Test
    void calls_alternate_between_the_listed_instances() {
        HttpCalls http = new HttpCalls("http://127.0.0.1:" + port);
        String token = TestJwts.token("registrar-1", "320404", "registrar");

        for (int i = 0; i < 10; i++) {
            var response = http.get("/api/registry/ping", token);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("path").asString()).isEqualTo("/api/registry/ping");
        }

        assertThat(FIRST.calls.get()).isEqualTo(5);
        assertThat(SECOND.calls.get()).isEqualTo(5);
    }
}
