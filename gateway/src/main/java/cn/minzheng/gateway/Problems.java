package cn.minzheng.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import reactor.core.publisher.Mono;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes RFC 9457 problem details for what the gateway answers itself (401, 404, 413, 503...), in the same shape
 * and with the same stable {@code type} URIs as the services.
 */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();
    private static final List<Locale> OFFERED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    static {
        MESSAGES.setBasename("gateway-problems");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    /** Chinese unless the caller prefers English, as the services answer. */
    static Locale locale(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst("Accept-Language");
        try {
            Locale match = header == null ? null : Locale.lookup(Locale.LanguageRange.parse(header), OFFERED);
            return match == null ? Locale.SIMPLIFIED_CHINESE : match;
        } catch (IllegalArgumentException malformed) {
            return Locale.SIMPLIFIED_CHINESE;
        }
    }

    private Problems() {
    }

    /** A circuit breaker's fallback is a forward; the client asked for the path before it. */
    private static String originalPath(ServerWebExchange exchange) {
        String original = exchange.getAttribute(RequestIdFilter.ORIGINAL_PATH);
        return original != null ? original : exchange.getRequest().getPath().value();
    }

    /** Writes the problem; {@code detailArgument} fills a localized detail's {0} (the service's name). */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String kind, String detail,
            Object... detailArgument) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/problems/" + kind);
        Locale locale = locale(exchange);
        body.put("title", MESSAGES.getMessage("problem." + kind + ".title", null,
                known != null ? known.getReasonPhrase() : "Error", locale));
        body.put("status", status.value());
        body.put("detail", Locale.ENGLISH.equals(locale) ? detail
                : MESSAGES.getMessage("problem." + kind + ".detail", detailArgument, detail, locale));
        body.put("instance", originalPath(exchange));
        String requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] bytes = JSON.writeValueAsBytes(body);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
