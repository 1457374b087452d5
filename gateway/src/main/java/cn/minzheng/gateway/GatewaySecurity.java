package cn.minzheng.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway rejects requests without a valid token early (signature, expiry, issuer and audience, per
 * {@code spring.security.oauth2.resourceserver.jwt.*}) and passes the token on; roles and divisions are each
 * service's business, since services never trust the network (DESIGN.md §4).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurity {

    /** Counts refusals per period of real time; tests shorten the period to see the timer's lines. */
    @Bean
    RefusedTokenLog refusedTokenLog(MeterRegistry meters,
            @Value("${minzheng.gateway.refused-tokens.period:PT1M}") Duration period,
            @Value("${minzheng.gateway.refused-tokens.flush-interval:PT10S}") Duration flushInterval) {
        return new RefusedTokenLog(meters, Clock.systemUTC(), period, flushInterval);
    }

    @Bean
    SecurityWebFilterChain gatewaySecurityChain(ServerHttpSecurity http, GatewayProperties properties,
            RefusedTokenLog refusedTokens) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> unauthenticated(exchange, e,
                refusedTokens);
        ServerAccessDeniedHandler denied = (exchange, e) -> Problems.write(exchange, HttpStatus.FORBIDDEN,
                "forbidden", "Your role does not allow this request.");
        return http
                // Stateless: every request carries its token. The defaults keep the security context and a saved
                // request in a WebSession, and creating one per request hops to another thread pool for its id.
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // Metrics name routes and exception classes: the scraper's client only.
                        .pathMatchers("/actuator/prometheus").access(GatewaySecurity::monitoring)
                        // The index lists what the gateway exposes: for the monitoring role, like the metrics.
                        .pathMatchers("/actuator", "/actuator/").access(GatewaySecurity::monitoring)
                        .pathMatchers("/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs/**",
                                "/api/*/v3/api-docs", "/api/*/v3/api-docs/**", "/api/*/asyncapi.yaml",
                                "/api/*/events/*").permitAll()
                        // Login-free pages the services declare public (notice board, disclosure, free
                        // appointment places); GET only.
                        .pathMatchers(HttpMethod.GET, "/api/assistance/public-notices", "/api/*/public/**",
                                "/api/registry/offices", "/api/registry/offices/*",
                                "/api/registry/offices/*/slots")
                        .permitAll()
                        // Login-free writes (PublicWriteLimit counts them per client); POST only.
                        .pathMatchers(HttpMethod.POST, properties.publicWritePaths().toArray(String[]::new))
                        .permitAll()
                        .pathMatchers("/fallback/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new BearerTokenHeader())
                        .jwt(jwt -> { })
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .build();
    }

    /** The realm role {@code monitoring} in the token ({@code realm_access.roles}, as Keycloak writes it). */
    private static Mono<AuthorizationResult> monitoring(Mono<Authentication> authentication,
            AuthorizationContext context) {
        return authentication.<AuthorizationResult>map(caller -> new AuthorizationDecision(caller instanceof JwtAuthenticationToken jwt
                && jwt.getToken().getClaimAsMap("realm_access") instanceof Map<?, ?> access
                && access.get("roles") instanceof Collection<?> roles && roles.contains("monitoring")))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    private static Mono<Void> unauthenticated(ServerWebExchange exchange, AuthenticationException e,
            RefusedTokenLog refusedTokens) {
        boolean badToken = e instanceof InvalidBearerTokenException || e.getClass().getSimpleName().startsWith("OAuth2");
        if (badToken) {
            var remote = exchange.getRequest().getRemoteAddress();
            refusedTokens.refused(remote == null || remote.getAddress() == null ? "unknown"
                    : remote.getAddress().getHostAddress(), e);
        }
        exchange.getResponse().getHeaders().set("WWW-Authenticate",
                badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", badToken
                ? "The bearer token is invalid, expired or not issued for this platform."
                : "A bearer token is required.");
    }
}
