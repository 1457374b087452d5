package cn.minzheng.orgs.flow;

import static cn.minzheng.testsupport.ProblemAssertions.assertProblem;
import static cn.minzheng.orgs.flow.OrgsCalls.OFFICER;
import static cn.minzheng.orgs.flow.OrgsCalls.OTHER_COUNTY;
import static cn.minzheng.orgs.flow.OrgsCalls.SECOND_OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.testsupport.EventSchemas;
import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TopicRecords;


/**
 * The registry on the real broker and store: an organisation registered (event, ID number masked), its code and
 * name kept unique, codes of the wrong authority or category refused, a sponsor unit required unless registered
 * directly, officers kept to their division, listings and revocation kept as history with their events, and the
 * public disclosure without a login.
 */
@ServiceTest
class OrganizationRegistryTest extends OrgsFlow {

    /** A fresh valid civil-affairs code of the category ('1', '2' or '3'). */
    private static String code(char category) {
        String body = "5" + category + "320404" + UUID.randomUUID().toString().replaceAll("[^0-9]", "")
                .concat("000000000").substring(0, 9);
        return body + CreditCode.checkCharacter(body);
    }

    private HttpCalls.Response register(String name, String type, String code, String sponsor, String idNumber) {
        return http.postJson("/api/orgs/organizations", OFFICER, """
                {"name":"%s","type":"%s","creditCode":"%s",%s"legalRepresentative":{"name":"周建华","idNumber":"%s"},
                 "businessScope":"书画交流","registeredCapital":30000,"address":"邮电路 16 号","divisionCode":"320404",
                 "registeredOn":"2026-11-20"}""".formatted(name, type, code,
                sponsor == null ? "\"directRegistration\":true," : "\"sponsorUnit\":\"" + sponsor + "\",", idNumber));
    }

    private static String person() {
        return TestIdNumbers.male("320404", LocalDate.of(1975, 3, 15));
    }

