package cn.minzheng.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/**
 * Every bearer token the gateway refuses (forged, tampered, expired, another issuer's) is logged with the reason,
 * so that an attack shows in the gateway's log; a refused token never reaches a service, whose audit trail would
 * otherwise record it. At most {@value #PER_MINUTE} lines a minute; the rest of a minute is counted in one line.
 * The token itself is never logged.
 */
final class RefusedTokenLog {

    static final int PER_MINUTE = 30;

    private static final Logger log = LoggerFactory.getLogger(RefusedTokenLog.class);

    private long minute = -1;
    private int written;
    private int suppressed;

    void refused(String action, Exception e) {
        int dropped = 0;
        synchronized (this) {
            long now = System.currentTimeMillis() / 60_000;
            if (now != minute) {
                dropped = suppressed;
                minute = now;
                written = 0;
                suppressed = 0;
            }
            if (written >= PER_MINUTE) {
                suppressed++;
                return;
            }
            written++;
        }
        if (dropped > 0) {
            log.warn("{} further bearer tokens were refused in the previous minute (not logged one by one)", dropped);
        }
        log.warn("Refused a bearer token for {}: {}", action, reasonOf(e));
    }

    /**
     * Spring Security's description of what failed ("Jwt expired at ...", "The iss claim is not valid", "Another
     * algorithm expected, or no matching key(s) found"), cut short; never the token itself.
     */
    static String reasonOf(Exception e) {
        String description = e instanceof OAuth2AuthenticationException oauth && oauth.getError() != null
                && oauth.getError().getDescription() != null ? oauth.getError().getDescription() : "invalid token";
        return description.length() > 120 ? description.substring(0, 120) : description;
    }
}
