package cn.minzheng.gateway;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads the bearer token from the Authorization header by the rule of RFC 6750 §2.1 that Spring Security's
 * {@code ServerBearerTokenAuthenticationConverter} applies ({@code Bearer <b64token>}, the scheme in any case), but
 * checks the characters with a loop instead of a regular expression: matched against a 1.5 KB Keycloak token on
 * every request, that expression was 9 % of the gateway's CPU under load. No header, or another scheme, is no
 * token (the request goes on unauthenticated); a malformed one is refused as an invalid token.
 */
final class BearerTokenHeader implements ServerAuthenticationConverter {

    private static final String SCHEME = "Bearer ";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return Mono.fromCallable(() -> token(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION)))
                .map(BearerTokenAuthenticationToken::new);
    }

    /** The token, or null when the header carries none; throws for a bearer header that is malformed. */
    static String token(String header) {
        if (header == null || !header.regionMatches(true, 0, "bearer", 0, 6)) {
            return null;
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || !isB64Token(header, SCHEME.length())) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return header.substring(SCHEME.length());
    }

    /** {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="} from {@code from} to the end. */
    private static boolean isB64Token(String value, int from) {
        int end = value.length();
        while (end > from && value.charAt(end - 1) == '=') {
            end--;
        }
        if (end == from) {
            return false;
        }
        for (int i = from; i < end; i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
