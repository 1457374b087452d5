package cn.minzheng.systemtests;

import java.net.http.HttpRequest;

/** The admin REST API of the test's own, throw-away Keycloak. */
final class KeycloakAdmin {

    private final KeycloakTokens tokens;

    KeycloakAdmin(KeycloakTokens tokens) {
        this.tokens = tokens;
    }

    void setRealmAccessTokenLifespan(int seconds) {
        var http = tokens.http();
        var response = http.send(http.request("/admin/realms/minzheng", tokens.masterAdmin())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"accessTokenLifespan\":" + seconds + "}")));
        if (response.status() != 204) {
            throw new IllegalStateException("could not change the realm: " + response);
        }
    }
}
