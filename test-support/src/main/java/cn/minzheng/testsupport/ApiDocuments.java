package cn.minzheng.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a service's OpenAPI document must hold for an integrator (issue "API documents that integrators can build
 * on"): every operation summarised in Chinese with an English line, tagged, with its problem responses and, where
 * it takes a body, a realistic example; every path of the README's endpoint table; and the committed copy
 * ({@code <module>/openapi.json}) equal to the live one, so that every change of the API is a visible diff.
 */
public final class ApiDocuments {

    static final Path COMMITTED = Path.of("openapi.json");
    /** Set to rewrite the committed copy from the live document: {@code -Dminzheng.openapi.write=true}. */
    static final String WRITE = "minzheng.openapi.write";

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]{3,}");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| (.+?) \\|");
    private static final Pattern ENDPOINT = Pattern.compile("(GET|POST|PUT|PATCH|DELETE)?\\s*`(/[^`]*)`");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private ApiDocuments() {
    }

    /** Every shortcoming of the document, one line each; empty when it is complete. */
    public static List<String> shortcomings(JsonNode document) {
        List<String> found = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String method = entry.getKey();
            if (!Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                return;
            }
            JsonNode operation = entry.getValue();
            String name = method.toUpperCase() + " " + path.getKey();
            String summary = operation.path("summary").asString("");
            if (!CJK.matcher(summary).find() || !LATIN.matcher(summary).find()) {
                found.add(name + ": no summary in Chinese with English after it");
            }
            String[] description = operation.path("description").asString("").split("\n", 2);
            if (description.length < 2 || !CJK.matcher(description[0]).find()
                    || !LATIN.matcher(description[1]).find()) {
                found.add(name + ": no description in Chinese with an English line after it");
            }
            if (!operation.path("tags").isArray() || operation.path("tags").isEmpty()
                    || !CJK.matcher(operation.path("tags").get(0).asString()).find()) {
                found.add(name + ": no tag with a Chinese name");
            }
            boolean problem = operation.path("responses").properties().stream()
                    .anyMatch(r -> r.getKey().startsWith("4") && r.getValue().path("content")
                            .path("application/problem+json").path("schema").path("$ref").asString("")
                            .endsWith("/Problem"));
            if (!problem) {
                found.add(name + ": no 4xx problem response with the Problem schema");
            }
            JsonNode body = operation.path("requestBody").path("content").path("application/json");
            if (!body.isMissingNode() && body.path("example").isMissingNode()) {
                found.add(name + ": a request body without an example");
            }
        }));
        return found;
    }

    /** The endpoints the module's README lists in its tables ({@code GET /offices/{id}}), under {@code /api/<service>}. */
    public static Set<String> readmeEndpoints(Path readme, String service) {
        Set<String> endpoints = new LinkedHashSet<>();
        for (String line : read(readme).split("\n")) {
            Matcher row = TABLE_ROW.matcher(line);
            if (!row.find()) {
                continue;
            }
            String verb = null;
            Matcher endpoint = ENDPOINT.matcher(row.group(1));
            while (endpoint.find()) {
                verb = endpoint.group(1) != null ? endpoint.group(1) : verb;
                String path = endpoint.group(2);
                if (verb == null || path.contains("...") || path.contains("<") || path.contains("/v3/api-docs")
                        || path.startsWith("/actuator")) {
                    continue;
                }
                String prefix = path.startsWith("/api/") ? "" : "/api/" + service;
                endpoints.add(verb + " " + normalise(prefix + path.replaceAll("\\?.*", "")));
            }
        }
        return endpoints;
    }

    /** The document's endpoints, normalised like the README's. */
    public static Set<String> documentEndpoints(JsonNode document) {
        Set<String> endpoints = new LinkedHashSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry ->
                endpoints.add(entry.getKey().toUpperCase() + " " + normalise(path.getKey()))));
        return endpoints;
    }

    private static String normalise(String path) {
        return path.replaceAll("\\{[^}]*}", "{}").replaceAll("/$", "");
    }

    /**
     * The document as it is committed: pretty, keys sorted, so that a diff shows what changed, and with the login
     * URLs of the dev stack's Keycloak rather than the test's stand-in issuer.
     */
    public static String canonical(JsonNode document) {
        return JSON.writeValueAsString(JSON.treeToValue(document, Object.class))
                .replace(TEST_ISSUER_HOST, DEV_ISSUER_HOST) + "\n";
    }

    private static final String TEST_ISSUER_HOST = "http://test-keycloak.invalid/";
    private static final String DEV_ISSUER_HOST = "http://localhost:8180/";

    public static boolean rewriting() {
        return Boolean.getBoolean(WRITE);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
