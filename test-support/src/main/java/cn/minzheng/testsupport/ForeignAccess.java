package cn.minzheng.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.minzheng.platform.identity.ResidentIdNumber;

/**
 * Reads of records that belong to someone else, generated from a service's OpenAPI document so that a service added
 * later is covered without new test code. For every collection the document lets staff create ({@code POST} with a
 * body example and {@code x-roles}), a record is created from the example (its ID numbers made fresh) by an officer
 * of county 320404; then every {@code GET} on that record ({@code collection/{id}} and its sub-resources) is sent by
 * an officer of county 320411 holding the role the read admits, and must be a 403 {@code outside-division}; the
 * owner's read of the same URL must be a 200, so that the 403 is about the record and not a missing one. A read the
 * document marks {@code x-nationwide} (staff of every division may read it, as registrars read marriages under
 * 全国通办) is left out. Every write on such a record ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} on
 * {@code collection/{id}} and its sub-resources) is sent the same way, with its body example and the record's
 * current {@code If-Match}, and must be a 403 {@code outside-division} that changes nothing (the owner's read
 * keeps its ETag). Lists of
 * such records that take a {@code division} parameter are asked for 320404 by the same outsider (lists without a
 * read by id, such as a county's published standards, are public policy and left out). Where citizens create records, a
 * second citizen reading one by its id gets a 404 (existence is private) and never finds it in their {@code /me/}
 * lists.
 *
 * <p>An example that cannot be created as it stands (it needs another record first) is reported as skipped, not
 * failed; the totals say how many reads were tried.
 */
public final class ForeignAccess {

    /** What a run tried and found. */
    public record Totals(int created, int staffReads, int staffWrites, int staleWrites, int listReads,
            int citizenReads, int otherScope, List<String> failures, List<String> skipped) {

        /** The refusals that were {@code outside-division} (the others were another provider's or facility's). */
        public int outsideDivision() {
            return staffReads + staffWrites + listReads - otherScope;
        }

        @Override
        public String toString() {
            return created + " records created from examples, " + staffReads + " reads, " + staffWrites
                    + " writes and " + listReads + " list queries by another county refused 403, " + staleWrites
                    + " writes with a stale If-Match refused 412, " + citizenReads
                    + " reads by another citizen refused 404, " + failures.size() + " failures, skipped "
                    + skipped;
        }
    }

    static final String OWNER_COUNTY = "320404";
    static final String FOREIGN_COUNTY = "320411";
    private static final Set<String> NOT_STAFF = Set.of("citizen", "integration", "auditor", "admin");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The day the services' body examples were written against (their dates are relative to it). */
    static final java.time.LocalDate EXAMPLES_WRITTEN_ON = java.time.LocalDate.of(2026, 12, 3);
    private static final Pattern DATE = Pattern.compile("\"([0-9]{4}-[0-9]{2}-[0-9]{2})\"");
    private static final Pattern ID_NUMBER = Pattern.compile("\"([0-9]{6})([0-9]{8})[0-9]{3}[0-9X]\"");

    private final HttpCalls http;
    private final JsonNode paths;
    private final String trespasser;
    private final List<String> failures = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private int created;
    private int staffReads;
    private int staffWrites;
    private int staleWrites;
    private int otherScope;
    private int listReads;
    private int citizenReads;

    public ForeignAccess(HttpCalls http, String documentJson, String trespasser) {
        this.http = http;
        this.paths = JSON.readTree(documentJson).path("paths");
        this.trespasser = trespasser;
    }

    public Totals run() {
        createWhatOnlyAnAdministratorCreates();
        for (var path : paths.properties()) {
            String collection = path.getKey();
            JsonNode create = path.getValue().path("post");
            if (collection.contains("{") || collection.contains("/dev/") || example(create) == null) {
                continue;
            }
            String staff = firstStaffRole(roles(create));
            if (staff != null) {
                staffRecord(collection, create, staff);
            }
            if (roles(create).contains("citizen")) {
                citizenRecord(collection, create);
            }
            listQueries(collection, path.getValue().path("get"));
        }
        return new Totals(created, staffReads, staffWrites, staleWrites, listReads, citizenReads, otherScope, failures,
                skipped);
    }

