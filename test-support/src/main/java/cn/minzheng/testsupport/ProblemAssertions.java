package cn.minzheng.testsupport;

import static org.assertj.core.api.Assertions.assertThat;


/** What every refusal must look like to a client, in one place for every test of every module. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /**
     * RFC 9457 problem+json with this status and kind ({@code stale-version} or the full type
     * {@code /problems/stale-version}), a title, and nothing of the server's insides (no stack trace, class or
     * database name, no HTML error page).
     */
    public static void assertProblem(HttpCalls.Response response, int status, String kind) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        var body = response.json();
        assertThat(body.path("type").asString()).isEqualTo(kind.startsWith("/") ? kind : "/problems/" + kind);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "at cn.", "at org.", "java.", "mongo", "<html");
    }

    /** The same, naming the request field at fault first in {@code errors[]} (a JSON path). */
    public static void assertProblem(HttpCalls.Response response, int status, String kind, String field) {
        assertProblem(response, status, kind);
        if (field != null) {
            assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
        }
    }
}
