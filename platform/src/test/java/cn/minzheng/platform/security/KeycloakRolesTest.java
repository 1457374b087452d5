package cn.minzheng.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class KeycloakRolesTest {

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("sub-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void realm_roles_become_role_authorities_and_the_username_the_principal_name() {
        var token = new KeycloakRoles().convert(jwt(Map.of("preferred_username", "zl-officer-1",
                "realm_access", Map.of("roles", List.of("township-officer", "auditor")))));

        assertThat(token.getName()).isEqualTo("zl-officer-1");
        assertThat(token.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_township-officer", "ROLE_auditor");
    }

    @Test
    void a_token_without_realm_roles_grants_nothing() {
        var token = new KeycloakRoles().convert(jwt(Map.of("realm_access", "not-a-map")));

        assertThat(token.getAuthorities()).isEmpty();
        assertThat(token.getName()).isEqualTo("sub-1");
    }

    @Test
    void the_caller_carries_division_and_id_number_from_the_token() {
        var caller = Caller.from(jwt(Map.of("preferred_username", "citizen", "division", "320404001001",
                "id_number", "11010519491231002X", "realm_access", Map.of("roles", List.of("citizen")))));

        assertThat(caller.division()).contains("320404001001");
        assertThat(caller.idNumber()).contains("11010519491231002X");
        assertThat(caller.hasRole("citizen")).isTrue();
        assertThat(caller.sortedRoles()).containsExactly("citizen");
    }
}
