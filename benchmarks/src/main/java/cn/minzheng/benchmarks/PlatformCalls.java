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
