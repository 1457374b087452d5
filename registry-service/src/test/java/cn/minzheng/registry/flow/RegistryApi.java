package cn.minzheng.registry.flow;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.TestJwts;

/** The registry API as a registrar at the window uses it, for tests that walk couples and children through it. */
public final class RegistryApi {

    public static final String REGISTRAR = TestJwts.token("registrar-a", "320404", "registrar");
    static final String JINTAN_REGISTRAR = TestJwts.token("registrar-j", "320413", "registrar");
    static final String ADMIN = TestJwts.token("admin-d", "320404", "admin");
    static final String AUDITOR = TestJwts.token("auditor-e", "320404", "auditor");

    public final HttpCalls http;

    public RegistryApi(int port) {
        this.http = new HttpCalls("http://127.0.0.1:" + port);
    }

    static String citizen(String idNumber) {
        return TestJwts.builder().user("citizen-" + idNumber.substring(12)).division("320404001001")
                .idNumber(idNumber).roles("citizen").build();
    }

    /** A new office of 钟楼区 open every day, with the given bands ({@code "09:00-10:00":5}). */
    public String office(String bandsJson) {
        return office(bandsJson, "320404");
    }

    /** A new office of that county open every day. */
    public String office(String bandsJson, String county) {
        String code = "T" + UUID.randomUUID().toString().substring(0, 8);
        var response = http.postJson("/api/registry/offices", TestJwts.token("admin-" + county, county, "admin"), """
                {"code":"%s","name":"婚姻登记处(测试%s)","divisionCode":"%s","address":"某路 1 号",
                 "openingDays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],
                 "bands":%s}""".formatted(code, code, county, bandsJson));
        if (response.status() != 201) {
            throw new IllegalStateException("office: " + response);
        }
        return response.json().path("id").asString();
    }

    HttpCalls.Response marry(String officeId, String manId, String womanId) {
        return http.postJson("/api/registry/marriages", REGISTRAR, """
                {"partyA":{"idNumber":"%s","name":"张伟"},"partyB":{"idNumber":"%s","name":"李娜"},
                 "officeId":"%s","declarationSigned":true}""".formatted(manId, womanId, officeId));
    }

    public JsonNode married(String officeId, String manId, String womanId) {
        var response = marry(officeId, manId, womanId);
        if (response.status() != 201) {
            throw new IllegalStateException("marriage: " + response);
        }
        return response.json();
    }

    HttpCalls.Response applyForDivorce(String marriageId) {
        return http.postJson("/api/registry/divorces", REGISTRAR, "{\"marriageId\":\"" + marriageId + "\"}");
    }

    HttpCalls.Response registerDivorce(String divorceId) {
        return http.postJson("/api/registry/divorces/" + divorceId + "/registration", REGISTRAR, "{}");
    }

    /** Today as the service sees it (its clock may have been moved by earlier steps). */
    public LocalDate serviceToday() {
        return OffsetDateTime.parse(http.get("/api/registry/dev/clock", ADMIN).json().path("now").asString())
                .atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
    }

    /** Moves the service's clock forward to the given day (same time of day). */
    void advanceTo(LocalDate day) {
        long days = ChronoUnit.DAYS.between(serviceToday(), day);
        if (days < 0) {
            throw new IllegalStateException("the clock only moves forward");
        }
        if (days > 0) {
            var response = http.postJson("/api/registry/dev/clock", ADMIN, "{\"by\":\"P" + days + "D\"}");
            if (response.status() != 200) {
                throw new IllegalStateException("clock: " + response);
            }
        }
    }

    /**
     * Moves the service's clock to the first day on or after {@code day} that the office registers (a weekend or
     * holiday in between is skipped, as a couple would come back on the next working day).
     */
    LocalDate advanceToRegistrationDay(String officeId, LocalDate day) {
        for (LocalDate candidate = day; candidate.isBefore(day.plusDays(30)); candidate = candidate.plusDays(1)) {
            if (http.get("/api/registry/offices/" + officeId + "/slots?date=" + candidate, null).json()
                    .path("officeOpen").asBoolean()) {
                advanceTo(candidate);
                return candidate;
            }
        }
        throw new IllegalStateException(officeId + " registers on no day in the 30 after " + day);
    }
}
