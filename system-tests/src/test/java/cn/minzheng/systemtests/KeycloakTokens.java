package cn.minzheng.systemtests;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import cn.minzheng.testsupport.HttpCalls;

/** Real tokens from the real Keycloak: the password grant for demo users, client credentials for integration. */
final class KeycloakTokens {

    static final String DEMO_PASSWORD = "dev-only-password";
    private final HttpCalls keycloak;
    private final String tokenPath = "/realms/minzheng/protocol/openid-connect/token";

    KeycloakTokens(String keycloakUrl) {
        this.keycloak = new HttpCalls(keycloakUrl);
    }

    String user(String username) {
        return token(tokenPath, Map.of("grant_type", "password", "client_id", "minzheng-cli",
                "username", username, "password", DEMO_PASSWORD));
    }

    String integrationClient() {
        return token(tokenPath, Map.of("grant_type", "client_credentials", "client_id", "integration",
                "client_secret", "dev-only-integration-secret"));
    }

    /** An admin token of the master realm, to adjust this throw-away Keycloak for a test. */
    String masterAdmin() {
        return token("/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", "admin", "password", "dev-only-admin-password"));
    }

    HttpCalls http() {
        return keycloak;
    }

    private String token(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var response = keycloak.send(keycloak.request(path, null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.status() != 200) {
            throw new IllegalStateException("token request failed: " + response);
        }
        return response.json().path("access_token").asString();
    }
}
