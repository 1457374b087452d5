package cn.minzheng.gateway;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Everything that goes wrong inside the gateway ends here as problem+json: unknown routes (404), oversized bodies
 * (413), unreachable or slow services (502/504). Spring Boot's default would answer its own JSON shape or HTML,
 * and could carry exception messages; this handler never does.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ResponseStatusException status) {
            return Problems.write(exchange, status.getStatusCode(), kindOf(status.getStatusCode()),
                    detailOf(status.getStatusCode()));
        }
        if (error instanceof ConnectException) {
            return Problems.write(exchange, HttpStatus.BAD_GATEWAY, "bad-gateway", "The service could not be reached.");
        }
        if (error instanceof TimeoutException) {
            return Problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout",
                    "The service did not answer in time.");
        }
        log.error("Unhandled gateway error on {}", exchange.getRequest().getPath(), error);
        return Problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong on our side. Quote the request id when you report it.");
    }

    /** The same kinds as the services' (platform {@code ProblemResponses.kindOf}; ProblemKindsTest keeps them equal). */
    static String kindOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 429 -> "too-many-requests";
            case 502 -> "bad-gateway";
            case 503 -> "service-unavailable";
            case 504 -> "gateway-timeout";
            default -> status.is5xxServerError() ? "internal-error" : "client-error";
        };
    }

    private static String detailOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "No resource is published at this path.";
            case 405 -> "This path does not accept that method.";
            case 413 -> "The request body is too large.";
            case 504 -> "The service did not answer in time.";
            default -> HttpStatus.resolve(status.value()) != null
                    ? HttpStatus.resolve(status.value()).getReasonPhrase() : "Error";
        };
    }
}