    /**
     * Records other examples refer to and only an administrator creates (registry's offices), made from their
     * examples first; one that exists already (409) is fine.
     */
    private void createWhatOnlyAnAdministratorCreates() {
        for (var path : paths.properties()) {
            JsonNode create = path.getValue().path("post");
            if (!path.getKey().contains("{") && example(create) != null && roles(create).equals(List.of("admin"))) {
                http.postJson(path.getKey(), TestJwts.token("admin-probe", OWNER_COUNTY, "admin"),
                        fresh(example(create).toString()));
            }
        }
    }

    private void staffRecord(String collection, JsonNode create, String role) {
        String id = create(collection, create, TestJwts.token("owner-probe", OWNER_COUNTY, role));
        if (id == null) {
            return;
        }
        for (String read : readsOf(collection)) {
            JsonNode get = paths.path(read).path("get");
            String reader = firstStaffRole(roles(get));
            // x-nationwide: the document says staff of every division may read it (marriages: 全国通办).
            if (reader == null || get.path("x-nationwide").asBoolean()) {
                continue;
            }
            String url = read.replaceFirst("\\{[^}]+}", id);
            var own = http.get(url, TestJwts.token("owner-probe", OWNER_COUNTY, reader));
            if (own.status() != 200) {
                skipped.add("GET " + read + " (the owner got " + own.status() + ")");
                continue;
            }
            var foreign = http.get(url, TestJwts.token(trespasser, FOREIGN_COUNTY, reader));
            expect(foreign, 403, "/problems/outside-division", "GET " + url + " by another county's " + reader);
            staffReads++;
        }
        foreignWrites(collection, id, role);
    }

    private static final List<String> WRITES = List.of("post", "put", "patch", "delete");

    /** A write the document lists on a record, with the first staff role that may send it. */
    private record Write(String method, String url, JsonNode operation, String role) {
    }

    /** Writes on {@code collection/{id}} and its sub-resources, for staff, not marked {@code x-nationwide}. */
    private List<Write> writesOn(String collection, String id) {
        List<Write> writes = new ArrayList<>();
        for (String path : subresourcesOf(collection)) {
            for (String method : WRITES) {
                JsonNode operation = paths.path(path).path(method);
                String role = firstStaffRole(roles(operation));
                if (!operation.isMissingNode() && role != null && !operation.path("x-nationwide").asBoolean()) {
                    writes.add(new Write(method.toUpperCase(Locale.ROOT), path.replaceFirst("\\{[^}]+}",
                            java.util.regex.Matcher.quoteReplacement(encoded(id))), operation, role));
                }
            }
        }
        return writes;
    }

