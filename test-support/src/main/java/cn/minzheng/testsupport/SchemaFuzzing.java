package cn.minzheng.testsupport;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import net.datafaker.Faker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import cn.minzheng.platform.identity.ResidentIdNumber;

/**
 * Hostile requests for every operation of a service's OpenAPI document, generated with a fixed seed: wrong types,
 * extreme dates and numbers, operator injection, long text, NUL/RTL/control characters, duplicate keys, malformed
 * and deeply nested JSON, wrong content types, negative and huge paging. Each answer must be below 500, a
 * problem+json when it is an error, free of class names, stack traces and store messages, and free of full ID
 * numbers outside the designed full-number endpoints. The document is parsed with swagger-parser; random text comes
 * from datafaker with the same seed, so a failure is reproduced by running again.
 *
 * <p>Operations under {@code /dev/} (the test clock) are left out: moving the service's clock years ahead would
 * change what every other test of the same context sees.
 */
public final class SchemaFuzzing {

    /** What a run sent and got. */
    public record Totals(int requests, Map<Integer, Integer> statuses, List<String> failures) {

        public int serverErrors() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
        }

        @Override
        public String toString() {
            return requests + " requests, statuses " + statuses + ", 5xx " + serverErrors() + ", failures "
                    + failures.size();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LEAKS = Pattern.compile(
            "java\\.|javax\\.|jakarta\\.|Exception|\\tat |org\\.springframework|com\\.mongodb|E11000|tools\\.jackson|"
                    + "com\\.fasterxml|org\\.apache|<html", Pattern.CASE_INSENSITIVE);
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])[0-9]{17}[0-9X](?![0-9A-Za-z])");
    private static final String[] JSON_HOSTILE = {"\"wrong\"", "12345", "true", "null", "[]", "{\"$gt\":\"\"}",
            "{\"$where\":\"sleep(1000)\"}", "\"a\\u0000b\"", "\"\\u202Egnp.exe\"", "\"\\u001b[31m\"",
            "\"+999999999-12-31\"", "\"-999999999-01-01\"", "\"2026-02-30\"", "1e400", "-1", "9223372036854775808",
            "12.345", "\"" + "长".repeat(6_000) + "\""};
    private static final String[] QUERY_HOSTILE = {"abc", "-1", "99999999999999999999", "1.5", "",
            "-999999999-01-01", "%2B999999999-12-31", "2026-13-45", "%00", "%E2%80%AE", "%7B%22%24ne%22%3Anull%7D",
            "x".repeat(5_000)};

    private final HttpCalls http;
    private final OpenAPI document;
    private final Random random;
    private final Faker faker;
    private final int maxPerOperation;
    private boolean refusableOnly;

    /**
     * Only cases that cannot change anything: hostile query values of reads, and bodies that can never be accepted
     * (malformed, an array or a string, 5,000-deep nesting, a duplicate key, the wrong content type). For a shared
     * platform (the system tests' one start through the gateway), where a plausible write would leave records that
     * other tests then meet.
     */
    public SchemaFuzzing refusableOnly() {
        this.refusableOnly = true;
        return this;
    }

    public SchemaFuzzing(HttpCalls http, String documentJson, long seed, int maxPerOperation) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        this.document = new OpenAPIV3Parser().readContents(documentJson, null, options).getOpenAPI();
        this.http = http;
        this.random = new Random(seed);
        this.faker = new Faker(Locale.SIMPLIFIED_CHINESE, new Random(seed));
        this.maxPerOperation = maxPerOperation;
    }

    /** Sends every case; {@code tokenFor} gives a token for the operation's declared roles (x-roles, maybe none). */
    public Totals run(BiFunction<String, List<String>, String> tokenFor) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (var path : new TreeMap<>(document.getPaths()).entrySet()) {
            if (path.getKey().contains("/dev/")) {
                continue;
            }
            for (var entry : path.getValue().readOperationsMap().entrySet()) {
                List<String> roles = roles(entry.getValue());
                String token = tokenFor.apply(path.getKey(), roles);
                List<Case> cases = new ArrayList<>(cases(path.getKey(), entry.getKey(), entry.getValue()).stream()
                        .filter(c -> !refusableOnly || refusable(c)).toList());
                Collections.shuffle(cases, random);
                for (Case c : cases.subList(0, Math.min(maxPerOperation, cases.size()))) {
                    requests++;
                    String failure = check(c, token, statuses);
                    if (failure != null) {
                        failures.add(failure);
                    }
                }
            }
        }
        return new Totals(requests, statuses, failures);
    }

    private record Case(String method, String url, String contentType, String body, String what) {
    }

    private static final List<String> NEVER_ACCEPTED = List.of("malformed", "an array", "a string", "deep nesting",
            "text/plain", "xml", "no body");

    private static boolean refusable(Case c) {
        return c.method().equals("GET") && !c.what().equals("plausible") || NEVER_ACCEPTED.contains(c.what())
                || c.what().startsWith("duplicate key");
    }

    private String check(Case c, String token, Map<Integer, Integer> statuses) {
        HttpCalls.Response response;
        try {
            HttpRequest.Builder request = http.request(c.url(), token);
            if (c.contentType() != null) {
                request.header("Content-Type", c.contentType());
            }
            request.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(c.body()));
            response = http.send(request);
        } catch (RuntimeException e) {
            return c.what() + ": no answer (" + e.getClass().getSimpleName() + ")";
        }
        statuses.merge(response.status(), 1, Integer::sum);
        String where = c.method() + " " + shortened(c.url()) + " [" + c.what() + "] -> " + response.status();
        if (response.status() >= 500) {
            return where + " " + shortened(response.body());
        }
        if (response.status() >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            return where + " answered " + response.contentType();
        }
        Matcher leak = LEAKS.matcher(response.body());
        if (leak.find()) {
            return where + " leaks '" + leak.group() + "'";
        }
        if (!c.url().contains("id-number")) {
            Matcher id = ID_NUMBER.matcher(response.body());
            while (id.find()) {
                if (ResidentIdNumber.isValid(id.group())) {
                    return where + " shows a full ID number";
                }
            }
        }
        return null;
    }

    private List<Case> cases(String pathTemplate, PathItem.HttpMethod httpMethod, Operation operation) {
        String method = httpMethod.name();
        List<Parameter> query = parameters(operation, "query");
        String path = fillPath(pathTemplate, parameters(operation, "path"));
        Map<String, String> baseQuery = new TreeMap<>();
        for (Parameter p : query) {
            baseQuery.put(p.getName(), plausible(p.getName(), p.getSchema()));
        }
        List<Case> cases = new ArrayList<>();
        String body = null;
        MediaType json = operation.getRequestBody() == null || operation.getRequestBody().getContent() == null ? null
                : operation.getRequestBody().getContent().get("application/json");
        if (json != null) {
            body = baseBody(json);
        }
        String contentType = json == null ? null : "application/json";
        cases.add(new Case(method, path + queryString(baseQuery), contentType, body, "plausible"));
        for (Parameter p : query) {
            for (String hostile : QUERY_HOSTILE) {
                Map<String, String> mutated = new TreeMap<>(baseQuery);
                mutated.put(p.getName(), hostile);
                cases.add(new Case(method, path + queryStringRaw(mutated), contentType, body,
                        "query " + p.getName() + "=" + shortened(hostile)));
            }
            cases.add(new Case(method, path + "?" + p.getName() + "%5B%24ne%5D=1", contentType, body,
                    "operator in the name of " + p.getName()));
        }
        if (query.stream().anyMatch(p -> p.getName().equals("page"))) {
            for (String paging : new String[] {"page=-1", "size=0", "size=100000", "page=2147483648",
                    "page=10737419&size=200"}) {
                cases.add(new Case(method, path + "?" + paging, contentType, body, "paging " + paging));
            }
        }
        if (json != null) {
            cases.addAll(bodyCases(method, path, body));
        }
        return cases;
    }

    private List<Case> bodyCases(String method, String url, String body) {
        List<Case> cases = new ArrayList<>();
        JsonNode base = JSON.readTree(body);
        if (base instanceof ObjectNode object) {
            for (String field : object.propertyNames()) {
                for (String hostile : JSON_HOSTILE) {
                    ObjectNode mutated = object.deepCopy();
                    mutated.set(field, JSON.readTree(hostile.equals("1e400") ? "0" : hostile));
                    String text = JSON.writeValueAsString(mutated);
                    if (hostile.equals("1e400")) {
                        // Jackson would not write an infinite number: put the literal in by hand.
                        text = text.replace("\"" + field + "\":0", "\"" + field + "\":1e400");
                    }
                    cases.add(new Case(method, url, "application/json", text, field + "=" + shortened(hostile)));
                }
            }
            String first = object.propertyNames().iterator().hasNext() ? object.propertyNames().iterator().next()
                    : "x";
            cases.add(new Case(method, url, "application/json",
                    body.replaceFirst("\\{", "{\"" + first + "\":" + JSON.writeValueAsString(object.get(first)) + ","),
                    "duplicate key " + first));
        }
        cases.add(new Case(method, url, "application/json", "[]", "an array"));
        cases.add(new Case(method, url, "application/json", "\"" + faker.lorem().characters(5, 40) + "\"", "a string"));
        cases.add(new Case(method, url, "application/json", "{}", "empty object"));
        cases.add(new Case(method, url, "application/json", "{\"a\":", "malformed"));
        cases.add(new Case(method, url, "application/json", "", "no body"));
        cases.add(new Case(method, url, "application/json", "[".repeat(5_000) + "]".repeat(5_000), "deep nesting"));
        cases.add(new Case(method, url, "text/plain", body, "text/plain"));
        cases.add(new Case(method, url, "application/xml", "<a>" + faker.name().fullName() + "</a>", "xml"));
        cases.add(new Case(method, url, "application/json; charset=ISO-8859-1", body, "another charset"));
        return cases;
    }

    private String baseBody(MediaType json) {
        if (json.getExample() != null) {
            // The parser holds examples as its own (Jackson 2) trees: written by its mapper, read back by ours.
            return JSON.writeValueAsString(JSON.readTree(io.swagger.v3.core.util.Json.pretty(json.getExample())));
        }
        ObjectNode body = JSON.createObjectNode();
        Schema<?> schema = json.getSchema();
        if (schema != null && schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> body.put(name, plausible(name, property)));
        }
        return JSON.writeValueAsString(body);
    }

    /** A value of the right shape, so that the hostile one is the only thing wrong with a case. */
    private String plausible(String name, Schema<?> schema) {
        if (schema != null && schema.getExample() != null) {
            return schema.getExample() instanceof com.fasterxml.jackson.databind.JsonNode node ? node.asText()
                    : String.valueOf(schema.getExample());
        }
        String type = schema == null ? "string" : String.valueOf(schema.getType());
        String format = schema == null ? null : schema.getFormat();
        if ("date".equals(format)) {
            return "2026-06-01";
        }
        if ("date-time".equals(format)) {
            return "2026-06-01T08:00:00Z";
        }
        if (name.toLowerCase(Locale.ROOT).contains("division")) {
            return "320999";
        }
        return switch (type) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            default -> faker.name().fullName();
        };
    }

    private static String fillPath(String template, List<Parameter> parameters) {
        String path = template;
        for (Parameter p : parameters) {
            String value = p.getName().toLowerCase(Locale.ROOT).contains("division") ? "320999" : "fz-1";
            path = path.replace("{" + p.getName() + "}", value);
        }
        return path.replaceAll("\\{[^}]+}", "fz-1");
    }

    private static List<Parameter> parameters(Operation operation, String in) {
        return operation.getParameters() == null ? List.of()
                : operation.getParameters().stream().filter(p -> in.equals(p.getIn())).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> roles(Operation operation) {
        Object roles = operation.getExtensions() == null ? null : operation.getExtensions().get("x-roles");
        return roles instanceof List<?> list ? (List<String>) list : List.of();
    }

    private static String queryString(Map<String, String> values) {
        StringBuilder query = new StringBuilder();
        values.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    /** Hostile values are already percent-encoded where they must be. */
    private static String queryStringRaw(Map<String, String> values) {
        StringBuilder query = new StringBuilder();
        values.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                .append(value.matches("[A-Za-z0-9%.+\\-_]*") ? value
                        : URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    private static String shortened(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...(" + text.length() + ")";
    }
}
