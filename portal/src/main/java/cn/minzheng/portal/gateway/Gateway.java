package cn.minzheng.portal.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;

import cn.minzheng.portal.PortalProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every call the portal makes goes here: to the gateway, with the person's own token and language. A refusal is
 * returned, not thrown, so a page can show the service's words next to the fields it names; an office that does
 * not answer in time becomes {@link ApiAnswer#unavailable()}, so one page can still show the others.
 */
@Component
public class Gateway {

    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    /** Amounts keep the scale the service wrote ({@code 3000.00}, never {@code 3000.0}): shown and typed back as is. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private final RestClient rest;
    private final String baseUrl;
    private final String portalKey;

    /** Each call is observed, so it carries the page's trace on to the gateway (docs/operations.md). */
    Gateway(PortalProperties properties,
            org.springframework.beans.factory.ObjectProvider<io.micrometer.observation.ObservationRegistry> observations) {
        // HTTP/1.1 to the gateway (plain HTTP inside the cluster): no h2c upgrade attempt on each new connection.
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.callTimeout()).build());
        requests.setReadTimeout(properties.callTimeout());
        this.rest = RestClient.builder().requestFactory(requests)
                .observationRegistry(observations.getIfAvailable(() -> io.micrometer.observation.ObservationRegistry.NOOP))
                .build();
        this.baseUrl = properties.gatewayUrl();
        this.portalKey = properties.portalKey();
    }

    /** A path such as {@code /api/assistance/households/{id}}, its variables encoded, and query parameters. */
    public URI uri(String path, Map<String, ?> query, Object... variables) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(baseUrl).path(path);
        query.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                builder.queryParam(name, value);
            }
        });
        return builder.encode().buildAndExpand(variables).toUri();
    }

    public ApiAnswer get(Caller caller, URI uri) {
        return call(caller, rest.get().uri(uri));
    }

    /**
     * A write. {@code idempotencyKey} comes from the form (rendered into it, so a double click or a resubmitted form
     * is one act); {@code ifMatch} is the ETag the page was rendered from, so a stale edit is refused, never lost.
     */
    public ApiAnswer post(Caller caller, URI uri, Object body, String idempotencyKey, String ifMatch) {
        RestClient.RequestBodySpec request = rest.post().uri(uri).contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(body == null ? Map.of() : body));
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (ifMatch != null && !ifMatch.isBlank()) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return call(caller, request);
    }

    /** A file a service makes (a CSV), passed to the browser as it came, with its type and file name. */
    public record Download(int status, byte[] bytes, String contentType, String disposition) {
    }

    public Download download(Caller caller, URI uri) {
        try {
            return rest.get().uri(uri).headers(headers -> onBehalfOf(headers, caller)).exchange((req, response) -> new Download(response.getStatusCode().value(),
                    response.getBody().readAllBytes(), response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
                    response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)));
        } catch (RuntimeException e) {
            log.warn("The gateway did not answer a download: {}", e.getClass().getSimpleName());
            return new Download(ApiAnswer.UNAVAILABLE, new byte[0], null, null);
        }
    }

    private ApiAnswer call(Caller caller, RestClient.RequestHeadersSpec<?> request) {
        try {
            return request
                    .headers(headers -> {
                        onBehalfOf(headers, caller);
                        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON,
                                MediaType.APPLICATION_PROBLEM_JSON));
                    })
                    .exchange((req, response) -> {
                        byte[] bytes = response.getBody().readAllBytes();
                        Object body = bytes.length == 0 ? Map.of() : parse(bytes);
                        return new ApiAnswer(response.getStatusCode().value(), body,
                                response.getHeaders().getETag());
                    });
        } catch (RuntimeException e) {
            log.warn("The gateway did not answer {}: {}", request, e.getClass().getSimpleName());
            return ApiAnswer.unavailable();
        }
    }

    /**
     * The person's own token and language on every call: the service decides and audits as that person. For a
     * citizen without a token, their address and the portal's key, by which the gateway believes it.
     */
    private void onBehalfOf(HttpHeaders headers, Caller caller) {
        if (caller.accessToken() != null) {
            headers.setBearerAuth(caller.accessToken());
        }
        if (caller.citizenAddress() != null && portalKey != null && !portalKey.isBlank()) {
            headers.set("X-Forwarded-For", caller.citizenAddress());
            headers.set("X-Minzheng-Portal", portalKey);
        }
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, caller.locale().toLanguageTag());
    }

    private static Object parse(byte[] bytes) {
        try {
            return JsonObject.wrap(JSON.readValue(bytes, Object.class));
        } catch (RuntimeException e) {
            return Map.of();
        }
    }
}