    private HttpCalls.Response send(Write write, String token, String ifMatch) {
        JsonNode example = example(write.operation());
        var request = http.request(write.url(), token).header("Content-Type", "application/json")
                .method(write.method(), java.net.http.HttpRequest.BodyPublishers.ofString(
                        example == null ? "{}" : fresh(example.toString())));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request);
    }

    private static String encoded(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Every write on the record by another county's officer is a 403; every write by its owner with a stale
     * {@code If-Match} is a 412 (optimistic concurrency over HTTP, issue 30.9); neither changes the record, whose
     * read answers an {@code ETag}.
     */
    private void foreignWrites(String collection, String id, String ownerRole) {
        String record = collection + "/" + encoded(id);
        boolean readable = subresourcesOf(collection).stream()
                .anyMatch(path -> path.matches(Pattern.quote(collection) + "/\\{[^}]+}") && paths.path(path).has("get"));
        var before = readable ? http.get(record, TestJwts.token("owner-probe", OWNER_COUNTY, ownerRole)) : null;
        String etag = before != null && before.status() == 200 ? before.header("ETag") : null;
        if (before != null && before.status() == 200 && etag == null) {
            failures.add("GET " + record + " answers no ETag");
        }
        for (Write write : writesOn(collection, id)) {
            expectOutOfScope(send(write, TestJwts.token(trespasser, FOREIGN_COUNTY, write.role()), etag),
                    write.method() + " " + write.url() + " by another county's " + write.role());
            staffWrites++;
            if (etag != null) {
                staleWrite(write);
            }
        }
        if (etag != null) {
            String after = http.get(record, TestJwts.token("owner-probe", OWNER_COUNTY, ownerRole)).header("ETag");
            if (!etag.equals(after)) {
                failures.add(record + " changed (ETag " + etag + " -> " + after + ") after refused writes");
            }
        }
    }

    /**
     * The owner's write with a stale {@code If-Match}: 412. A write that creates a record of its own under this one
     * (201: an admission, an inspection) is no update of this record, and one the owner's probe may not make (its
     * scope is a provider or facility it does not name) is not tried: both are reported as skipped.
     */
    private void staleWrite(Write write) {
        var response = send(write, TestJwts.token("owner-probe", OWNER_COUNTY, write.role()), "\"987654\"");
        boolean problem = String.valueOf(response.contentType()).startsWith("application/problem+json");
        if (response.status() == 201) {
            skipped.add(write.method() + " " + write.url() + " (creates a record of its own)");
        } else if (response.status() == 403 && problem
                && OTHER_SCOPES.contains(response.json().path("type").asString())) {
            skipped.add(write.method() + " " + write.url() + " (the owner's probe names no provider or facility)");
        } else {
            expect(response, 412, "/problems/stale-version", write.method() + " " + write.url()
                    + " with a stale If-Match");
            staleWrites++;
        }
    }

    private void listQueries(String collection, JsonNode list) {
        String reader = firstStaffRole(roles(list));
        boolean takesDivision = list.path("parameters").valueStream()
                .anyMatch(p -> p.path("name").asString().equals("division") && p.path("in").asString().equals("query"));
        // Lists of records only (a collection with a read by id): county standards and the like are public policy.
        if (reader == null || !takesDivision || readsOf(collection).isEmpty()) {
            return;
        }
        StringBuilder query = new StringBuilder("?division=" + OWNER_COUNTY);
        for (JsonNode p : list.path("parameters")) {
            boolean simple = !p.path("schema").has("$ref");
            if (simple && p.path("required").asBoolean() && !p.path("name").asString().equals("division")) {
                JsonNode value = p.path("example").isMissingNode() ? p.path("schema").path("example")
                        : p.path("example");
                value = value.isMissingNode() ? p.path("schema").path("enum").path(0) : value;
                if (value.isMissingNode()) {
                    skipped.add("GET " + collection + " (no example for " + p.path("name").asString() + ")");
                    return;
                }
                query.append('&').append(p.path("name").asString()).append('=').append(value.asString());
            }
        }
        var foreign = http.get(collection + query, TestJwts.token(trespasser, FOREIGN_COUNTY, reader));
        expect(foreign, 403, "/problems/outside-division", "GET " + collection + query);
        listReads++;
    }

    private void citizenRecord(String collection, JsonNode create) {
        String body = fresh(example(create).toString());
        Matcher first = ID_NUMBER.matcher(body);
        String ownerId = first.find() ? body.substring(first.start() + 1, first.end() - 1)
                : TestIdNumbers.female("320404", java.time.LocalDate.of(1990, 1, 1));
        String owner = TestJwts.builder().user("citizen-owner-probe").division(OWNER_COUNTY).roles("citizen")
                .idNumber(ownerId).build();
        String id = post(collection, body, owner);
        if (id == null) {
            return;
        }
        String other = TestJwts.builder().user("citizen-other-probe").division(OWNER_COUNTY).roles("citizen")
                .idNumber(TestIdNumbers.male("320404", java.time.LocalDate.of(1985, 6, 1))).build();
        for (String read : readsOf(collection)) {
            if (!roles(paths.path(read).path("get")).contains("citizen")) {
                continue;
            }
            String url = read.replaceFirst("\\{[^}]+}", id);
            if (http.get(url, owner).status() != 200) {
                skipped.add("GET " + read + " (the citizen who made it could not read it)");
                continue;
            }
            expect(http.get(url, other), 404, "/problems/not-found", "GET " + url + " by another citizen");
            citizenReads++;
        }
        for (var me : paths.properties()) {
            if (me.getKey().contains("/me/") && !me.getKey().contains("{") && me.getValue().has("get")
                    && http.get(me.getKey(), other).body().contains(id)) {
                failures.add("GET " + me.getKey() + " shows another citizen's " + id);
            }
        }
    }

    private String create(String collection, JsonNode create, String token) {
        return post(collection, fresh(example(create).toString()), token);
    }

    private String post(String collection, String body, String token) {
        var response = http.postJson(collection, token, body);
        if (response.status() != 200 && response.status() != 201 && response.status() != 202) {
            skipped.add("POST " + collection + " (example answered " + response.status() + ")");
            return null;
        }
        created++;
        String id = response.json().path("id").asString("");
        if (id.isEmpty() && response.header("Location") != null) {
            String location = response.header("Location");
            id = location.substring(location.lastIndexOf('/') + 1);
        }
        return id.isEmpty() ? null : id;
    }

    /** {@code collection/{id}} and {@code collection/{id}/...} reads with no other path parameter. */
    private List<String> readsOf(String collection) {
        return subresourcesOf(collection).stream().filter(path -> paths.path(path).has("get")).toList();
    }

    /** {@code collection/{id}} and {@code collection/{id}/...} with no other path parameter. */
    private List<String> subresourcesOf(String collection) {
        Pattern record = Pattern.compile(Pattern.quote(collection) + "/\\{(id|[A-Za-z]*Id)}(/[^{}]+)?");
        return paths.propertyNames().stream().filter(path -> record.matcher(path).matches()).toList();
    }

    /**
     * Staff whose scope is a provider or a facility rather than a division (eldercare's care providers and
     * operators) are refused for that: 403 {@code other-provider} or {@code other-facility}, audited as any 403.
     */
    private static final Set<String> OTHER_SCOPES = Set.of("/problems/other-provider", "/problems/other-facility");

    private void expectOutOfScope(HttpCalls.Response response, String what) {
        boolean problem = String.valueOf(response.contentType()).startsWith("application/problem+json");
        if (response.status() == 403 && problem && OTHER_SCOPES.contains(response.json().path("type").asString())) {
            otherScope++;
            return;
        }
        expect(response, 403, "/problems/outside-division", what);
    }

    private void expect(HttpCalls.Response response, int status, String type, String what) {
        boolean problem = String.valueOf(response.contentType()).startsWith("application/problem+json");
        if (response.status() != status || !problem || !response.json().path("type").asString().equals(type)) {
            failures.add(what + ": expected " + status + " " + type + ", got " + response);
        }
    }

    /**
     * The example's ID numbers replaced by fresh ones of the same county and birth date (one record per person),
     * and its dates moved by whole weeks to today as they were to {@link #EXAMPLES_WRITTEN_ON}: a death stays in the
     * past, an appointment in the future, on the same weekday.
     */
    private static String fresh(String body) {
        return shiftedDates(freshIdNumbers(body));
    }

    private static String shiftedDates(String body) {
        long weeks = java.time.temporal.ChronoUnit.WEEKS.between(EXAMPLES_WRITTEN_ON, java.time.LocalDate.now());
        Matcher m = DATE.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String shifted;
            try {
                shifted = java.time.LocalDate.parse(m.group(1)).plusWeeks(weeks).toString();
            } catch (java.time.format.DateTimeParseException notADate) {
                shifted = m.group(1);
            }
            m.appendReplacement(out, "\"" + shifted + "\"");
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String freshIdNumbers(String body) {
        Matcher m = ID_NUMBER.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            var birth = java.time.LocalDate.parse(m.group(2), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            String original = m.group().substring(1, m.group().length() - 1);
            boolean male = ResidentIdNumber.isValid(original)
                    && Character.getNumericValue(original.charAt(16)) % 2 == 1;
            String replacement = male ? TestIdNumbers.male(m.group(1), birth) : TestIdNumbers.female(m.group(1), birth);
            m.appendReplacement(out, "\"" + replacement + "\"");
        }
        m.appendTail(out);
        return out.toString();
    }

    private static JsonNode example(JsonNode operation) {
        JsonNode example = operation.path("requestBody").path("content").path("application/json").path("example");
        return example.isObject() ? example : null;
    }

    private static List<String> roles(JsonNode operation) {
        return operation.path("x-roles").valueStream().map(JsonNode::asString).toList();
    }

    private static String firstStaffRole(List<String> roles) {
        return roles.stream().filter(r -> !NOT_STAFF.contains(r.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
    }
}
