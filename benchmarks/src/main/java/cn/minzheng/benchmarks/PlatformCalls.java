package cn.minzheng.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few calls a benchmark makes to set up its scene: a real Keycloak token, a JSON POST that must succeed. */
final class PlatformCalls {

    private final HttpClient http;

    PlatformCalls(HttpClient http) {
        this.http = http;
    }

    /** A realm user's access token (the dev realm's users share the dev-only password). */
    String token(String keycloak, String user) throws Exception {
        String form = "grant_type=password&client_id=minzheng-cli&username=" + user + "&password="
                + URLEncoder.encode("dev-only-password", StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak
                + "/realms/minzheng/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no token for " + user + ": " + response.statusCode());
        }
        return m.group(1);
    }

    /** A confidential client's token (client credentials), e.g. the provincial platform's {@code integration}. */
    String clientToken(String keycloak, String clientId, String secret) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + clientId + "&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak
                + "/realms/minzheng/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no token for client " + clientId + ": " + response.statusCode());
        }
        return m.group(1);
    }

    /** A GET that must succeed; its body. */
    String get(String url, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("GET " + url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** A PUT that must succeed; its body. */
    String put(String url, String token, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("PUT " + url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** The value of a top-level string field of a JSON body (the first one of that name). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** A POST that must succeed; its body. */
    String post(String url, String token, String json) throws Exception {
        HttpResponse<String> response = http.send(jsonPost(url, token, json).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** A POST whose refusal is the point (a booking before the opening); its status. */
    int postStatus(String url, String token, String idempotencyKey, String json) throws Exception {
        return http.send(jsonPost(url, token, json).header("Idempotency-Key", idempotencyKey).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpRequest.Builder jsonPost(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }
}
