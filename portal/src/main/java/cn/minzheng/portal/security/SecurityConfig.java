package cn.minzheng.portal.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;

import org.springframework.session.SessionRepository;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Login as a backend-for-frontend (DESIGN.md §1b): authorization code with PKCE against Keycloak, the tokens in the
 * server session, the browser holding only an HttpOnly, SameSite session cookie; CSRF tokens on every form;
 * RP-initiated logout; a CSP without inline script.
 */
@Configuration
@EnableSpringHttpSession
class SecurityConfig {

    static final String ROLE_CLAIM = "roles";

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    ClientRegistrationRepository clientRegistrations(WorkbenchClient client) {
        return new InMemoryClientRegistrationRepository(client.registration());
    }

    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Hands out the person's access token, refreshing it from the session's refresh token when it has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
                authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    @Bean
    SessionRepository<MongoSession> sessions(MongoTemplate mongo,
            @Value("${server.servlet.session.timeout:30m}") Duration idleTimeout, Clock clock,
            @Value("${minzheng.portal.session-key}") String sessionKey) {
        return new MongoSessionRepository(mongo, idleTimeout, clock, sessionKey);
    }

    @Bean
    CookieSerializer cookieSerializer() {
        DefaultCookieSerializer cookies = new DefaultCookieSerializer();
        cookies.setCookieName("MZ_SESSION");
        cookies.setUseHttpOnlyCookie(true);
        // Lax, not Strict: Keycloak's redirect back after login is a top-level navigation from another site.
        cookies.setSameSite("Lax");
        return cookies;
    }

    /**
     * The public pages: no login, no session, so a citizen's visit writes nothing to the session store. No CSRF
     * token either: the only write there, an objection, is anyone's to make without an account, and it goes to the
     * gateway without anyone's token, so a forged form could do nothing a citizen could not do directly.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain publicPagesChain(HttpSecurity http, WorkbenchClient client) throws Exception {
        http
                .securityMatcher("/public", "/public/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(policy(client)))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    private static String policy(WorkbenchClient client) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
                + "base-uri 'self'; frame-ancestors 'none'; form-action 'self' " + client.browserOrigin();
    }

    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain workbench(HttpSecurity http, ClientRegistrationRepository registrations,
            WorkbenchClient client) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                "/oauth2/authorization");
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler keycloakLogout = new OidcClientInitiatedLogoutSuccessHandler(
                registrations);
        keycloakLogout.setPostLogoutRedirectUri("{baseUrl}/login?logout");
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
                                "/actuator/health/**", "/actuator/prometheus")
                        .permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage("/login")
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce))
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(realmRoles()))
                        .failureUrl("/login?error"))
                .logout(logout -> logout.logoutSuccessHandler(keycloakLogout))
                .sessionManagement(sessions -> sessions.invalidSessionUrl("/login?expired"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(policy(client)))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /** The realm roles the workbench client puts in the ID token become the person's authorities (menus, cards). */
    private static GrantedAuthoritiesMapper realmRoles() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    Object roles = oidc.getIdToken().getClaims().get(ROLE_CLAIM);
                    if (roles instanceof Collection<?> names) {
                        names.forEach(name -> mapped.add(new SimpleGrantedAuthority("ROLE_" + name)));
                    }
                }
            }
            return mapped;
        };
    }

}
