package cn.minzheng.portal.gateway;

import java.util.Locale;

/**
 * The person on whose behalf the portal calls the gateway: their own access token (so every service checks their
 * roles, division and four eyes and audits them, not the portal) and the language they read.
 */
public record Caller(String accessToken, Locale locale) {

    @Override
    public String toString() {
        return "Caller[locale=" + locale + "]";
    }
}
