package cn.minzheng.gateway;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Downloads of a whole public register ({@code publicExportPaths}, GET) are limited per client address to
 * {@code publicExportsPerMinute} a minute, token or not: each is a full read of a register, so a loop of them is a
 * cheap way to load a service. Login-free writes (an objection from the public notice page, tip-offs) are limited
 * per client address:
 * {@code publicWritesPerMinute} in each clock minute, then 429 with {@code Retry-After} until the minute ends. One
 * instance counts its own clients in memory, which is enough for one gateway; several instances behind a balancer
 * would share the counts in a store with atomic increments (Redis, as Spring Cloud Gateway's RequestRateLimiter
 * does), or the front proxy would limit. Writes with a token are not counted here: they are someone's.
 *
 * <p>A login-free write let through carries the key the gateway shares with the services ({@value #MARK},
 * {@code minzheng.gateway.key}): a service refuses a login-free write without it, so going round the gateway to a
 * service's port does not go round this limit. The mark is removed from every request a client sends.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2) // after the request id and the admission limit
class PublicWriteLimit implements WebFilter {

    /** Beyond this many tracked clients, the counts of past minutes are dropped (a flood of addresses). */
    private static final int TRACKED_CLIENTS = 100_000;

    static final String MARK = "X-Minzheng-Gateway";
    /** The portal's key: with it, the last {@code X-Forwarded-For} entry is the citizen the portal serves. */
    static final String PORTAL = "X-Minzheng-Portal";

    private final List<PathPattern> paths;
    private final int perMinute;
    private final List<PathPattern> exportPaths;
    private final int exportsPerMinute;
    private final String key;
    private final byte[] portalKey;
    private final Clock clock;
    private final Map<String, long[]> counts = new ConcurrentHashMap<>();

    @Autowired
    PublicWriteLimit(GatewayProperties properties) {
        this(properties.publicWritePaths(), properties.publicWritesPerMinute(), properties.publicExportPaths(),
                properties.publicExportsPerMinute(), properties.key(), properties.portalKey(), Clock.systemUTC());
    }

    PublicWriteLimit(List<String> paths, int perMinute, List<String> exportPaths, int exportsPerMinute, String key,
            String portalKey, Clock clock) {
        this.paths = paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.perMinute = perMinute;
        this.exportPaths = exportPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.exportsPerMinute = exportsPerMinute;
        this.key = key;
        this.portalKey = portalKey == null || portalKey.isBlank() ? null
                : portalKey.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String client = client(exchange);
        if (exchange.getRequest().getHeaders().containsHeader(MARK)
                || exchange.getRequest().getHeaders().containsHeader(PORTAL)) {
            exchange = exchange.mutate().request(sent -> sent.headers(headers -> {
                headers.remove(MARK);
                headers.remove(PORTAL);
            })).build();
        }
        var request = exchange.getRequest();
        PathContainer path = PathContainer.parsePath(request.getPath().value());
        if (request.getMethod() == HttpMethod.GET && exportPaths.stream().anyMatch(p -> p.matches(path))) {
            // a whole register per request: a 304 costs the service little, but a loop of full files does not
            Mono<Void> refused = overLimit(exchange, "export " + client, exportsPerMinute,
                    "Too many downloads of the register from this address; try again after the time given.");
            return refused != null ? refused : chain.filter(exchange);
        }
        if (request.getMethod() != HttpMethod.POST || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                || paths.stream().noneMatch(p -> p.matches(path))) {
            return chain.filter(exchange);
        }
        Mono<Void> refused = overLimit(exchange, client, perMinute,
                "Too many submissions without login from this address; try again after the time given.");
        if (refused != null) {
            return refused;
        }
        return chain.filter(key == null || key.isBlank() ? exchange
                : exchange.mutate().request(passed -> passed.headers(headers -> headers.set(MARK, key))).build());
    }

    /** Counts this request; within the limit null, beyond it the 429 that answers it. */
    private Mono<Void> overLimit(ServerWebExchange exchange, String counter, int limit, String detail) {
        long second = clock.millis() / 1000;
        long minute = second / 60;
        if (counted(counter, minute) <= limit) {
            return null;
        }
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(60 - second % 60));
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", detail,
                AdmissionLimit.service(exchange.getRequest().getPath().value()));
    }

    /** This client's submissions in this minute, this one included. */
    private long counted(String client, long minute) {
        if (counts.size() > TRACKED_CLIENTS) {
            counts.values().removeIf(count -> count[0] != minute);
        }
        long[] count = counts.compute(client, (key, old) -> old == null || old[0] != minute
                ? new long[] {minute, 1} : new long[] {minute, old[1] + 1});
        return count[1];
    }

    /**
     * The client's address: the connection's, or for the portal (its key matches, compared in constant time) the
     * last {@code X-Forwarded-For} entry, the address the portal itself saw. Anyone else's header is ignored.
     */
    private String client(ServerWebExchange exchange) {
        var headers = exchange.getRequest().getHeaders();
        String portal = headers.getFirst(PORTAL);
        String forwarded = headers.getFirst("X-Forwarded-For");
        if (portalKey != null && portal != null && forwarded != null && java.security.MessageDigest.isEqual(
                portalKey, portal.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
            if (!last.isEmpty()) {
                return last;
            }
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
