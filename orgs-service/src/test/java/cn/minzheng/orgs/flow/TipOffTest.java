package cn.minzheng.orgs.flow;

import static cn.minzheng.testsupport.ProblemAssertions.assertProblem;
import static cn.minzheng.orgs.flow.OrgsCalls.OFFICER;
import static cn.minzheng.orgs.flow.OrgsCalls.OTHER_COUNTY;
import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Tip-offs: anyone files one without a login and gets only a reference back; officers of the division read it
 * (the contact masked), others are refused; an outcome is recorded once; oversized text is refused.
 */
@ServiceTest
class TipOffTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    HttpCalls http;

    @BeforeEach
    void setUp() {
        http = new HttpCalls("http://127.0.0.1:" + port);
    }

    private HttpCalls.Response file(String text) {
        return http.asGateway().postJson("/api/orgs/tips", null, """
                {"suspectedName":"中华国学复兴总会钟楼分会","text":"%s","informantName":"王测试","informantPhone":"13812345678",
                 "divisionCode":"320404001"}""".formatted(text));
    }

    @Test
    void anyone_files_a_tip_without_a_login_and_nothing_they_wrote_is_echoed() {
        var filed = file("该组织未经登记，在小区招募会员并收取会费。");

        assertThat(filed.status()).as(filed.toString()).isEqualTo(202);
        assertThat(filed.json().path("id").asString()).startsWith("tip-");
        assertThat(filed.body()).doesNotContain("13812345678", "招募会员", "国学");

        var read = http.get("/api/orgs/tips/" + filed.json().path("id").asString(), OFFICER);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("text").asString()).contains("招募会员");
        assertThat(read.json().path("informantPhone").asString()).isEqualTo("138****5678");
        assertThat(read.json().path("informantName").asString()).isEqualTo("王**");
        assertThat(read.body()).doesNotContain("13812345678", "王测试");
        assertThat(read.json().path("actions").toString()).isEqualTo("[\"RECORD_OUTCOME\",\"REVEAL_INFORMANT\"]");
        assertThat(http.get("/api/orgs/tips/" + filed.json().path("id").asString(),
                TestJwts.token("auditor-zl", "320404", "auditor")).json().path("actions").size())
                .as("an auditor reads, and may do nothing").isZero();
        assertProblem(http.get("/api/orgs/tips/" + filed.json().path("id").asString(), OTHER_COUNTY), 403,
                "/problems/outside-division");
    }

    @Test
    void the_informants_contact_is_revealed_only_to_an_orgs_officer_of_the_division_and_audited() {
        String id = file("以协会名义收取培训费。").json().path("id").asString();
        String informant = "/api/orgs/tips/" + id + "/informant";
        long before = reveals(id);

        var revealed = http.get(informant, OFFICER);
        assertThat(revealed.status()).as(revealed.toString()).isEqualTo(200);
        assertThat(revealed.json().path("informantName").asString()).isEqualTo("王测试");
        assertThat(revealed.json().path("informantPhone").asString()).isEqualTo("13812345678");
        assertThat(reveals(id)).as("the reveal is on the trail").isEqualTo(before + 1);

        assertProblem(http.get(informant, OTHER_COUNTY), 403, "/problems/outside-division");
        assertThat(http.get(informant, TestJwts.token("auditor-zl", "320404", "auditor")).status())
                .as("an auditor reads tips masked, never the informant").isEqualTo(403);
        assertThat(reveals(id)).isEqualTo(before + 1);
    }

    /** Full reads of this tip on the trail (by actor: the trail's indexed query shape). */
    private long reveals(String tipId) {
        return mongo.find(Query.query(Criteria.where("actor").is("orgs-officer-zl")), Document.class, "audit").stream()
                .filter(r -> "READ_FULL_PERSONAL_DATA".equals(r.getString("action"))
                        && tipId.equals(r.getString("resourceId")))
                .count();
    }

    @Test
    void a_phone_that_is_no_phone_number_is_refused_naming_the_field() {
        assertProblem(http.asGateway().postJson("/api/orgs/tips", null, """
                {"suspectedName":"某某协会","text":"未登记开展活动","informantPhone":"call me",
                 "divisionCode":"320404001"}"""), 400, "invalid-phone-number", "informantPhone");
    }

    @Test
    void an_investigation_ends_once_with_its_outcome() {
        String id = file("以分会名义开展活动。").json().path("id").asString();
        assertThat(http.get("/api/orgs/tips?open=true", OFFICER).json().path("items").valueStream()
                .map(t -> t.path("id").asString())).contains(id);

        var closed = outcome(id, "BANNED");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().path("outcome").asString()).isEqualTo("BANNED");
        assertThat(closed.json().path("closedBy").asString()).isEqualTo("orgs-officer-zl");
        assertProblem(outcome(id, "REFERRED"), 409, "/problems/tip-closed");
        assertThat(closed.json().path("actions").toString()).as("closed: no outcome offered")
                .doesNotContain("RECORD_OUTCOME");
        assertThat(http.get("/api/orgs/tips?open=true", OFFICER).json().path("items").valueStream()
                .map(t -> t.path("id").asString())).doesNotContain(id);
    }

    @Test
    void an_oversized_tip_is_refused_naming_the_field() {
        assertProblem(file("长".repeat(2_001)), 400, "/problems/invalid-request", "text");
    }

    private HttpCalls.Response outcome(String id, String outcome) {
        return OrgsCalls.postIfMatch(http, "/api/orgs/tips/" + id, "/outcome", "{\"outcome\":\"" + outcome + "\"}");
    }
}
