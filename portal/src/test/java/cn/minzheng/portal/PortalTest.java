package cn.minzheng.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The portal as a backend-for-frontend, against a fake gateway: it sends the person's own token and language, cards
 * are the services' counts and a silent office greys out only its own card, refusals are shown as the service worded
 * them, every form needs its CSRF token, and the pages carry a CSP without inline script.
 */
@SpringBootTest(properties = {"minzheng.portal.call-timeout=1s", "minzheng.portal.portal-key=test-portal-key",
        "minzheng.portal.session-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
@AutoConfigureMockMvc
class PortalTest {

    static final MongoServer STORE = new MongoServer(new MemoryBackend());
    static final InetSocketAddress STORE_ADDRESS = STORE.bind();
    static final FakeGateway GATEWAY = new FakeGateway();

    @DynamicPropertySource
    static void addresses(DynamicPropertyRegistry properties) {
        properties.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + STORE_ADDRESS.getPort() + "/portal");
        properties.add("minzheng.portal.gateway-url", GATEWAY::url);
    }

    @AfterAll
    static void stop() {
        GATEWAY.close();
        STORE.shutdown();
    }

    @Autowired
    MockMvc http;

    @BeforeEach
    void fresh() {
        GATEWAY.reset();
    }

    static RequestPostProcessor person(String role, String division) {
        return oidcLogin().idToken(token -> token.claim("preferred_username", "someone-" + role)
                .claim("division", division)).authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    @Test
    void a_person_not_logged_in_is_sent_to_the_login_page() throws Exception {
        http.perform(get("/assistance/households")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        String login = http.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(login).contains("统一身份认证登录", "/oauth2/authorization/keycloak");
        assertThat(http.perform(get("/login?expired")).andReturn().getResponse().getContentAsString())
                .contains("会话已结束");
    }

    @Test
    void pages_carry_a_policy_without_inline_script_and_refuse_framing() throws Exception {
        var response = http.perform(get("/login")).andReturn().getResponse();
        String csp = response.getHeader("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline",
                "unsafe-eval");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getContentAsString()).doesNotContain("<script>", "hx-on", "style=\"");
    }

    @Test
    void assets_are_served_by_the_portal_at_versioned_addresses_browsers_may_keep() throws Exception {
        String page = http.perform(get("/login")).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"(/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min\\.js)\"")
                .matcher(page);
        java.util.regex.Matcher css = java.util.regex.Pattern.compile("href=\"(/css/portal\\.css\\?v=[0-9a-f]{12})\"")
                .matcher(page);
        assertThat(script.find()).as(page).isTrue();
        assertThat(css.find()).as(page).isTrue();
        for (String asset : new String[] {script.group(1), css.group(1)}) {
            var served = http.perform(get(asset)).andExpect(status().isOk()).andReturn().getResponse();
            assertThat(served.getHeader("Cache-Control")).contains("max-age=31536000");
        }
    }

    @Test
    void the_home_page_shows_the_offices_worklists_and_greys_out_only_the_office_that_does_not_answer()
            throws Exception {
        GATEWAY.answer("/api/assistance/worklists", """
                {"items":[{"name":"APPLICATIONS_TO_REVIEW","count":12,"list":"/api/assistance/applications?status=SUBMITTED"},
                          {"name":"REVIEWS_DUE","count":2,"list":"/api/assistance/enrolments?status=ACTIVE&reviewDueBefore=2027-01-05"}]}""")
                .hang("/api/registry/worklists");
        RequestPostProcessor officerAndRegistrar = oidcLogin().idToken(token -> token
                .claim("preferred_username", "someone").claim("division", "320404001"))
                .authorities(new SimpleGrantedAuthority("ROLE_township-officer"),
                        new SimpleGrantedAuthority("ROLE_registrar"));
        String page = http.perform(get("/").with(officerAndRegistrar))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("待我审核的申请", "<span class=\"card-count\">12</span>",
                "href=\"/assistance/applications?status=SUBMITTED\"", "定期复核到期",
                "href=\"/assistance/enrolments?status=ACTIVE&amp;reviewDueBefore=2027-01-05\"",
                "婚姻收养：该业务系统暂时无法访问", "救助家庭");
        assertThat(GATEWAY.calls).allSatisfy(call -> {
            assertThat(call.headers().getFirst("Authorization")).isEqualTo("Bearer access-token");
            assertThat(call.headers().getFirst("Accept-Language")).isEqualTo("zh-CN");
        });
    }

    @Test
    void a_refusal_is_shown_in_the_services_words_next_to_its_field_and_what_was_typed_stays() throws Exception {
        GATEWAY.answer("/api/assistance/applications/app-1/review", 400, """
                {"type":"/problems/invalid-request","title":"请求无效","status":400,"detail":"不通过时须写明理由。",
                 "errors":[{"field":"opinion","message":"请填写意见"}]}""")
                .answer("/api/assistance/applications/app-1", """
                {"id":"app-1","status":"SUBMITTED","programme":"DIBAO","actions":["REVIEW"]}""");
        String page = http.perform(post("/assistance/applications/app-1/review").with(csrf())
                        .with(person("township-officer", "320404001"))
                        .param("decision", "REJECT").param("opinion", "").param("idempotencyKey", "k-1")
                        .param("etag", "\"7\""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("不通过时须写明理由。", "id=\"err-opinion\">请填写意见</span>");
        FakeGateway.Call review = GATEWAY.calls.stream().filter(call -> call.method().equals("POST")).findFirst()
                .orElseThrow();
        assertThat(review.headers().getFirst("Idempotency-Key")).isEqualTo("k-1");
        assertThat(review.headers().getFirst("If-Match")).isEqualTo("\"7\"");
        assertThat(review.body()).contains("\"decision\":\"REJECT\"");
        // The page's trace goes on to the gateway (docs/operations.md, "Traces").
        assertThat(review.headers().getFirst("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    @Test
    void only_the_acts_the_service_offers_are_rendered() throws Exception {
        GATEWAY.answer("/api/assistance/applications/app-2", """
                {"id":"app-2","status":"PUBLIC_NOTICE","programme":"DIBAO","actions":["REJECT"],
                 "notice":{"from":"2026-12-01","until":"2026-12-08"}}""");
        String page = http.perform(get("/assistance/applications/app-2").with(person("county-approver", "320404")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"REJECT\"").doesNotContain("value=\"APPROVE\"", "value=\"PASS\"");
    }

    @Test
    void a_form_without_its_csrf_token_is_refused_and_nothing_is_sent() throws Exception {
        http.perform(post("/assistance/applications/app-1/review").with(person("township-officer", "320404001"))
                .param("decision", "PASS").param("idempotencyKey", "k-2").param("etag", "\"7\""))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(302, 403))
                .andExpect(result -> assertThat(String.valueOf(result.getResponse().getRedirectedUrl()))
                        .isIn("null", "/login?expired"));
        assertThat(GATEWAY.calls).isEmpty();
    }

    @Test
    void english_on_request_for_the_pages_and_the_services() throws Exception {
        GATEWAY.answer("/api/assistance/worklists", """
                {"items":[{"name":"APPLICATIONS_TO_REVIEW","count":0,"list":"/api/assistance/applications?status=SUBMITTED"}]}""");
        String page = http.perform(get("/?lang=en").with(person("township-officer", "320404001")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Applications for my review", "Township officer");
        assertThat(GATEWAY.calls).allSatisfy(call ->
                assertThat(call.headers().getFirst("Accept-Language")).isEqualTo("en"));
    }

    @Test
    void an_adoption_is_sent_as_typed_with_an_empty_second_adopter_left_out_and_refused_at_the_adopters_field()
            throws Exception {
        GATEWAY.answer("/api/registry/adoptions", 400, """
                {"type":"/problems/invalid-request","title":"请求无效","status":400,"detail":"请求内容有误。",
                 "errors":[{"field":"adopters[0].idNumber","message":"身份证号码校验位不正确"}]}""");
        String page = http.perform(post("/registry/adoptions").with(csrf()).with(person("registrar", "320404"))
                        .param("officeId", "office-1").param("adopters[0].name", "张伟")
                        .param("adopters[0].idNumber", "32040419800101001X").param("adopters[0].childrenCount", "0")
                        .param("adopters[1].name", "").param("adopters[1].idNumber", "")
                        .param("child.name", "小明").param("child.idNumber", "320404202001010011")
                        .param("child.status", "ORPHAN").param("assessmentCompleted", "yes")
                        .param("idempotencyKey", "k-adopt"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("收养人 1 · 身份证号", "id=\"err-adopters[0].idNumber\">身份证号码校验位不正确",
                "value=\"张伟\"");
        FakeGateway.Call sent = GATEWAY.calls.stream().filter(call -> call.method().equals("POST")).findFirst()
                .orElseThrow();
        assertThat(sent.headers().getFirst("Idempotency-Key")).isEqualTo("k-adopt");
        assertThat(sent.body()).contains("\"childrenCount\":0", "\"status\":\"ORPHAN\"",
                "\"assessmentCompleted\":true").doesNotContain("\"name\":null");
    }

    @Test
    void a_marriage_offers_a_reissue_only_when_its_read_does_and_the_reissue_sends_the_pages_version()
            throws Exception {
        GATEWAY.answer("/api/registry/marriages/mar-1", """
                {"id":"mar-1","status":"DIVORCED","certificateNo":"J1","actions":[]}""");
        assertThat(http.perform(get("/registry/marriages/mar-1").with(person("registrar", "320404")))
                .andReturn().getResponse().getContentAsString()).doesNotContain("补领结婚证", "受理离婚申请");

        GATEWAY.answer("/api/registry/marriages/mar-1", """
                {"id":"mar-1","status":"MARRIED","certificateNo":"J1","actions":["APPLY_DIVORCE","REISSUE"]}""")
                .answer("/api/registry/offices", "[{\"id\":\"office-1\",\"name\":\"钟楼区婚姻登记处\"}]");
        assertThat(http.perform(get("/registry/marriages/mar-1").with(person("registrar", "320404")))
                .andReturn().getResponse().getContentAsString()).contains("补领结婚证", "受理离婚申请", "钟楼区婚姻登记处");

        http.perform(post("/registry/marriages/mar-1/reissue").with(csrf()).with(person("registrar", "320404"))
                        .param("officeId", "office-1").param("reason", "遗失").param("idempotencyKey", "k-re")
                        .param("etag", "\"7\""))
                .andExpect(status().is3xxRedirection());
        FakeGateway.Call reissue = GATEWAY.calls.stream().filter(call -> call.method().equals("POST")).findFirst()
                .orElseThrow();
        assertThat(reissue.pathAndQuery()).isEqualTo("/api/registry/marriages/mar-1/reissue");
        assertThat(reissue.headers().getFirst("If-Match")).isEqualTo("\"7\"");
        assertThat(reissue.body()).contains("\"reason\":\"遗失\"", "\"officeId\":\"office-1\"");
    }

    @Test
    void a_change_of_circumstances_sends_only_what_changed_and_shows_a_refusal_beside_the_members_row()
            throws Exception {
        GATEWAY.answer("/api/assistance/households/hh-1", """
                {"id":"hh-1","address":"某路 1 号","assets":{"deposits":3000.00,"vehicles":0,"houses":1},
                 "members":[{"personRef":"p-a","name":"孙娜","relation":"HEAD","active":true,"monthlyIncome":200.00,
                             "employed":false,"disabilityGrade":0,"selfCare":"FULL"},
                            {"personRef":"p-b","name":"孙强","relation":"CHILD","active":true,"monthlyIncome":0,
                             "employed":false,"disabilityGrade":0,"selfCare":"FULL"}]}""");
        String form = http.perform(get("/assistance/households/hh-1/change").with(person("township-officer", "320404001")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("孙娜 · 户主", "name=\"members[1].personRef\" value=\"p-b\"", "value=\"3000.00\"");

        GATEWAY.answer("/api/assistance/households/hh-1/changes", 400, """
                {"type":"/problems/invalid-request","title":"请求无效","status":400,"detail":"请求内容有误。",
                 "errors":[{"field":"memberChanges[0].monthlyIncome","message":"不能小于0.00"}]}""");
        String refused = http.perform(post("/assistance/households/hh-1/change").with(csrf())
                        .with(person("township-officer", "320404001"))
                        .param("reason", "子女就业").param("effectiveOn", "2026-12-01")
                        .param("members[0].personRef", "p-a").param("members[0].monthlyIncome", "200")
                        .param("members[0].was.monthlyIncome", "200.00").param("members[0].employed", "false")
                        .param("members[0].was.employed", "false")
                        .param("members[1].personRef", "p-b").param("members[1].monthlyIncome", "-1")
                        .param("members[1].was.monthlyIncome", "0").param("members[1].employed", "true")
                        .param("members[1].was.employed", "false")
                        .param("deposits", "3000").param("was.deposits", "3000.00")
                        .param("address", "某路 1 号").param("was.address", "某路 1 号")
                        .param("idempotencyKey", "k-ch").param("etag", "\"7\""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"err-members[1].monthlyIncome\">不能小于0.00", "value=\"-1\"");
        FakeGateway.Call sent = GATEWAY.calls.stream().filter(call -> call.method().equals("POST")).findFirst()
                .orElseThrow();
        assertThat(sent.headers().getFirst("If-Match")).isEqualTo("\"7\"");
        assertThat(sent.body()).contains("\"memberChanges\":[{\"personRef\":\"p-b\",\"monthlyIncome\":-1,\"employed\":true}]")
                .doesNotContain("p-a", "\"assets\"", "\"address\"");
    }

    @Test
    void a_citizen_reads_the_notice_board_and_objects_without_login_session_or_token_with_their_address_passed_on()
            throws Exception {
        GATEWAY.answer("/api/assistance/public-notices", """
                {"items":[{"applicationId":"app-9","name":"张*","idNumber":"320404********0012","programme":"DIBAO",
                 "monthlyAmount":680.00,"noticeFrom":"2026-12-01","noticeUntil":"2026-12-08","open":true}],
                 "page":{"totalElements":1}}""")
                .answer("/api/assistance/public-notices/app-9/objections", 202,
                        "{\"received\":true,\"noticeUntil\":\"2026-12-08\"}");
        var board = http.perform(get("/public/notices?text=large").with(request -> {
            request.setRemoteAddr("198.51.100.23");
            return request;
        })).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(board.getContentAsString()).contains("救助公示栏", "张*", "320404********0012", "680.00 元",
                "class=\"large-text\"", "/public/notices/app-9/objection");
        assertThat(board.getCookie("MZ_SESSION")).as("a citizen's visit keeps no session").isNull();
        assertThat(board.getCookie("MZ_TEXT").getValue()).isEqualTo("large");

        var received = http.perform(post("/public/notices/app-9/objection").param("text", "该户有营业车辆")
                .with(request -> {
                    request.setRemoteAddr("198.51.100.23");
                    return request;
                })).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(received.getContentAsString()).contains("您的异议已收到", "2026-12-08");
        assertThat(GATEWAY.calls).hasSize(2).allSatisfy(call -> {
            assertThat(call.headers().getFirst("Authorization")).isNull();
            assertThat(call.headers().getFirst("X-Forwarded-For")).isEqualTo("198.51.100.23");
            assertThat(call.headers().getFirst("X-Minzheng-Portal")).isEqualTo("test-portal-key");
        });
        assertThat(GATEWAY.calls.get(1).body()).isEqualTo("{\"text\":\"该户有营业车辆\"}");
    }

    @Test
    void the_overdue_after_death_cases_name_the_silent_offices() throws Exception {
        GATEWAY.answer("/api/funeral/one-thing/cases", """
                {"items":[{"id":"case-1","dateOfDeath":"2026-12-01","status":"OPEN","overdue":["ASSISTANCE","FUNERAL"],
                 "steps":[]}],"page":{"totalElements":1}}""");
        String page = http.perform(get("/funeral/cases").with(person("funeral-officer", "320404")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("部门超时未答复的案件", "href=\"/funeral/cases/case-1\"", "社会救助、", "殡葬服务（惠民殡葬减免）");
    }

    @Test
    void the_overdue_safety_findings_are_listed_with_their_deadlines_and_the_card_links_to_them() throws Exception {
        GATEWAY.answer("/api/eldercare/worklists", """
                {"items":[{"name":"OVERDUE_INSPECTIONS","count":1,"list":"/api/eldercare/inspections/overdue"}]}""")
                .answer("/api/eldercare/inspections/overdue", """
                {"items":[{"id":"ins-1","facilityId":"fac-1","date":"2026-11-02","open":true,"overdue":true,
                 "findings":[{"id":"f-1","item":"消防通道堵塞","severity":"SERIOUS","deadline":"2026-12-01","overdue":true}]}],
                 "page":{"totalElements":1}}""");
        assertThat(http.perform(get("/").with(person("eldercare-officer", "320404"))).andReturn().getResponse()
                .getContentAsString()).contains("href=\"/eldercare/inspections/overdue\"", "逾期未整改的安全隐患");
        String page = http.perform(get("/eldercare/inspections/overdue").with(person("eldercare-officer", "320404")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("消防通道堵塞", "较大隐患", "2026-12-01", "逾期未整改", "/eldercare/inspections/ins-1");
    }

    @Test
    void an_inspector_is_offered_the_result_form_only_where_the_plan_offers_it_and_a_plan_in_per_cent_goes_as_a_fraction()
            throws Exception {
        GATEWAY.answer("/api/orgs/inspection-plans/ip-1", """
                {"id":"ip-1","year":2026,"divisionCode":"320404","ratio":0.05,"allCharities":false,
                 "pool":["inspector","inspector-2","inspector-3"],"candidates":40,"seed":"ab12","actions":[],
                 "draws":[{"number":1,"seed":"ab12","drawnAt":"2026-12-07T02:00:00Z","targets":2}],
                 "targets":[{"order":1,"creditCode":"C1","name":"钟楼区书画协会","charity":false,
                   "inspectors":["inspector","inspector-2"],"inspectionId":"ip-1-C1","actions":["ENTER_RESULT"]},
                  {"order":2,"creditCode":"C2","name":"钟楼区围棋协会","charity":false,
                   "inspectors":["inspector-2","inspector-3"],"inspectionId":"ip-1-C2","actions":[]}]}""");
        String plan = http.perform(get("/orgs/inspection-plans/ip-1").with(person("inspector", "320404")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(plan).contains("2026 年度抽查计划", "钟楼区书画协会", "钟楼区围棋协会", "录入检查结果", "5%")
                .doesNotContain("申请重新抽取", "确认并重新抽取");
        assertThat(http.perform(get("/orgs/inspection-plans/ip-1/targets/C2").with(person("inspector", "320404")))
                .andReturn().getResponse().getContentAsString()).contains("钟楼区围棋协会")
                .doesNotContain("name=\"outcome\"");
        assertThat(http.perform(get("/orgs/inspection-plans/ip-1/targets/C1").with(person("inspector", "320404")))
                .andReturn().getResponse().getContentAsString()).contains("name=\"outcome\"", "value=\"ip-1-C1\"");

        GATEWAY.answer("/api/orgs/inspections/ip-1-C1/results", 201, "{\"id\":\"ip-1-C1\"}");
        http.perform(post("/orgs/inspection-plans/ip-1/targets/C1/result").with(csrf())
                        .with(person("inspector", "320404")).param("inspectionId", "ip-1-C1")
                        .param("outcome", "COMPLIANT").param("inspectedOn", "2026-12-07").param("findings", "")
                        .param("idempotencyKey", "k-res"))
                .andExpect(redirectedUrl("/orgs/inspection-plans/ip-1/targets/C1?done=result"));
        FakeGateway.Call entered = GATEWAY.calls.stream().filter(call -> call.method().equals("POST")).findFirst()
                .orElseThrow();
        assertThat(entered.pathAndQuery()).isEqualTo("/api/orgs/inspections/ip-1-C1/results");
        assertThat(entered.headers().getFirst("Idempotency-Key")).isEqualTo("k-res");
        assertThat(entered.body()).contains("\"outcome\":\"COMPLIANT\"").doesNotContain("findings\":\"");

        GATEWAY.answer("/api/orgs/inspection-plans", 201, "{\"id\":\"ip-2\"}");
        http.perform(post("/orgs/inspection-plans").with(csrf()).with(person("orgs-officer", "320404"))
                        .param("ratio", "5").param("inspectors", "inspector\ninspector-2，inspector-3")
                        .param("idempotencyKey", "k-plan"))
                .andExpect(redirectedUrl("/orgs/inspection-plans/ip-2?drawn"));
        FakeGateway.Call committed = GATEWAY.calls.stream().filter(call -> call.method().equals("POST")
                && call.pathAndQuery().equals("/api/orgs/inspection-plans")).findFirst().orElseThrow();
        assertThat(committed.body()).contains("\"divisionCode\":\"320404\"", "\"ratio\":0.05",
                "\"inspectors\":[\"inspector\",\"inspector-2\",\"inspector-3\"]");
    }

    @Test
    void a_tips_informant_is_read_in_full_only_on_purpose_and_the_outcome_form_only_while_offered() throws Exception {
        GATEWAY.answer("/api/orgs/tips/tip-1", """
                {"id":"tip-1","suspectedName":"某某国学会","text":"在小区收取会费","informantName":"王**",
                 "informantPhone":"138****5678","divisionCode":"320404","receivedAt":"2026-12-07T02:00:00Z",
                 "actions":["RECORD_OUTCOME","REVEAL_INFORMANT"]}""")
                .answer("/api/orgs/tips/tip-1/informant", """
                {"informantName":"王测试","informantPhone":"13812345678"}""");
        String page = http.perform(get("/orgs/tips/tip-1").with(person("orgs-officer", "320404")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("王**", "138****5678", "记录调查结果", "/orgs/tips/tip-1/informant")
                .doesNotContain("13812345678");
        assertThat(GATEWAY.calls).noneMatch(call -> call.pathAndQuery().endsWith("/informant"));

        String revealed = http.perform(post("/orgs/tips/tip-1/informant").with(csrf())
                .with(person("orgs-officer", "320404"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(revealed).contains("王测试", "13812345678", "记入审计");

        GATEWAY.answer("/api/orgs/tips/tip-1", """
                {"id":"tip-1","suspectedName":"某某国学会","text":"在小区收取会费","divisionCode":"320404",
                 "receivedAt":"2026-12-07T02:00:00Z","outcome":"BANNED","actions":[]}""");
        assertThat(http.perform(get("/orgs/tips/tip-1").with(person("auditor", "320404"))).andReturn()
                .getResponse().getContentAsString()).contains("取缔", "未留联系方式")
                .doesNotContain("记录调查结果", "/orgs/tips/tip-1/informant");
    }

    @Test
    void a_leader_reads_each_offices_months_as_the_office_counted_them_and_exports_them_and_a_refusal_stays_in_place()
            throws Exception {
        GATEWAY.answer("/api/registry/stats", """
                {"series":"month","months":[
                 {"month":"2025-01","from":"2025-01-01","to":"2025-01-31","figures":{"marriages":12,
                  "divorces":{"applied":5,"withdrawn":1,"deemedWithdrawn":2,"registered":2},"adoptions":1}},
                 {"month":"2025-02","from":"2025-02-01","to":"2025-02-28","figures":{"marriages":30,
                  "divorces":{"applied":4},"adoptions":0}}]}""")
                .answer("/api/assistance/stats", 403, """
                {"type":"/problems/forbidden","title":"无权操作","status":403}""")
                .answer("/api/orgs/stats", """
                {"series":"month","months":[{"month":"2025-01","from":"2025-01-01","to":"2025-01-31",
                 "figures":{"graded":{"share":0.3333},"annualInspection":{"rate":0.4}}}]}""")
                .answer("/api/funeral/stats", """
                {"series":"month","months":[{"month":"2025-01","from":"2025-01-01","to":"2025-01-31",
                 "figures":{"deaths":20,"cremations":19,"cremationRate":95.0,"waivedTotal":1200.00}}]}""");
        String page = http.perform(get("/dashboards?year=2025").with(person("leader", "320404")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("2025 年统计分析", "婚姻收养登记", "2025-02", ">30<", "本项统计不在您的查看范围内",
                ">33.33%<", ">40%<", ">95.0%<", ">1,200.00 元<",
                "data-chart=\"chart-registry\"", "/dashboards/registry.csv?year=2025");
        FakeGateway.Call asked = GATEWAY.calls.stream().filter(call -> call.pathAndQuery()
                .startsWith("/api/registry/stats")).findFirst().orElseThrow();
        assertThat(asked.pathAndQuery()).contains("division=320404", "from=2025-01-01", "to=2025-12-31",
                "series=month");

        var csv = http.perform(get("/dashboards/registry.csv?year=2025").with(person("leader", "320404")))
                .andExpect(status().isOk()).andReturn().getResponse();
        String text = new String(csv.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF月份,结婚登记,离婚申请,").contains("2025-01,12,5,1,2,2,1", "2025-02,30,4,0,0,0,0");
        assertThat(http.perform(get("/dashboards/assistance.csv?year=2025").with(person("leader", "320404")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void an_organisation_shows_only_the_acts_its_read_offers_and_a_report_year_goes_as_a_number() throws Exception {
        GATEWAY.answer("/api/orgs/organizations/org-1", """
                {"id":"org-1","name":"钟楼区书画协会","type":"ASSOCIATION","creditCode":"C1","status":"REGISTERED",
                 "legalRepresentative":{"name":"周建华","idNumber":"320404********0011"},"directRegistration":true,
                 "reports":[],"history":[],"evaluations":[],"missedReports":[2024,2025],
                 "revocationProposal":{"reason":"连续两年未参加年检","legalBasis":"第三十条","effectiveOn":"2026-12-20",
                  "proposedBy":"orgs-officer"},"actions":["REPORT_ANNUAL","CONFIRM_REVOCATION"]}""");
        String page = http.perform(get("/orgs/organizations/org-1").with(person("orgs-officer", "320404")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("确认撤销登记", "登记年度报告", "orgs-officer 提议", "2024、2025")
                .doesNotContain("提议撤销登记</h2>", "登记评估等级", "列入或移出名录</h2>");
        GATEWAY.answer("/api/orgs/organizations/org-1", """
                {"id":"org-1","name":"钟楼区书画协会","type":"ASSOCIATION","creditCode":"C1","status":"REGISTERED",
                 "legalRepresentative":{"name":"周建华","idNumber":"320404********0011"},"directRegistration":true,
                 "reports":[],"history":[],"evaluations":[],"missedReports":[],
                 "actions":["CHANGE_STATUS","GRADE","PROPOSE_REVOCATION"]}""");
        assertThat(http.perform(get("/orgs/organizations/org-1").with(person("orgs-officer", "320404")))
                .andReturn().getResponse().getContentAsString())
                .contains("提议撤销登记</h2>", "列入或移出名录</h2>", "登记评估等级", "name=\"legalBasis\"",
                        "name=\"etag\" value=\"&quot;7&quot;\"")
                .doesNotContain("确认撤销登记");

        GATEWAY.answer("/api/orgs/organizations/org-1/annual-reports", "{\"id\":\"org-1\"}");
        http.perform(post("/orgs/organizations/org-1/annual-reports").with(csrf())
                        .with(person("orgs-officer", "320404")).param("year", "2025")
                        .param("registryReceivedOn", "2026-05-10").param("result", "PASS")
                        .param("idempotencyKey", "k-ar").param("etag", "\"7\""))
                .andExpect(redirectedUrl("/orgs/organizations/org-1?done=annual-reports"));
        FakeGateway.Call report = GATEWAY.calls.stream().filter(call -> call.method().equals("POST")).findFirst()
                .orElseThrow();
        assertThat(report.body()).contains("\"year\":2025", "\"result\":\"PASS\"");
        assertThat(report.headers().getFirst("If-Match")).isEqualTo("\"7\"");

        GATEWAY.answer("/api/orgs/worklists/credit-records", """
                {"items":[{"id":"org-1","name":"钟楼区书画协会","due":[{"change":0,"from":"REGISTERED","to":"ABNORMAL",
                 "effectiveOn":"2026-12-01","dueBy":"2026-12-08","overdue":false}]}],"page":{"totalElements":1}}""");
        assertThat(http.perform(get("/orgs/worklists/credit-records").with(person("orgs-officer", "320404")))
                .andReturn().getResponse().getContentAsString())
                .contains("列入活动异常名录", "2026-12-08", "/orgs/organizations/org-1/credit-records/0");
    }

    @Test
    void a_death_shows_its_fee_waiver_as_the_funeral_service_computed_it_and_only_the_acts_offered() throws Exception {
        GATEWAY.answer("/api/funeral/deaths/d-1", """
                {"id":"d-1","name":"张德明","idNumber":"320404********0011","dateOfDeath":"2026-12-01","place":"家中",
                 "cause":"NATURAL","residenceDivision":"320404001007","retracted":false,
                 "retraction":{"reason":"医院误报","proposedBy":"funeral-officer"},
                 "actions":["CONFIRM_RETRACTION"]}""")
                .answer("/api/funeral/deaths/d-1/fee-waiver", """
                {"resident":true,"items":[{"item":"COLD_STORAGE","quantity":2,"unitPrice":100.00,"price":200.00,
                 "waived":200.00,"rule":"RESIDENT_BASIC"}],"total":200.00,"waived":200.00,"payable":0.00}""");
        String page = http.perform(get("/funeral/deaths/d-1").with(person("funeral-officer", "320404")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("遗体冷藏（天）", "基本殡葬服务（本县户籍）", "200.00 元", "确认撤销死亡登记",
                "funeral-officer 提出撤销").doesNotContain("登记火化", "登记殡仪服务</h2>", "提出撤销死亡登记</h2>");

        GATEWAY.answer("/api/funeral/deaths/d-1/services", "{\"id\":\"d-1\"}");
        http.perform(post("/funeral/deaths/d-1/services").with(csrf()).with(person("funeral-home-operator", "320404"))
                        .param("item", "TRANSPORT").param("quantity", "2").param("on", "2026-12-02")
                        .param("idempotencyKey", "k-sv").param("etag", "\"7\""))
                .andExpect(redirectedUrl("/funeral/deaths/d-1?done=services"));
        FakeGateway.Call served = GATEWAY.calls.stream().filter(call -> call.method().equals("POST")).findFirst()
                .orElseThrow();
        assertThat(served.body()).contains("\"quantity\":2", "\"item\":\"TRANSPORT\"");
        assertThat(served.headers().getFirst("If-Match")).isEqualTo("\"7\"");
    }

    @Test
    void ticked_proposals_go_to_the_service_in_one_call_and_each_persons_result_is_shown() throws Exception {
        GATEWAY.answer("/api/assistance/allowance-proposals", """
                {"items":[{"id":"p-1","name":"孙秀英","idNumber":"320404********0021","programme":"OLD_AGE",
                 "startMonth":"2026-12","monthlyAmount":100.00,"trigger":"AGE_REACHED","status":"OPEN"}],
                 "page":{"totalElements":1}}""")
                .answer("/api/assistance/allowance-proposals/confirmations", """
                {"confirmed":1,"refused":1,"results":[{"id":"p-1","outcome":"CONFIRMED","allowanceId":"al-1"},
                 {"id":"p-2","outcome":"REFUSED","problem":{"status":403,"title":"不在管辖范围内",
                  "detail":"该记录不属于您所在的行政区划。"}}]}""");
        assertThat(http.perform(get("/assistance/allowance-proposals").with(person("township-officer", "320404001")))
                .andReturn().getResponse().getContentAsString()).contains("孙秀英", "高龄津贴", "达到年龄", "确认所选");

        String page = http.perform(post("/assistance/allowance-proposals/confirmations").with(csrf())
                        .with(person("township-officer", "320404001")).param("ids", "p-1", "p-2")
                        .param("idempotencyKey", "k-batch"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("已确认 1 人，未能确认 1 人", "/assistance/allowances/al-1", "不在管辖范围内");
        FakeGateway.Call batch = GATEWAY.calls.stream().filter(call -> call.method().equals("POST")).findFirst()
                .orElseThrow();
        assertThat(batch.body()).isEqualTo("{\"ids\":[\"p-1\",\"p-2\"]}");
        assertThat(batch.headers().getFirst("Idempotency-Key")).isEqualTo("k-batch");
    }

    @Test
    void a_rule_version_is_offered_for_decision_only_where_the_service_says_this_approver_may() throws Exception {
        GATEWAY.answer("/api/assistance/allowance-rules/320404", """
                {"county":"320404","inForce":1,"on":"2026-12","decidable":[2],"versions":[
                 {"number":1,"effectiveFrom":"2018-01-01","status":"APPROVED","proposedBy":"zl-approver",
                  "decidedBy":"zl-approver-2","programmes":[{"programme":"OLD_AGE","bands":[
                   {"minAge":80,"maxAge":89,"amount":100.00},{"minAge":100,"amount":500.00}]}]},
                 {"number":2,"effectiveFrom":"2027-01-01","status":"PROPOSED","proposedBy":"zl-approver",
                  "programmes":[{"programme":"DISABILITY_LIVING","amount":150.00}]}]}""");
        String page = http.perform(get("/assistance/allowance-rules").with(person("county-approver", "320404")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("第 1 版（2018-01-01 起）", "80–89 岁 100.00 元", "100 岁及以上 500.00 元",
                "150.00 元/月", "待第二名审批人审批", "/assistance/allowance-rules/320404/versions/2/decision")
                .doesNotContain("/versions/1/decision");
    }

    @Test
    void an_officer_records_an_inspection_with_the_rows_typed_and_rectifies_where_the_read_offers_it() throws Exception {
        GATEWAY.answer("/api/eldercare/facilities/fac-1", """
                {"id":"fac-1","name":"钟楼区某敬老院","type":"CARE_HOME","beds":{"total":10},
                 "actions":["REPORT_CAREGIVERS","RATE","RECORD_FIRE_SAFETY","INSPECT"]}""")
                .answer("/api/eldercare/facilities/fac-1/residents", "{\"items\":[],\"page\":{\"totalElements\":0}}");
        String page = http.perform(get("/eldercare/facilities/fac-1").with(person("eldercare-officer", "320404")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("星级评定", "记录消防安全状况", "报送护理员人数", "登记安全检查", "findings[2].item")
                .doesNotContain("办理入住");

        GATEWAY.answer("/api/eldercare/facilities/fac-1/inspections", 201, "{\"id\":\"ins-9\"}");
        http.perform(post("/eldercare/facilities/fac-1/inspections").with(csrf())
                        .with(person("eldercare-officer", "320404")).param("date", "2026-12-01")
                        .param("findings[0].item", "消防通道堵塞").param("findings[0].severity", "SERIOUS")
                        .param("findings[0].deadline", "2026-12-10").param("findings[1].item", "")
                        .param("idempotencyKey", "k-ins"))
                .andExpect(redirectedUrl("/eldercare/inspections/ins-9?done=recorded"));
        FakeGateway.Call recorded = GATEWAY.calls.stream().filter(call -> call.method().equals("POST")).findFirst()
                .orElseThrow();
        assertThat(recorded.body()).isEqualTo("{\"date\":\"2026-12-01\",\"findings\":[{\"item\":\"消防通道堵塞\","
                + "\"severity\":\"SERIOUS\",\"deadline\":\"2026-12-10\"}]}");

        GATEWAY.answer("/api/eldercare/inspections/ins-9", """
                {"id":"ins-9","facilityId":"fac-1","date":"2026-12-01","findings":[
                 {"id":"f1","item":"消防通道堵塞","severity":"SERIOUS","deadline":"2026-12-10","overdue":false,
                  "actions":["RECTIFY"]},
                 {"id":"f2","item":"烟感报警器失效","severity":"MINOR","deadline":"2026-12-05","overdue":false,
                  "rectification":{"rectifiedOn":"2026-12-03","evidence":"照片"},"actions":[]}]}""");
        String inspection = http.perform(get("/eldercare/inspections/ins-9").with(person("facility-operator",
                "320404001"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(inspection).contains("登记整改", "<option value=\"f1\"", "已整改").doesNotContain("<option value=\"f2\"");
    }

    @Test
    void a_providers_proof_goes_with_the_photos_checksum_in_chinas_time_and_the_officer_is_offered_reimbursement_after()
            throws Exception {
        GATEWAY.answer("/api/eldercare/service-orders/so-1", """
                {"id":"so-1","name":"孙玉珍","idNumber":"320404********0021","serviceType":"BATHING",
                 "providerCreditCode":"52320404MJ5837462K","providerName":"颐和养老服务中心","plannedOn":"2026-12-01",
                 "hoursOrdered":2.0,"grounds":["AGE_80"],"status":"ORDERED","actions":["PROVE"]}""");
        String page = http.perform(get("/eldercare/service-orders/so-1").with(person("care-provider", "320404")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("提交服务凭证", "80 周岁以上", "320404********0021").doesNotContain("reimbursement");

        GATEWAY.answer("/api/eldercare/service-orders/so-1/proof", "{\"id\":\"so-1\"}");
        byte[] photo = "a photo".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        http.perform(multipart("/eldercare/service-orders/so-1/proof")
                        .file(new org.springframework.mock.web.MockMultipartFile("photo", "visit.jpg", "image/jpeg", photo))
                        .with(csrf()).with(person("care-provider", "320404")).param("checkIn", "2026-12-01T09:30")
                        .param("checkOut", "2026-12-01T11:00").param("place", "家中").param("elderConfirmed", "true")
                        .param("idempotencyKey", "k-proof").param("etag", "\"3\""))
                .andExpect(redirectedUrl("/eldercare/service-orders/so-1?done=proof"));
        FakeGateway.Call proof = GATEWAY.calls.stream().filter(call -> call.method().equals("POST")).findFirst()
                .orElseThrow();
        assertThat(proof.body()).isEqualTo("{\"checkIn\":\"2026-12-01T09:30:00+08:00\",\"checkOut\":"
                + "\"2026-12-01T11:00:00+08:00\",\"place\":\"家中\",\"elderConfirmed\":true,\"photoSha256\":\""
                + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(photo))
                + "\"}");
        assertThat(proof.headers().getFirst("If-Match")).isEqualTo("\"3\"");

        GATEWAY.answer("/api/eldercare/service-orders/so-1", """
                {"id":"so-1","name":"孙玉珍","serviceType":"BATHING","providerCreditCode":"52320404MJ5837462K",
                 "plannedOn":"2026-12-01","grounds":["AGE_80"],"status":"SERVED","subsidy":45.00,
                 "proof":{"checkIn":"2026-12-01T01:30:00Z","checkOut":"2026-12-01T03:00:00Z","place":"家中"},
                 "hoursProved":1.5,"actions":["REIMBURSE"]}""");
        String served = http.perform(get("/eldercare/service-orders/so-1").with(person("eldercare-officer",
                "320404"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(served).contains("结算前请核对服务凭证", "2026-12-01 09:30", "45.00")
                .contains("/eldercare/service-orders/statements?providerCreditCode=52320404MJ5837462K&amp;month=2026-12")
                .doesNotContain("提交服务凭证");
    }

    @Test
    void an_adaptations_items_go_one_per_line_and_acceptance_is_offered_only_under_construction() throws Exception {
        GATEWAY.answer("/api/eldercare/home-adaptations", 201, "{\"id\":\"ha-1\"}");
        http.perform(post("/eldercare/home-adaptations").with(csrf()).with(person("eldercare-officer", "320404"))
                        .param("name", "孙玉珍").param("idNumber", "320404195001010021").param("divisionCode", "320404005")
                        .param("address", "广化社区").param("items", "卫生间安装扶手\r\n\r\n 淋浴区防滑处理 ")
                        .param("assessedOn", "2026-11-20").param("estimatedCost", "2,800.00")
                        .param("idempotencyKey", "k-ha"))
                .andExpect(redirectedUrl("/eldercare/home-adaptations/ha-1?done=assessed"));
        FakeGateway.Call assessed = GATEWAY.calls.stream().filter(call -> call.method().equals("POST")).findFirst()
                .orElseThrow();
        assertThat(assessed.body()).contains("\"items\":[\"卫生间安装扶手\",\"淋浴区防滑处理\"]",
                "\"estimatedCost\":2800.00");

        GATEWAY.answer("/api/eldercare/home-adaptations/ha-1", """
                {"id":"ha-1","name":"孙玉珍","items":["卫生间安装扶手"],"assessedOn":"2026-11-20","estimatedCost":2800.00,
                 "status":"UNDER_CONSTRUCTION","constructionStartedOn":"2026-11-25","contractor":"安居公司",
                 "actions":["ACCEPT"]}""");
        String page = http.perform(get("/eldercare/home-adaptations/ha-1").with(person("eldercare-officer",
                "320404"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("登记验收", "安居公司").doesNotContain("/construction");

        GATEWAY.answer("/api/eldercare/home-adaptations", """
                {"items":[{"id":"ha-1","name":"孙玉珍","address":"广化社区","assessedOn":"2026-11-20",
                 "estimatedCost":2800.00,"status":"ASSESSED"}],"page":{"number":0,"size":20,"totalElements":1}}""");
        String list = http.perform(get("/eldercare/home-adaptations?status=ASSESSED").with(person("eldercare-officer",
                "320404"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("共 1 条", "/eldercare/home-adaptations/ha-1", "<option value=\"ASSESSED\" selected");
        assertThat(GATEWAY.calls.stream().map(FakeGateway.Call::pathAndQuery))
                .contains("/api/eldercare/home-adaptations?status=ASSESSED&page=0&size=20");
    }

    @Test
    void a_meal_points_day_is_shown_as_the_service_totals_it_and_a_second_meal_is_refused_in_its_words()
            throws Exception {
        GATEWAY.answer("/api/eldercare/facilities/fac-m", """
                {"id":"fac-m","name":"荷花池助餐点","type":"MEAL_POINT","actions":["REPORT_CAREGIVERS","RECORD_MEAL"]}""")
                .answer("/api/eldercare/meal-points/fac-m/daily-totals", """
                {"meals":{"BREAKFAST":0,"LUNCH":41,"DINNER":3},"people":42,"subsidy":210.00}""")
                .answer("/api/eldercare/meal-points/fac-m/meals", 409, """
                {"type":"/problems/meal-already-served","title":"已用过餐","status":409,
                 "detail":"此人今日午餐已在荷花池助餐点用过。"}""");
        String day = http.perform(get("/eldercare/facilities/fac-m/meals?date=2026-12-04").with(person(
                "facility-operator", "320404"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(day).contains("41", "42", "210.00", "value=\"2026-12-04\"");
        assertThat(GATEWAY.calls.stream().map(FakeGateway.Call::pathAndQuery))
                .contains("/api/eldercare/meal-points/fac-m/daily-totals?date=2026-12-04");

        String refused = http.perform(post("/eldercare/facilities/fac-m/meals").with(csrf())
                        .with(person("facility-operator", "320404")).param("name", "李阿婆")
                        .param("idNumber", "320404194002020021").param("date", "2026-12-04").param("meal", "LUNCH")
                        .param("idempotencyKey", "k-meal"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("此人今日午餐已在荷花池助餐点用过。", "value=\"李阿婆\"");
    }

    @Test
    void an_organisations_page_offers_the_next_step_of_deregistration_only_and_a_new_representative_goes_as_a_person()
            throws Exception {
        GATEWAY.answer("/api/orgs/organizations/org-3", """
                {"id":"org-3","name":"钟楼区书画协会","type":"ASSOCIATION","status":"REGISTERED",
                 "legalRepresentative":{"name":"周建华","idNumber":"320404********0011"},"reports":[],"history":[],
                 "amendments":[{"item":"ADDRESS","from":"旧址","to":"新址","approvedOn":"2026-10-01"}],
                 "majorMatters":[],"evaluations":[],
                 "deregistration":{"appliedOn":"2026-11-01","reason":"会员大会决议解散"},
                 "actions":["AMEND","REPORT_MAJOR_MATTER","REPORT_LIQUIDATION"]}""");
        String page = http.perform(get("/orgs/organizations/org-3").with(person("orgs-officer", "320404")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("登记清算报告", "会员大会决议解散", "新址", "id=\"amendments-approvedOn\"",
                "id=\"major-matters-summary\"", "id=\"liquidation-report-summary\"")
                .doesNotContain("受理注销申请</button>", "核准注销</button>", "认定为慈善组织</button>");

        GATEWAY.answer("/api/orgs/organizations/org-3/amendments", "{\"id\":\"org-3\"}");
        http.perform(post("/orgs/organizations/org-3/amendments").with(csrf()).with(person("orgs-officer", "320404"))
                        .param("item", "LEGAL_REPRESENTATIVE").param("value", "")
                        .param("legalRepresentative.name", "李明").param("legalRepresentative.idNumber", "320404198001010011")
                        .param("approvedOn", "2026-12-01").param("idempotencyKey", "k-amend").param("etag", "\"5\""))
                .andExpect(redirectedUrl("/orgs/organizations/org-3?done=amendments"));
        FakeGateway.Call amended = GATEWAY.calls.stream().filter(call -> call.method().equals("POST")).findFirst()
                .orElseThrow();
        assertThat(amended.body()).isEqualTo("{\"item\":\"LEGAL_REPRESENTATIVE\",\"value\":null,"
                + "\"legalRepresentative\":{\"name\":\"李明\",\"idNumber\":\"320404198001010011\"},"
                + "\"approvedOn\":\"2026-12-01\"}");
    }

    @Test
    void a_donation_takes_receipts_only_while_its_read_offers_them_and_a_refusal_keeps_the_amount() throws Exception {
        GATEWAY.answer("/api/orgs/donations/don-1", """
                {"id":"don-1","organizationId":"org-3","donorKind":"PERSON","pledged":1000.00,"pledgedOn":"2026-11-01",
                 "received":600.00,"receipts":[{"amount":600.00,"receivedOn":"2026-11-10"}],"actions":["RECEIVE"]}""")
                .answer("/api/orgs/donations/don-1/receipts", 422, """
                {"type":"/problems/received-exceeds-pledge","title":"超过认捐金额","status":422,
                 "detail":"到账合计不能超过认捐金额 1000.00 元（已到账 600.00 元）。",
                 "errors":[{"field":"amount","message":"超过认捐金额"}]}""");
        String refused = http.perform(post("/orgs/donations/don-1/receipts").with(csrf())
                        .with(person("orgs-officer", "320404")).param("amount", "500").param("receivedOn", "2026-12-01")
                        .param("idempotencyKey", "k-rcpt").param("etag", "\"2\""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("到账合计不能超过认捐金额", "value=\"500\"", "600.00");

        GATEWAY.answer("/api/orgs/donations/don-1", """
                {"id":"don-1","organizationId":"org-3","donorKind":"PERSON","pledged":1000.00,"pledgedOn":"2026-11-01",
                 "received":1000.00,"receipts":[],"actions":[]}""");
        assertThat(http.perform(get("/orgs/donations/don-1").with(person("orgs-officer", "320404")))
                .andReturn().getResponse().getContentAsString()).doesNotContain("/receipts");
    }

    @Test
    void a_cemetery_section_is_drawn_row_by_row_in_words_and_a_chosen_plot_offers_renewal_from_the_term_shown()
            throws Exception {
        GATEWAY.answer("/api/funeral/cemeteries/cem-1", """
                {"id":"cem-1","name":"钟楼区经营性公墓","kind":"COMMERCIAL","eco":false,"divisionCode":"320404",
                 "usageTermYears":20,"plots":{"GRAVE":{"FREE":2,"USED":1}},"sections":["A区","B区"],"maxPlotArea":1.0}""")
                .answer("/api/funeral/cemeteries/cem-1/plots", """
                {"cemeteryId":"cem-1","sections":["A区","B区"],"section":"A区","plots":[
                 {"id":"G-1","kind":"GRAVE","areaSqm":0.7,"row":1,"number":1,"status":"USED","deathId":"d-1",
                  "termUntil":"2046-12-01","actions":["RENEW"]},
                 {"id":"G-2","kind":"GRAVE","areaSqm":0.7,"row":1,"number":2,"status":"FREE","actions":[]},
                 {"id":"G-3","kind":"GRAVE","areaSqm":0.7,"row":2,"number":1,"status":"FREE","actions":[]}]}""");
        String page = http.perform(get("/funeral/cemeteries/cem-1?plot=G-1").with(person("funeral-officer", "320404")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<td>2</td>", "第 1 排", "第 2 排", "1号 已使用", "2号 空闲", "plot-USED plot-chosen",
                "A区 第 1 排 1 号", "name=\"currentUntil\" value=\"2046-12-01\"", "续期");

        GATEWAY.answer("/api/funeral/cemeteries/cem-1/plots/G-1/renewal", "{\"id\":\"G-1\"}");
        http.perform(post("/funeral/cemeteries/cem-1/plots/G-1/renewal").with(csrf())
                        .with(person("funeral-officer", "320404")).param("years", "10")
                        .param("currentUntil", "2046-12-01").param("section", "A区").param("idempotencyKey", "k-renew"))
                .andExpect(redirectedUrl("/funeral/cemeteries/cem-1?done=renewal&plot=G-1&section=A%E5%8C%BA"));
        FakeGateway.Call renewal = GATEWAY.calls.stream().filter(call -> call.method().equals("POST")).findFirst()
                .orElseThrow();
        assertThat(renewal.body()).isEqualTo("{\"years\":10,\"currentUntil\":\"2046-12-01\"}");

        String free = http.perform(get("/funeral/cemeteries/cem-1?plot=G-2").with(person("funeral-officer", "320404")))
                .andReturn().getResponse().getContentAsString();
        assertThat(free).contains("A区 第 1 排 2 号").doesNotContain("/plots/G-2/renewal");
    }

    @Test
    void a_months_settlement_is_shown_per_funeral_home_as_the_service_totals_it() throws Exception {
        GATEWAY.answer("/api/funeral/settlements", """
                {"division":"320404","month":"2026-11","owed":1250.00,"funeralHomes":[
                 {"funeralHome":"钟楼区殡仪馆","funeralHomeDivision":"320404","month":"2026-11","deaths":3,
                  "deathsWithWaiver":2,"items":{"CREMATION":{"deaths":2,"waived":1000.00}},"owed":1250.00}]}""");
        String page = http.perform(get("/funeral/settlements?month=2026-11").with(person("funeral-officer",
                "320404"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("钟楼区殡仪馆", "遗体火化", "1,250.00");
        assertThat(GATEWAY.calls.stream().map(FakeGateway.Call::pathAndQuery))
                .contains("/api/funeral/settlements?month=2026-11");
    }
}
