package cn.minzheng.testsupport;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import java.util.Map;

import cn.minzheng.platform.security.KeycloakRoles;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Callers for {@link ControllerSlice} tests: a Keycloak-shaped token (realm roles, division, the citizen's ID
 * number) turned into an authentication by the platform's own role mapping, without a signature or a key set.
 */
public final class SliceJwts {

    private SliceJwts() {
    }

    public static RequestPostProcessor caller(String user, String division, String... roles) {
        return caller(user, division, Map.of(), roles);
    }

    /** With claims of the caller's own (a facility operator's {@code facility_id}, a provider's credit code). */
    public static RequestPostProcessor caller(String user, String division, Map<String, Object> claims,
            String... roles) {
        return jwt().jwt(token -> token.subject(user).claim("preferred_username", user).claim("division", division)
                .claim("realm_access", Map.of("roles", List.of(roles))).claims(all -> all.putAll(claims)))
                .authorities(token -> new KeycloakRoles().convert(token).getAuthorities());
    }
}
