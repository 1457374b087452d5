package cn.minzheng.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens already verified (signature, issuer, audience, expiry) until they expire, so that a client
 * sending the same token on every request costs one signature check, not one per request (DESIGN.md §7b). Keyed
 * by a SHA-256 of the token (the token itself is not kept as a key); bounded: when full it starts afresh.
 * Refusals are never cached.
 */
public class CachingJwtDecoder implements JwtDecoder {

    static final int MAX_ENTRIES = 10_000;

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    public CachingJwtDecoder(JwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String key = sha256(token);
        Jwt jwt = verified.get(key);
        if (jwt != null && jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(clock.instant())) {
            return jwt;
        }
        Jwt fresh = delegate.decode(token);
        if (fresh.getExpiresAt() != null) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(key, fresh);
        }
        return fresh;
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
