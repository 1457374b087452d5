package cn.minzheng.gateway;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Sheds a rush at the door: at most {@code limit} calls to each service are in flight through the gateway, and the
 * next one is answered 429 with {@code Retry-After} before anything else is spent on it (token check, routing,
 * circuit breaker). In a booking burst of 5,000 attempts, 4,300 are refused; answered after the security chain and
 * a circuit-breaker fallback, each refusal cost the gateway about as much CPU as a proxied call, so the refusals
 * slowed the calls that were let in. It is the gateway's one such limit: the circuit breakers' own bulkheads are off.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after RequestIdFilter, so the refusal carries a request id
class AdmissionLimit implements WebFilter {

    private static final String PREFIX = "/api/";
    /** Seconds a shed caller should wait; a rush drains within seconds. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final int limit;
    /** Per route id, which is the service's name in {@code /api/<service>/}; fixed at start, so never grows. */
    private final Map<String, AtomicInteger> inFlight;

    AdmissionLimit(org.springframework.cloud.gateway.config.GatewayProperties routes, GatewayProperties limits) {
        this.limit = limits.maxConcurrentCallsPerService();
        this.inFlight = routes.getRoutes().stream().map(RouteDefinition::getId)
                .collect(Collectors.toUnmodifiableMap(id -> id, id -> new AtomicInteger()));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String service = service(exchange.getRequest().getPath().value());
        AtomicInteger calls = service == null ? null : inFlight.get(service);
        if (calls == null) {
            return chain.filter(exchange);
        }
        if (calls.incrementAndGet() > limit) {
            calls.decrementAndGet();
            // busy, not down: a rush (a popular marriage date opening) is told to come back in a moment
            exchange.getResponse().getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
            return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                    "The " + service + " service is busy. Please try again in a moment.", service);
        }
        return chain.filter(exchange).doFinally(signal -> calls.decrementAndGet());
    }

    /** {@code assistance} of {@code /api/assistance/households/1}; null for any other path. */
    static String service(String path) {
        if (!path.startsWith(PREFIX)) {
            return null;
        }
        int end = path.indexOf('/', PREFIX.length());
        return end < 0 ? path.substring(PREFIX.length()) : path.substring(PREFIX.length(), end);
    }
}
