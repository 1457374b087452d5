package cn.minzheng.gateway;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** Where a route's circuit breaker sends a request its service cannot take: a quick 503, not a hanging client. */
@RestController
class FallbackController {

    @RequestMapping("/fallback/{service:[a-z]+}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "The " + service + " service is unavailable at the moment. Please try again later.", service);
    }
}
