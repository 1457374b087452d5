package cn.minzheng.platform.security;

import cn.minzheng.platform.ServiceProperties;
import cn.minzheng.platform.audit.Auditor;
import cn.minzheng.platform.problem.ProblemResponses;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Every service is its own resource server (zero trust behind the gateway): Spring Boot's JWT decoder checks
 * signature, expiry, issuer and audience from {@code spring.security.oauth2.resourceserver.jwt.*}; this class
 * maps Keycloak roles and keeps the service's API to the roles that may call it at all.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
public class SecurityConfiguration {

    /** The realm role of the metrics scraper's client ({@code metrics-scraper}, client credentials). */
    public static final String MONITORING = "monitoring";
    /** The realm role of the bureau's leaders: every office's statistics of their county, nothing else. */
    public static final String LEADER = "leader";

    /** Wraps Boot's decoder (configured from spring.security.oauth2.resourceserver.jwt.*) with the cache. */
    @Bean
    static BeanPostProcessor cachingJwtDecoder() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)
                        ? new CachingJwtDecoder(decoder, Clock.systemUTC()) : bean;
            }
        };
    }

    @Bean
    WebMvcConfigurer rolesBeforeBinding(ServiceProperties service) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RolesBeforeBinding()).addPathPatterns("/api/" + service.name() + "/**");
            }
        };
    }

    /**
     * Refused tokens are counted per period of real time, whatever the service clock says: a dev clock moved to
     * next year must not hold the counts back. Tests shorten the period to see the timer write without waiting.
     */
    @Bean
    RefusedRequests refusedRequests(Auditor auditor,
            @Value("${minzheng.security.refused-requests.period:PT1M}") Duration period,
            @Value("${minzheng.security.refused-requests.flush-interval:PT10S}") Duration flushInterval) {
        return new RefusedRequests(auditor, Clock.systemUTC(), period, flushInterval);
    }

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(ProblemResponses problems, Auditor auditor,
            RefusedRequests refusedRequests) {
        return new ProblemSecurityHandlers(problems, auditor, refusedRequests);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ServiceProperties service, ProblemSecurityHandlers handlers,
            RefusedRequests refusedRequests, @Value("${minzheng.gateway.key:}") String gatewayKey) throws Exception {
        String api = "/api/" + service.name();
        http.csrf(csrf -> csrf.disable())
                .addFilterBefore(new ThroughGatewayOnly(List.of(publicPaths(api, service.publicWritePaths())),
                        gatewayKey, handlers, refusedRequests), AuthorizationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // Metrics name collections, endpoints and exception classes: the scraper's client only.
                        .requestMatchers("/actuator/prometheus").hasRole(MONITORING)
                        // The index lists what the service exposes: for the monitoring role, like the metrics.
                        .requestMatchers("/actuator", "/actuator/").hasRole(MONITORING)
                        .requestMatchers(api + "/v3/api-docs", api + "/v3/api-docs/**", api + "/asyncapi.yaml",
                                api + "/events/*").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, publicPaths(api, service.publicPaths())).permitAll()
                        .requestMatchers(HttpMethod.POST, publicPaths(api, service.publicWritePaths())).permitAll()
                        .requestMatchers(api + "/audit", api + "/audit/**").hasRole("auditor")
                        .requestMatchers(api + "/me/**").hasRole("citizen")
                        // The bureau's leaders read every office's statistics of their county and nothing else.
                        .requestMatchers(HttpMethod.GET, api + "/stats", api + "/stats/**").hasAnyRole(
                                java.util.stream.Stream.concat(service.roles().stream(), java.util.stream.Stream.of(
                                        LEADER)).toArray(String[]::new))
                        .requestMatchers(api + "/**").hasAnyRole(service.roles().toArray(String[]::new))
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new KeycloakRoles()))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers));
        return http.build();
    }

    private static String[] publicPaths(String api, List<String> paths) {
        // Spring refuses an empty pattern list; a path nobody calls stands in when a service has none.
        return paths.isEmpty() ? new String[] {api + "/public/none"}
                : paths.stream().map(path -> api + path).toArray(String[]::new);
    }
}
