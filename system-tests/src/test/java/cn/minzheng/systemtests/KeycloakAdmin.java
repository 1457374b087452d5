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

    /**
     * Keycloak records its users' logins, token refreshes and logouts, for a test to read (a refresh is not among
     * the types it stores unless named).
     */
    void recordEvents() {
        expect(204, tokens.http().send(request("/events/config").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"eventsEnabled":true,"enabledEventTypes":["LOGIN","CODE_TO_TOKEN","REFRESH_TOKEN",
                         "REFRESH_TOKEN_ERROR","LOGOUT"]}"""))), "record events");
    }

    /** The access token lifespan of one client, overriding the realm's. */
    void setClientAccessTokenLifespan(String clientId, int seconds) {
        String id = clientUuid(clientId);
        expect(204, tokens.http().send(request("/clients/" + id).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"%s\",\"attributes\":{\"access.token.lifespan\":\"%d\"}}"
                        .formatted(clientId, seconds)))), "change the client");
    }

    /** How many events of that type the user has had with that client. */
    long events(String type, String clientId, String username) {
        String userId = tokens.http().send(request("/users?exact=true&username=" + username).GET()).json().get(0)
                .path("id").asString();
        var events = tokens.http().send(request("/events?type=" + type + "&client=" + clientId + "&user=" + userId
                + "&max=1000").GET()).json();
        return events.size();
    }

    /** Everything Keycloak recorded for the user, for a failing assertion's message. */
    String eventsOf(String username) {
        String userId = tokens.http().send(request("/users?exact=true&username=" + username).GET()).json().get(0)
                .path("id").asString();
        return tokens.http().send(request("/events?user=" + userId + "&max=50").GET()).body() + " client: "
                + tokens.http().send(request("/clients/" + clientUuid("minzheng-workbench")).GET()).json()
                        .path("attributes").toString();
    }

    /** The usernames of the sessions in which that client holds tokens now. */
    java.util.List<String> sessionsOf(String clientId) {
        var sessions = tokens.http().send(request("/clients/" + clientUuid(clientId) + "/user-sessions?max=1000")
                .GET()).json();
        java.util.List<String> users = new java.util.ArrayList<>();
        sessions.forEach(session -> users.add(session.path("username").asString()));
        return users;
    }

    private String clientUuid(String clientId) {
        return tokens.http().send(request("/clients?clientId=" + clientId).GET()).json().get(0).path("id")
                .asString();
    }

    private HttpRequest.Builder request(String path) {
        return tokens.http().request("/admin/realms/minzheng" + path, tokens.masterAdmin());
    }

    private static void expect(int status, cn.minzheng.testsupport.HttpCalls.Response response, String what) {
        if (response.status() != status) {
            throw new IllegalStateException("could not " + what + ": " + response);
        }
    }
}
