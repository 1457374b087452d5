package cn.minzheng.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker sends a request its service cannot take (down, timed out, circuit open): a quick
 * 503, not a hanging client. A service that is merely busy never gets here: {@link AdmissionLimit} answers 429.
 */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    @RequestMapping("/fallback/{service:[a-z]+}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        // the client sees only "unavailable"; operators need to know why (down, timed out, circuit open, no connection)
        log.warn("{} {} answered 503: {}", service, exchange.getRequest().getMethod(),
                cause == null ? "no cause recorded" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "The " + service + " service is unavailable at the moment. Please try again later.", service);
    }
}
