package cn.minzheng.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The gateway's share of DESIGN.md §7b: a token already verified (signature, issuer, audience, expiry) is remembered
 * until it expires, keyed by a SHA-256 of the token, bounded (starts afresh when full). A portal sends the same
 * token on every request, so the signature check, a third of the gateway's CPU per request, happens once per token.
 * Refusals are never cached.
 */
class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

    static final int MAX_ENTRIES = 10_000;

    private final ReactiveJwtDecoder delegate;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    CachingReactiveJwtDecoder(ReactiveJwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        String key = sha256(token);
        Jwt jwt = verified.get(key);
        if (jwt != null && jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(clock.instant())) {
            return Mono.just(jwt);
        }
        return delegate.decode(token).doOnNext(fresh -> {
            if (fresh.getExpiresAt() != null) {
                if (verified.size() >= MAX_ENTRIES) {
                    verified.clear();
                }
                verified.put(key, fresh);
            }
        });
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Wraps Boot's decoder (from spring.security.oauth2.resourceserver.jwt.*), keeping all its checks. */
    @Configuration(proxyBeanMethods = false)
    static class Wiring {

        @Bean
        static BeanPostProcessor cachingReactiveJwtDecoder() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof CachingReactiveJwtDecoder)
                            ? new CachingReactiveJwtDecoder(decoder, Clock.systemUTC()) : bean;
                }
            };
        }
    }
}
