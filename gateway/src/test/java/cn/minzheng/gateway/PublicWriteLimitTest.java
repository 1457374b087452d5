package cn.minzheng.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Citizens reach the gateway through the portal, all from the portal's address: with the portal's key, the limits
 * count the citizen the portal names in {@code X-Forwarded-For}; without it, the header is nobody's word and the
 * sender is counted by its own address. The key never travels on to a service.
 */
class PublicWriteLimitTest {

    static final String PATH = "/api/assistance/public-notices/app-1/objections";

    final PublicWriteLimit limit = new PublicWriteLimit(List.of("/api/assistance/public-notices/*/objections"), 5,
            List.of(), 10, "gateway-key", "portal-key",
            Clock.fixed(Instant.parse("2027-01-05T02:00:10Z"), ZoneOffset.UTC));
    final List<ServerWebExchange> passedOn = new ArrayList<>();

    @Test
    void each_citizen_the_portal_names_has_their_own_limit() {
        for (int citizen = 0; citizen < 8; citizen++) {
            assertThat(send("portal-key", "198.51.100." + citizen)).as("citizen " + citizen).isNull();
        }
        for (int i = 0; i < 5; i++) {
            assertThat(send("portal-key", "198.51.100.9")).isNull();
        }
        assertThat(send("portal-key", "198.51.100.9")).as("the sixth of one citizen")
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(passedOn).allSatisfy(exchange -> {
            assertThat(exchange.getRequest().getHeaders().getFirst(PublicWriteLimit.PORTAL)).isNull();
            assertThat(exchange.getRequest().getHeaders().getFirst(PublicWriteLimit.MARK)).isEqualTo("gateway-key");
        });
    }

    @Test
    void without_the_portals_key_a_forwarded_address_is_ignored() {
        for (int i = 0; i < 5; i++) {
            assertThat(send("guessed", "203.0.113." + i)).isNull();
        }
        assertThat(send(null, "203.0.113.99")).as("every forged address was the sender's own")
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    /** One login-free objection from 10.0.0.7 (the portal's address); null when let through, else the refusal. */
    private HttpStatus send(String portalKey, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post(PATH)
                .remoteAddress(new InetSocketAddress("10.0.0.7", 40000)).header("X-Forwarded-For", forwardedFor);
        if (portalKey != null) {
            request.header(PublicWriteLimit.PORTAL, portalKey);
        }
        MockServerWebExchange exchange = MockServerWebExchange.from(request.build());
        int before = passedOn.size();
        limit.filter(exchange, passed -> {
            passedOn.add(passed);
            return Mono.empty();
        }).block();
        return passedOn.size() > before ? null : HttpStatus.resolve(exchange.getResponse().getStatusCode().value());
    }
}
