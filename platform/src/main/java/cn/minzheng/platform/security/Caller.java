package cn.minzheng.platform.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The person or system behind a request, read from a Keycloak access token.
 *
 * @param username   Keycloak's {@code preferred_username} (a service account for client-credentials callers)
 * @param roles      realm roles from {@code realm_access.roles}
 * @param division   administrative division the caller works in ({@code division} claim), if any
 * @param idNumber   the citizen's own ID number ({@code id_number} claim); personal data, never echoed or logged
 */
public record Caller(String username, Set<String> roles, Optional<String> division, Optional<String> idNumber) {

    public static Caller from(Jwt jwt) {
        String username = Optional.ofNullable(jwt.getClaimAsString("preferred_username")).orElse(jwt.getSubject());
        return new Caller(username, KeycloakRoles.of(jwt),
                Optional.ofNullable(jwt.getClaimAsString("division")),
                Optional.ofNullable(jwt.getClaimAsString("id_number")));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Roles in a stable order, for responses and logs. */
    public List<String> sortedRoles() {
        return List.copyOf(new TreeSet<>(roles));
    }
}
