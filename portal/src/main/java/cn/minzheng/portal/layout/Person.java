package cn.minzheng.portal.layout;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is logged in, as the top bar shows them and as the menu and the to-do cards are chosen. This decides only
 * what is shown: every act is still checked by the service that owns it.
 */
public record Person(String username, String displayName, Set<String> roles, String division) {

    public static Person of(Authentication authentication) {
        Set<String> roles = new TreeSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (authority.getAuthority().startsWith("ROLE_")) {
                roles.add(authority.getAuthority().substring("ROLE_".length()));
            }
        }
        if (authentication.getPrincipal() instanceof OidcUser user) {
            String name = user.getFullName() != null ? user.getFullName() : user.getPreferredUsername();
            return new Person(user.getPreferredUsername(), name, roles, user.getClaimAsString("division"));
        }
        return new Person(authentication.getName(), authentication.getName(), roles, null);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
