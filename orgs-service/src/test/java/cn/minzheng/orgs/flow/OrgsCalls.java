package cn.minzheng.orgs.flow;

import java.net.http.HttpRequest;

import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.TestJwts;

/** The callers and the one request shape the orgs tests share. */
final class OrgsCalls {

    static final String OFFICER = TestJwts.token("orgs-officer-zl", "320404", "orgs-officer");
    /** The second pair of eyes of the officer's county. */
    static final String SECOND_OFFICER = TestJwts.token("orgs-officer-zl-2", "320404", "orgs-officer");
    static final String OTHER_COUNTY = TestJwts.token("orgs-officer-xb", "320411", "orgs-officer");

    private OrgsCalls() {
    }

    /** A POST to {@code record + action} as the officer, with the If-Match of a fresh read of the record. */
    static HttpCalls.Response postIfMatch(HttpCalls http, String record, String action, String body) {
        return postIfMatch(http, OFFICER, record, action, body);
    }

    /** The same as another caller (reading with that caller's token too). */
    static HttpCalls.Response postIfMatch(HttpCalls http, String token, String record, String action, String body) {
        String etag = http.get(record, token).header("ETag");
        return http.send(http.request(record + action, token).header("Content-Type", "application/json")
                .header("If-Match", etag).POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
