package cn.minzheng.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachingJwtDecoderTest {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    final AtomicInteger verifications = new AtomicInteger();
    final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("bad")) {
            throw new BadJwtException("signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("u").issuedAt(NOW.minusSeconds(60))
                .expiresAt(NOW.plusSeconds(300)).build();
    };

    @Test
    void a_token_is_verified_once_while_it_is_valid() {
        var decoder = new CachingJwtDecoder(verifier, Clock.fixed(NOW, ZoneOffset.UTC));
        decoder.decode("token-a");
        decoder.decode("token-a");
        decoder.decode("token-a");
        assertThat(verifications).hasValue(1);
        decoder.decode("token-b");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void an_expired_token_is_verified_again_so_the_verifier_refuses_it() {
        new CachingJwtDecoder(verifier, Clock.fixed(NOW, ZoneOffset.UTC)).decode("token-a");
        var later = new CachingJwtDecoder(verifier, Clock.fixed(NOW.plusSeconds(301), ZoneOffset.UTC));
        later.decode("token-a");
        later.decode("token-a");
        assertThat(verifications).hasValue(3);
    }

    @Test
    void a_refused_token_is_never_remembered() {
        var decoder = new CachingJwtDecoder(verifier, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }
}
