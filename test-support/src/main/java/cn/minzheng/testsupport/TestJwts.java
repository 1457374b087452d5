package cn.minzheng.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Mints Keycloak-shaped access tokens with a test key, and serves that key's JWKS over HTTP so that the services'
 * real JWT decoder (signature, issuer, audience, expiry) checks them: slice and integration tests need no Keycloak.
 */
public final class TestJwts {

    public static final String ISSUER = "http://test-keycloak.invalid/realms/minzheng";
    public static final String AUDIENCE = "minzheng";

    private static final RSAKey KEY = generate("test-key");
    private static final RSAKey FOREIGN_KEY = generate("test-key");
    private static final String JWKS_URI = serveJwks();

    private TestJwts() {
    }

    public static String jwkSetUri() {
        return JWKS_URI;
    }

    /** A valid token for a user with these realm roles, working in this division (null for none). */
    public static String token(String user, String division, String... roles) {
        return builder().user(user).division(division).roles(roles).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Properties that point a Spring context's resource server at this test issuer. */
    public static Map<String, String> resourceServerProperties() {
        return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER,
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", JWKS_URI,
                "spring.security.oauth2.resourceserver.jwt.audiences", AUDIENCE);
    }

    public static final class Builder {
        private String user = "test-user";
        private String division;
        private String idNumber;
        private List<String> roles = List.of();
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(15);
        private RSAKey key = KEY;
        private Instant notBefore;
        private String keyId;
        private URI jku;
        private boolean hmacWithPublicKey;
        private final Map<String, Object> extra = new java.util.LinkedHashMap<>();

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder division(String division) {
            this.division = division;
            return this;
        }

        public Builder idNumber(String idNumber) {
            this.idNumber = idNumber;
            return this;
        }

        public Builder roles(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        /** Another claim the realm maps into tokens, e.g. {@code facility_id} of a facility's staff. */
        public Builder claim(String name, Object value) {
            extra.put(name, value);
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** A token that expired some minutes ago (beyond the decoder's clock-skew allowance). */
        public Builder expired() {
            this.issuedAt = Instant.now().minus(Duration.ofHours(1));
            this.lifetime = Duration.ofMinutes(5);
            return this;
        }

        /** Valid only from an hour from now ({@code nbf}), beyond the decoder's clock-skew allowance. */
        public Builder notYetValid() {
            this.notBefore = Instant.now().plus(Duration.ofHours(1));
            return this;
        }

        /** Signed by the real key but naming a key id the issuer never published. */
        public Builder unknownKeyId() {
            this.keyId = "unknown-kid";
            return this;
        }

        /** Signed by a foreign key whose set the header points to ({@code jku}): a decoder must never follow it. */
        public Builder foreignKeySetUrl() {
            this.key = FOREIGN_KEY;
            this.jku = URI.create("http://127.0.0.1:1/attacker/jwks");
            return this;
        }

        /** Key confusion: HS256 with the issuer's public key as the HMAC secret. */
        public Builder hmacSignedWithThePublicKey() {
            this.hmacWithPublicKey = true;
            return this;
        }

        /** Signed by a key the issuer never published, with the same key id: a forged token. */
        public Builder signedByAnotherKey() {
            this.key = FOREIGN_KEY;
            return this;
        }

        public String build() {
            var claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(UUID.nameUUIDFromBytes(user.getBytes(StandardCharsets.UTF_8)).toString())
                    .audience(new ArrayList<>(List.of(audience, "account")))
                    .issueTime(Date.from(issuedAt))
                    .expirationTime(Date.from(issuedAt.plus(lifetime)))
                    .jwtID(UUID.randomUUID().toString())
                    .claim("preferred_username", user)
                    .claim("azp", "minzheng-cli")
                    .claim("realm_access", Map.of("roles", roles));
            if (division != null) {
                claims.claim("division", division);
            }
            if (idNumber != null) {
                claims.claim("id_number", idNumber);
            }
            extra.forEach(claims::claim);
            if (notBefore != null) {
                claims.notBeforeTime(Date.from(notBefore));
            }
            try {
                if (hmacWithPublicKey) {
                    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID())
                            .build(), claims.build());
                    jwt.sign(new com.nimbusds.jose.crypto.MACSigner(KEY.toRSAPublicKey().getEncoded()));
                    return jwt.serialize();
                }
                var header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId != null ? keyId : key.getKeyID());
                if (jku != null) {
                    header.jwkURL(jku);
                }
                SignedJWT jwt = new SignedJWT(header.build(), claims.build());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serveJwks() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(null);
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
