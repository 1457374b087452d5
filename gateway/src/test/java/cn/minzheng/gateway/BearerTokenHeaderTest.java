package cn.minzheng.gateway;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's bearer header reading decides every header exactly as Spring Security's own converter does. */
class BearerTokenHeaderTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ6bC1vZmZpY2VyLTEifQ.c2lnbmF0dXJlLXN0YW5kLWlu";

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT, "Bearer abc==", "Bearer a+b/c~d_e-f.g",
            "Bearer ", "Bearer", "Bearer  " + JWT, "Bearer " + JWT + " ", "Bearer =", "Bearer abc=d",
            "Bearer ab\u00e9c", "Bearer a,b", "Bearer a\tb", "Bearerabc", "BearerX abc", "Basic dXNlcjpwYXNz",
            "Token abc", "", "bear abc", "Bearer " + JWT + "\u0000"})
    void decides_each_authorization_header_as_spring_security_does(String header) {
        assertThat(outcome(new BearerTokenHeader(), header))
                .isEqualTo(outcome(new ServerBearerTokenAuthenticationConverter(), header));
    }

    /** "token:<value>", "none" or "refused": what a converter made of the header. */
    private static String outcome(ServerAuthenticationConverter converter, String header) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/assistance/ping");
        if (header != null) {
            request.header(HttpHeaders.AUTHORIZATION, header);
        }
        try {
            Optional<Authentication> result = Mono.defer(() -> converter.convert(MockServerWebExchange.from(request)))
                    .blockOptional();
            return result.map(a -> "token:" + ((BearerTokenAuthenticationToken) a).getToken()).orElse("none");
        } catch (RuntimeException refused) {
            return "refused";
        }
    }
}
