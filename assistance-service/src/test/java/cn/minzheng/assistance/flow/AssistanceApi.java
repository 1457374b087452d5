package cn.minzheng.assistance.flow;

import java.time.LocalDate;

import tools.jackson.databind.JsonNode;

import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;

/** The assistance API as township and county staff use it, for tests that walk a household through it. */
public final class AssistanceApi {

    public static final String OFFICER = TestJwts.token("officer-a", "320404001", "township-officer");
    static final String OTHER_TOWNSHIP = TestJwts.token("officer-b", "320404002", "township-officer");
    static final String APPROVER = TestJwts.token("approver-c", "320404", "county-approver");
    static final String ADMIN = TestJwts.token("admin-d", "320404", "admin");
    static final String AUDITOR = TestJwts.token("auditor-e", "320404", "auditor");

    public final HttpCalls http;

    public AssistanceApi(int port) {
        this.http = new HttpCalls("http://127.0.0.1:" + port);
    }

    void standard(String county, String amount, String from) {
        var response = http.postJson("/api/assistance/standards", APPROVER, """
                {"divisionCode":"%s","programme":"DIBAO","residence":"ALL","amount":%s,"effectiveFrom":"%s"}
                """.formatted(county, amount, from));
        if (response.status() != 201) {
            throw new IllegalStateException("standard: " + response);
        }
    }

    /** A family of three in 320404001007: head (income 300), spouse, child born 2015 (a minor add-on). */
    public Family family() {
        return new Family(TestIdNumbers.male("320404", LocalDate.of(1980, 3, 1)),
                TestIdNumbers.female("320404", LocalDate.of(1982, 6, 1)),
                TestIdNumbers.male("320404", LocalDate.of(2015, 9, 1)));
    }

    public HttpCalls.Response register(Family family) {
        return http.postJson("/api/assistance/households", OFFICER, """
                {"divisionCode":"320404001007","residence":"URBAN","address":"钟楼区某街道某小区 1 号",
                 "members":[
                   {"idNumber":"%s","name":"张大伟","relation":"HEAD","disabilityGrade":0,"employed":false,"monthlyIncome":300.00},
                   {"idNumber":"%s","name":"李小红","relation":"SPOUSE","disabilityGrade":0,"employed":false,"monthlyIncome":0},
                   {"idNumber":"%s","name":"张小明","relation":"CHILD","disabilityGrade":0,"employed":false,"monthlyIncome":0}],
                 "assets":{"deposits":1000.00,"vehicles":0,"houses":1},
                 "contactPhone":"13912345678","paymentAccount":"6228480402564890018"}
                """.formatted(family.head(), family.spouse(), family.child()));
    }

    JsonNode apply(String householdId, String token) {
        var response = http.postJson("/api/assistance/applications", token, """
                {"householdId":"%s","programme":"DIBAO","reason":"丈夫失业，收入低于低保标准"}
                """.formatted(householdId));
        if (response.status() != 201) {
            throw new IllegalStateException("apply: " + response);
        }
        return response.json();
    }

    /** The review, as part of a trace the caller (a portal) started. */
    HttpCalls.Response review(String applicationId, String decision, String traceparent) {
        return http.send(http.request("/api/assistance/applications/" + applicationId + "/review", OFFICER)
                .header("Content-Type", "application/json").header("traceparent", traceparent)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"decision":"%s","opinion":"入户调查属实"}""".formatted(decision))));
    }

    HttpCalls.Response approve(String applicationId, String token) {
        return http.postJson("/api/assistance/applications/" + applicationId + "/approval", token, """
                {"decision":"APPROVE","opinion":"同意"}
                """);
    }

    /** Today as the service sees it (its clock may have been moved by earlier steps). */
    LocalDate serviceToday() {
        return java.time.OffsetDateTime.parse(http.get("/api/assistance/dev/clock", ADMIN).json().path("now")
                .asString()).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
    }

    /** Moves the service's clock to two days after a public notice ends. */
    void advancePast(LocalDate noticeUntil) {
        advanceClock("P" + (java.time.temporal.ChronoUnit.DAYS.between(serviceToday(), noticeUntil) + 2) + "D");
    }

    void advanceClock(String duration) {
        var response = http.postJson("/api/assistance/dev/clock", ADMIN, "{\"by\":\"" + duration + "\"}");
        if (response.status() != 200) {
            throw new IllegalStateException("clock: " + response);
        }
    }

    public record Family(String head, String spouse, String child) {
    }
}
