package cn.minzheng.portal.gateway;

import java.util.Locale;

/**
 * The person on whose behalf the portal calls the gateway: their own access token (so every service checks their
 * roles, division and four eyes and audits them, not the portal) and the language they read. A citizen on a public
 * page has no token; their address goes with the call instead, so the gateway's per-client limits count them, not
 * the portal.
 */
public record Caller(String accessToken, Locale locale, String citizenAddress) {

    public Caller(String accessToken, Locale locale) {
        this(accessToken, locale, null);
    }

    /** A citizen on a public page, by the address the portal sees them at. */
    public static Caller citizen(String address, Locale locale) {
        return new Caller(null, locale, address);
    }

    @Override
    public String toString() {
        return "Caller[locale=" + locale + "]";
    }
}
