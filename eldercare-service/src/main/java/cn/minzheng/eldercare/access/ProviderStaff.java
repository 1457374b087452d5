package cn.minzheng.eldercare.access;

import java.util.Optional;

import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.security.Caller;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A home-care provider's staff ({@code care-provider}) act only on their provider's orders: the provider's credit
 * code is a user attribute in the realm that Keycloak maps into the token as {@code provider_credit_code}.
 */
public final class ProviderStaff {

    public static final String ROLE = "care-provider";
    static final String CLAIM = "provider_credit_code";

    private ProviderStaff() {
    }

    public static boolean hasRole(Jwt jwt) {
        return Caller.from(jwt).hasRole(ROLE);
    }

    public static Optional<String> providerOf(Jwt jwt) {
        return hasRole(jwt) ? Optional.ofNullable(jwt.getClaimAsString(CLAIM)) : Optional.empty();
    }

    /** 403 {@code other-provider} unless the staff's token names this provider. */
    public static void requireOwn(Jwt jwt, String creditCode) {
        if (!providerOf(jwt).map(creditCode::equals).orElse(false)) {
            throw Refusal.forbidden("other-provider", creditCode);
        }
    }
}
