package cn.minzheng.gateway;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses request bodies above {@code minzheng.gateway.max-body-size} with a 413 problem, before a service spends
 * memory on them: at once when Content-Length says so, and while streaming when a chunked body grows too large.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BodySizeLimitFilter implements WebFilter {

    private final long maxBytes;

    public BodySizeLimitFilter(GatewayProperties properties) {
        this.maxBytes = properties.maxBodySize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", tooLarge());
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        AtomicLong seen = new AtomicLong();
        var limited = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().doOnNext(buffer -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, tooLarge());
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }

    private String tooLarge() {
        return "The request body is larger than the " + maxBytes + " bytes this platform accepts.";
    }
}