    @Test
    void an_association_is_registered_once_by_code_and_by_name_with_its_event() {
        String name = "钟楼区老年书画协会" + UUID.randomUUID().toString().substring(0, 4);
        String code = code('1');
        String idNumber = person();
        try (TopicRecords topic = new TopicRecords("minzheng.orgs")) {
            var created = register(name, "ASSOCIATION", code, "钟楼区文化广电和旅游局", idNumber);

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.json().path("id").asString()).isEqualTo("org-" + code);
            assertThat(created.json().path("status").asString()).isEqualTo("REGISTERED");
            assertThat(created.body()).doesNotContain(idNumber);
            assertThat(created.json().path("legalRepresentative").path("idNumber").asString()).contains("****");
            var records = topic.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream()
                    .anyMatch(r -> ("org-" + code).equals(r.key())));
            var registered = records.stream().filter(r -> ("org-" + code).equals(r.key())).toList();
            assertThat(registered).extracting(TopicRecords::type).containsExactly("minzheng.orgs.org.registered.v1");
            assertThat(EventSchemas.violations(registered)).isEmpty();
            assertThat(TopicRecords.body(registered.get(0))).doesNotContain(idNumber);
        }

        assertProblem(register(name + "二", "ASSOCIATION", code, "民政局", person()), 409,
                "/problems/credit-code-registered", "creditCode");
        assertProblem(register(" " + name + " ", "ASSOCIATION", code('1'), "民政局", person()), 409,
                "/problems/org-name-taken", "name");
    }

    @Test
    void a_code_of_another_authority_or_category_or_with_a_bad_check_character_is_refused() {
        assertProblem(register("钟楼区青年志愿者协会" + UUID.randomUUID().toString().substring(0, 4), "ASSOCIATION",
                code('3'), "团区委", person()), 422, "/problems/credit-code-category-mismatch", "creditCode");
        String enterprise = "91320404MA1234567";
        assertProblem(register("钟楼区某公司" + UUID.randomUUID().toString().substring(0, 4), "ASSOCIATION",
                enterprise + CreditCode.checkCharacter(enterprise), "民政局", person()), 422,
                "/problems/credit-code-not-civil-affairs", "creditCode");
        String good = code('1');
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        assertThat(register("钟楼区某协会" + UUID.randomUUID().toString().substring(0, 4), "ASSOCIATION", badCheck,
                "民政局", person()).status()).isEqualTo(400);
    }

    @Test
    void a_sponsor_unit_is_needed_unless_the_organisation_registers_directly() {
        var withoutSponsor = http.postJson("/api/orgs/organizations", OFFICER, """
                {"name":"钟楼区社区服务中心%s","type":"SERVICE_INSTITUTION","creditCode":"%s",
                 "legalRepresentative":{"name":"李梅","idNumber":"%s"},"businessScope":"社区服务",
                 "divisionCode":"320404","registeredOn":"2026-11-20"}""".formatted(
                UUID.randomUUID().toString().substring(0, 4), code('2'), person()));
        assertProblem(withoutSponsor, 422, "/problems/sponsor-unit-required", "sponsorUnit");

        var direct = register("钟楼区慈善基金会" + UUID.randomUUID().toString().substring(0, 4), "FOUNDATION",
                code('3'), null, person());
        assertThat(direct.status()).as(direct.toString()).isEqualTo(201);
        assertThat(direct.json().path("directRegistration").asBoolean()).isTrue();
    }

    @Test
    void listings_and_revocation_are_kept_with_reason_basis_and_actor_and_announced() {
        String code = code('1');
        String id = register("钟楼区棋类协会" + UUID.randomUUID().toString().substring(0, 4), "ASSOCIATION", code,
                "钟楼区体育局", person()).json().path("id").asString();
        try (TopicRecords topic = new TopicRecords("minzheng.orgs")) {
            var listed = change(id, "/status-changes", """
                    {"status":"ABNORMAL","reason":"未按时报送年度工作报告","legalBasis":"社会组织信用信息管理办法第九条",
                     "effectiveOn":"2026-06-01"}""");
            assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
            // Revocation is a penalty: one officer only proposes it, on any ground; a second officer confirms.
            var proposed = change(id, "/revocation", """
                    {"reason":"连续两年未参加年检","legalBasis":"社会团体登记管理条例第三十条","effectiveOn":"2026-12-01"}""");
            assertThat(proposed.status()).as(proposed.toString()).isEqualTo(200);
            assertThat(proposed.json().path("status").asString()).isEqualTo("ABNORMAL");
            assertThat(proposed.json().path("revocationProposal").path("proposedBy").asString())
                    .isEqualTo("orgs-officer-zl");
            assertProblem(change(id, "/revocation-proposal/confirmation", ""), 403, "/problems/four-eyes");
            assertThat(http.get("/api/orgs/organizations/" + id, OFFICER).json().path("status").asString())
                    .as("the proposer alone revokes nothing").isEqualTo("ABNORMAL");
            var revoked = OrgsCalls.postIfMatch(http, SECOND_OFFICER, "/api/orgs/organizations/" + id,
                    "/revocation-proposal/confirmation", "");
            assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);

            var history = revoked.json().path("history");
            assertThat(history.size()).isEqualTo(2);
            assertThat(history.get(1).path("from").asString()).isEqualTo("ABNORMAL");
            assertThat(history.get(1).path("to").asString()).isEqualTo("REVOKED");
            assertThat(history.get(1).path("legalBasis").asString()).contains("第三十条");
            assertThat(history.get(1).path("by").asString()).isEqualTo("orgs-officer-zl-2");
            var records = topic.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream()
                    .anyMatch(r -> id.equals(r.key()) && TopicRecords.type(r).endsWith("org.revoked.v1")));
            // The registration's own event may arrive after this consumer joined, or before: only the changes count.
            var mine = records.stream().filter(r -> id.equals(r.key()))
                    .filter(r -> !TopicRecords.type(r).endsWith("org.registered.v1")).toList();
            assertThat(mine).extracting(TopicRecords::type).containsExactly(
                    "minzheng.orgs.org.listed-abnormal.v1", "minzheng.orgs.org.revoked.v1");
            assertThat(EventSchemas.violations(mine)).isEmpty();
            assertThat(TopicRecords.body(mine.get(1))).contains("\"revokedOn\":\"2026-12-01\"", code);
        }
        assertProblem(change(id, "/status-changes", """
                {"status":"REGISTERED","reason":"误列","legalBasis":"—","effectiveOn":"2026-12-02"}"""), 409,
                "/problems/org-status-final");
    }

    /** Valid five years (Civil Code art. 201): a grade given five years ago today is current; one a day older is not. */
    @Test
    void a_grade_is_current_for_five_years_and_never_shown_after_it_lapsed() {
        String name = "钟楼区慈善总会" + UUID.randomUUID().toString().substring(0, 4);
        String id = register(name, "ASSOCIATION", code('1'), "钟楼区民政局", person()).json().path("id").asString();
        LocalDate today = today();

        var lapsed = change(id, "/grades", """
                {"grade":"5A","gradedOn":"%s"}""".formatted(today.minusYears(5).minusDays(1)));
        assertThat(lapsed.status()).as(lapsed.toString()).isEqualTo(200);
        assertThat(lapsed.json().path("grade").isNull()).as(lapsed.toString()).isTrue();

        var current = change(id, "/grades", """
                {"grade":"4A","gradedOn":"%s"}""".formatted(today.minusYears(5)));
        assertThat(current.json().path("grade").path("grade").asString()).isEqualTo("4A");
        assertThat(current.json().path("grade").path("validUntil").asString()).isEqualTo(today.toString());
        assertThat(current.json().path("evaluations").size()).isEqualTo(2);

        assertProblem(change(id, "/grades", """
                {"grade":"4A","gradedOn":"%s"}""".formatted(today.minusYears(5))), 409,
                "/problems/grade-already-entered", "gradedOn");
        assertProblem(change(id, "/grades", """
                {"grade":"6A","gradedOn":"%s"}""".formatted(today)), 400, "/problems/invalid-request", "grade");
        var disclosed = http.get("/api/orgs/public/organizations?division=320404&name=" + name.substring(6), null);
        assertThat(disclosed.json().path("items").get(0).path("grade").asString()).isEqualTo("4A");
    }

    @org.springframework.beans.factory.annotation.Autowired
    cn.minzheng.orgs.organization.AnnualReportSweep sweep;

    private String registeredIn2024(String name) {
        return registeredOn(name, "2024-03-01");
    }

    private String registeredOn(String name, String day) {
        var created = http.postJson("/api/orgs/organizations", OFFICER, """
                {"name":"%s","type":"ASSOCIATION","creditCode":"%s","sponsorUnit":"钟楼区民政局",
                 "legalRepresentative":{"name":"王军","idNumber":"%s"},"businessScope":"志愿服务",
                 "divisionCode":"320404","registeredOn":"%s"}""".formatted(name, code('1'), person(), day));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /**
     * The 2024 report was due at the registry on 31 May 2025, a Saturday inside the Dragon Boat holiday (31 May to
     * 2 June): the deadline moved to Tuesday 3 June, so a report received that day is on time. An organisation
     * that sent nothing reads ABNORMAL at once; the sweep then writes the listing and its event, once, and agrees.
     */
    @Test
    void a_missed_report_lists_the_organisation_when_read_and_the_sweep_writes_the_same() {
        String silent = registeredIn2024("钟楼区沉默协会" + UUID.randomUUID().toString().substring(0, 4));
        String diligent = registeredIn2024("钟楼区按时协会" + UUID.randomUUID().toString().substring(0, 4));
        var onTime = change(diligent, "/annual-reports", """
                {"year":2024,"registryReceivedOn":"2025-06-03"}""");
        assertThat(onTime.status()).as(onTime.toString()).isEqualTo(200);
        var failedButReceived = change(diligent, "/annual-reports", """
                {"year":2025,"sponsorReceivedOn":"2026-03-20","registryReceivedOn":"2026-05-29","result":"FAIL"}""");
        assertThat(failedButReceived.json().path("status").asString()).isEqualTo("REGISTERED");
        assertThat(failedButReceived.json().path("missedReports").size()).isZero();
        assertProblem(change(diligent, "/annual-reports", """
                {"year":2023,"registryReceivedOn":"2024-05-01"}"""), 422, "/problems/report-year-out-of-range", "year");
        assertProblem(change(diligent, "/annual-reports", """
                {"year":%d}""".formatted(today().getYear())), 409, "/problems/report-year-not-ended", "year");
        assertProblem(change(diligent, "/annual-reports", """
                {"year":2025,"registryReceivedOn":"2026-05-30"}"""), 409, "/problems/report-already-entered",
                "registryReceivedOn");

        var readNow = http.get("/api/orgs/organizations/" + silent, OFFICER).json();
        assertThat(readNow.path("status").asString()).isEqualTo("ABNORMAL");
        assertThat(readNow.path("missedReports").valueStream().map(y -> y.asInt())).containsExactly(2024, 2025);

        try (TopicRecords topic = new TopicRecords("minzheng.orgs")) {
            sweep.sweep();
            assertThat(sweep.sweep()).as("a second run finds nothing more for these").isGreaterThanOrEqualTo(0);
            var swept = http.get("/api/orgs/organizations/" + silent, OFFICER).json();
            assertThat(swept.path("status").asString()).isEqualTo(readNow.path("status").asString());
            var listings = swept.path("history").valueStream().filter(h -> h.path("to").asString().equals("ABNORMAL"))
                    .toList();
            assertThat(listings).hasSize(1);
            assertThat(listings.get(0).path("effectiveOn").asString()).isEqualTo("2025-06-04");
            var events = topic.awaitUntil(Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> silent.equals(r.key())
                    && TopicRecords.type(r).endsWith("org.listed-abnormal.v1")));
            assertThat(events.stream().filter(r -> silent.equals(r.key())
                    && TopicRecords.type(r).endsWith("org.listed-abnormal.v1"))).hasSize(1);
            assertThat(http.get("/api/orgs/organizations/" + diligent, OFFICER).json().path("history").size())
                    .isZero();
        }
    }

    /**
     * The 2022 report was due on 31 May 2023: listed from 1 June 2023, two years on the list end on 31 May 2025 (art.
     * 201) and the organisation reads SERIOUS_VIOLATION from 1 June 2025; the sweep writes both listings.
     */
    @Test
    void two_years_on_the_abnormal_list_move_an_organisation_to_the_serious_violation_list() {
        String id = registeredOn("钟楼区失联协会" + UUID.randomUUID().toString().substring(0, 4), "2022-01-10");

        assertThat(http.get("/api/orgs/organizations/" + id, OFFICER).json().path("status").asString())
                .isEqualTo("SERIOUS_VIOLATION");
        sweep.sweep();

        var swept = http.get("/api/orgs/organizations/" + id, OFFICER).json();
        assertThat(swept.path("status").asString()).isEqualTo("SERIOUS_VIOLATION");
        assertThat(swept.path("history").valueStream().map(h -> h.path("to").asString() + " "
                + h.path("effectiveOn").asString())).containsExactly("ABNORMAL 2023-06-01",
                        "SERIOUS_VIOLATION 2025-06-01");
    }

    /** 变更登记: each change kept old and new; a new name is checked like a registration's and frees the old one. */
    @Test
    void change_filings_are_kept_and_a_new_name_must_be_free_while_the_old_one_is_freed() {
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        String id = register("钟楼区园艺协会" + suffix, "ASSOCIATION", code('1'), "钟楼区农业农村局", person())
                .json().path("id").asString();
        register("钟楼区花卉协会" + suffix, "ASSOCIATION", code('1'), "钟楼区农业农村局", person());

        assertProblem(change(id, "/amendments", """
                {"item":"NAME","value":"钟楼区花卉协会%s","approvedOn":"2026-11-28"}""".formatted(suffix)), 409,
                "/problems/org-name-taken", "value");
        var renamed = change(id, "/amendments", """
                {"item":"NAME","value":"钟楼区园林园艺协会%s","approvedOn":"2026-11-28"}""".formatted(suffix));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().path("name").asString()).isEqualTo("钟楼区园林园艺协会" + suffix);
        assertThat(register("钟楼区园艺协会" + suffix, "ASSOCIATION", code('1'), "钟楼区农业农村局", person())
                .status()).as("the old name is free again").isEqualTo(201);

        String newRepresentative = person();
        var replaced = change(id, "/amendments", """
                {"item":"LEGAL_REPRESENTATIVE","legalRepresentative":{"name":"陈静","idNumber":"%s"},
                 "approvedOn":"2026-11-29"}""".formatted(newRepresentative));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.body()).doesNotContain(newRepresentative);
        var amendments = replaced.json().path("amendments");
        assertThat(amendments.size()).isEqualTo(2);
        assertThat(amendments.get(0).path("from").asString()).isEqualTo("钟楼区园艺协会" + suffix);
        assertThat(amendments.get(1).path("to").asString()).startsWith("陈静 ").contains("****");

        assertProblem(change(id, "/amendments", """
                {"item":"ADDRESS","value":"邮电路 16 号","approvedOn":"2026-11-30"}"""), 409,
                "/problems/amendment-unchanged", "value");
        assertProblem(change(id, "/amendments", """
                {"item":"BUSINESS_SCOPE","approvedOn":"2026-11-30"}"""), 400, "/problems/amendment-value-required",
                "value");
    }

    private HttpCalls.Response change(String id, String what, String body) {
        return OrgsCalls.postIfMatch(http, "/api/orgs/organizations/" + id, what, body);
    }

    @Test
    void another_countys_officer_is_refused_and_the_public_sees_the_disclosure_without_personal_data() {
        String name = "钟楼区摄影家协会" + UUID.randomUUID().toString().substring(0, 4);
        String idNumber = person();
        String id = register(name, "ASSOCIATION", code('1'), "钟楼区文联", idNumber).json().path("id").asString();

        assertProblem(http.get("/api/orgs/organizations/" + id, OTHER_COUNTY), 403, "/problems/outside-division");
        var page = http.get("/api/orgs/organizations?division=320404&status=REGISTERED", OFFICER).json();
        assertThat(page.path("items").valueStream().map(o -> o.path("id").asString())).contains(id);

        var disclosed = http.get("/api/orgs/public/organizations?division=320404&name=摄影家", null);
        assertThat(disclosed.status()).as(disclosed.toString()).isEqualTo(200);
        assertThat(disclosed.json().path("items").valueStream().map(o -> o.path("name").asString())).contains(name);
        assertThat(disclosed.body()).doesNotContain(idNumber, "****", "orgs-officer-zl");
    }
}
