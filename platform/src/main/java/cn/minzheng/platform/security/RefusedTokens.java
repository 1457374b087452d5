package cn.minzheng.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.minzheng.platform.audit.Auditor;

/**
 * Every refused bearer token (forged, tampered, expired, another issuer's) is logged and audited with its reason,
 * so that an attack is visible to an auditor. A flood must not fill the disk or the trail: at most
 * {@value #PER_MINUTE} refusals a minute are written one by one on each instance; the rest of the minute is
 * counted and written as one record when the next refusal comes in a later minute.
 */
final class RefusedTokens {

    static final int PER_MINUTE = 30;

    private static final Logger log = LoggerFactory.getLogger(RefusedTokens.class);

    private final Auditor auditor;
    private final Clock clock;
    private long minute = -1;
    private int written;
    private int suppressed;

    RefusedTokens(Auditor auditor, Clock clock) {
        this.auditor = auditor;
        this.clock = clock;
    }

    void refused(String action, Exception e) {
        String reason = reasonOf(e);
        int dropped;
        synchronized (this) {
            long now = Instant.now(clock).getEpochSecond() / 60;
            dropped = 0;
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
            log.warn("{} further bearer tokens were refused in the previous minute (not written one by one)", dropped);
            auditor.unauthenticated("REFUSED_TOKENS_NOT_WRITTEN", "bearer-token", Integer.toString(dropped));
        }
        // The reason is a word of ours: the library's message may quote claims of the token.
        log.warn("Refused a bearer token for {}: {}", action, reason);
        auditor.unauthenticated("REFUSED_TOKEN", action, reason);
    }

    /** expired, signature, algorithm, issuer, audience, not-yet-valid, malformed, or invalid. */
    static String reasonOf(Exception e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("expired")) {
            return "expired";
        }
        if (message.contains("nbf") || message.contains("not before") || message.contains("not yet")) {
            return "not-yet-valid";
        }
        if (message.contains("aud")) {
            return "audience";
        }
        if (message.contains("iss")) {
            return "issuer";
        }
        if (message.contains("algorithm") || message.contains("alg") || message.contains("unsupported")) {
            return "algorithm";
        }
        if (message.contains("signature") || message.contains("key")) {
            return "signature";
        }
        if (message.contains("malformed") || message.contains("parse") || message.contains("decode")) {
            return "malformed";
        }
        return "invalid";
    }
}
