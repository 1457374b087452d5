package cn.minzheng.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import cn.minzheng.testsupport.TestIdNumbers;

/**
 * The workbench in Chromium, on the one platform the system tests start, with the real Keycloak login page: a
 * township officer registers a household (after a refused input shown at its field), applies, double-submits,
 * reviews, logs out; the county approver sees no approval before the notice ends and approves after the admin moves
 * the dev clock. Every page passes axe-core and leaves a screenshot in system-tests/target/workbench-screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchJourneyIT extends ThroughTheGateway {

    private static final String DIVISION = "320404001007";
    private static String portal;
    private static String applicationId;
    private static String headName;
    private static String householdUrl;
    private static String headIdNumber;

    @BeforeAll
    static void portal() throws IOException {
        portal = stack.portalUrl().toString();
        Files.createDirectories(Browser.SHOTS);
        Files.deleteIfExists(Browser.SHOTS.resolve("axe-results.tsv"));
        // The county's dibao standard, which the means test reads (another journey may have set it already).
        gateway.postJson("/api/assistance/standards", tokens.user("zl-approver"), """
                {"divisionCode":"320404","programme":"DIBAO","residence":"ALL","amount":800.00,"effectiveFrom":"2018-07-01"}
                """);
        // A registry office of the registrar's county that registers every day (the admin opens offices).
        gateway.postJson("/api/registry/offices", tokens.user("admin"), """
                {"code":"WB-%d","name":"钟楼区婚姻登记处（工作台）","divisionCode":"320404","address":"钟楼区某路 1 号",
                 "openingDays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],
                 "bands":[{"slot":"09:00-10:00","capacity":5}]}""".formatted(System.nanoTime() % 100_000));
    }

    @Test
    @Order(1)
    void a_township_officer_registers_a_household_applies_once_reviews_and_logs_out() {
        headName = "吴" + "秀兰";
        String idNumber = TestIdNumbers.female("320404", LocalDate.of(1948, 3, 2));
        headIdNumber = idNumber;
        try (Browser browser = Browser.open(true, 1280)) {
            browser.login(portal, "zl-officer-1");
            assertThat(browser.text()).contains("待办事项", "待我审核的申请", "乡镇民政助理员", "社会救助");
            browser.check("01-home-township-officer");

            browser.driver.findElement(By.linkText("救助家庭")).click();
            browser.waitFor(By.cssSelector("#results table"));
            browser.check("02-households");

            browser.driver.get(portal + "/assistance/households/new");
            fillHousehold(browser, "12345");
            browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            WebElement error = browser.waitFor(By.cssSelector("[id='err-members[0].idNumber']"));
            assertThat(error.getText()).as("the service's words at the ID number's field").isNotBlank()
                    .containsPattern("\\p{IsHan}");
            assertThat(browser.driver.findElement(By.id("members0.name")).getAttribute("value"))
                    .as("what was typed stays").isEqualTo(headName);
            browser.check("03-household-refused-at-its-field");

            WebElement id = browser.driver.findElement(By.id("members0.idNumber"));
            id.clear();
            id.sendKeys(idNumber);
            browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.waitFor(By.cssSelector("p.done"));
            assertThat(browser.text()).contains("家庭已登记", headName).doesNotContain(idNumber)
                    .contains(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
            browser.check("04-household");
            householdUrl = browser.driver.getCurrentUrl();
            String householdId = householdUrl.substring(householdUrl.lastIndexOf('/') + 1).replace("?registered", "");

            // A double click: the same form (one Idempotency-Key) posted twice at once makes one application.
            new Select(browser.driver.findElement(By.id("programme"))).selectByValue("DIBAO");
            browser.driver.findElement(By.id("reason")).sendKeys("独居老人，无固定收入");
            Object statuses = browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const form = document.querySelector("form[action='/assistance/applications']");
                    const body = new URLSearchParams(new FormData(form));
                    const post = () => fetch(form.action, {method: 'POST', body, redirect: 'manual'})
                        .then(r => r.type === 'opaqueredirect' ? 302 : r.status);
                    Promise.all([post(), post()]).then(done, e => done(String(e)));""");
            assertThat(statuses).as("both posts answered").asString().doesNotContain("Error");
            List<JsonNode> mine = applicationsOf(householdId);
            assertThat(mine).as("one application for one form, however often it is sent").hasSize(1);
            applicationId = mine.getFirst().path("id").asString();

            browser.driver.get(portal + "/assistance/applications/" + applicationId);
            browser.waitFor(By.cssSelector("input[name=decision][value=PASS]"));
            browser.check("05-application-to-review");
            // The review is done on a home visit, on a phone: the form fits 375 px without sideways scrolling.
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(375, 900));
            assertThat((Long) browser.driver.executeScript("return document.documentElement.scrollWidth"))
                    .isLessThanOrEqualTo(375L);
            browser.driver.findElement(By.id("review-opinion")).sendKeys("入户核查属实");
            browser.check("05b-375-review-form");
            browser.driver.findElement(By.cssSelector("input[name=decision][value=PASS]")).click();
            browser.driver.findElement(By.cssSelector("form[action$='/review'] button[type=submit]")).click();
            browser.waitFor(By.cssSelector("p.done"));
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
            assertThat(browser.text()).contains("审核已提交", "公示中", "公示期");
            assertThat(browser.driver.findElements(By.cssSelector("input[name=decision]")))
                    .as("nothing more for the township officer to decide").isEmpty();
            browser.check("06-application-on-notice");

            browser.driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
            browser.waitFor(By.cssSelector("main.login"));
            assertThat(browser.text()).contains("您已安全退出");
            browser.check("07-logged-out");
            browser.driver.navigate().back();
            browser.waitFor(By.tagName("main"));
            assertThat(browser.text()).as("the back button shows nothing private after logout")
                    .doesNotContain(headName, "入户核查属实");
        }
    }

    @Test
    @Order(2)
    void the_county_approver_approves_only_after_the_notice_and_a_crafted_post_is_refused_in_the_services_words() {
        try (Browser browser = Browser.open(true, 1280)) {
            browser.login(portal, "zl-approver");
            assertThat(browser.text()).contains("公示中的申请", "待第二人确认的终止", "区县审批人");
            browser.check("08-home-county-approver");

            browser.driver.get(portal + "/assistance/applications/" + applicationId);
            browser.waitFor(By.cssSelector("form[action$='/approval']"));
            assertThat(browser.driver.findElements(By.cssSelector("input[name=decision][value=APPROVE]")))
                    .as("no approval while the notice runs").isEmpty();
            browser.check("09-application-notice-running");

            gateway.postJson("/api/assistance/dev/clock", tokens.user("admin"), "{\"by\":\"P20D\"}");
            browser.driver.navigate().refresh();
            browser.waitFor(By.cssSelector("input[name=decision][value=APPROVE]")).click();
            browser.driver.findElement(By.id("approval-opinion")).sendKeys("同意");
            browser.driver.findElement(By.name("confirm")).click();
            browser.driver.findElement(By.cssSelector("form[action$='/approval'] button[type=submit]")).click();
            browser.waitFor(By.cssSelector("p.done"));
            assertThat(browser.text()).contains("审批已提交", "已批准");
            browser.check("10-application-approved");

            // The approver pays the enrolment's first month and downloads the run's payment list.
            String month = gateway.get("/api/assistance/enrolments/" + gateway.get("/api/assistance/applications/"
                    + applicationId, tokens.user("zl-approver")).json().path("enrolmentId").asString(),
                    tokens.user("zl-approver")).json().path("startMonth").asString();
            browser.driver.get(portal + "/assistance/standards");
            browser.waitFor(By.cssSelector("main table"));
            assertThat(browser.text()).contains("最低生活保障", "800.00 元");
            browser.check("10b-standards");
            browser.driver.findElement(By.linkText("资金发放")).click();
            browser.waitFor(By.id("month"));
            browser.check("10c-payroll-start");
            browser.driver.executeScript("document.getElementById('month').value = arguments[0]", month);
            browser.driver.findElement(By.name("confirm")).click();
            browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.waitFor(By.linkText("导出发放明细（CSV）"));
            assertThat(browser.text()).contains("已完成", month);
            browser.check("10d-payroll-completed");
            Object csv = browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.querySelector("a[href$='payments.csv']").href).then(r => r.text())
                        .then(done, e => done(String(e)));""");
            // (the browser's text decoder drops the BOM, which DibaoJourneyTest checks on the service's bytes)
            assertThat(String.valueOf(csv)).startsWith("发放编号,家庭编号").contains("最低生活保障", month);
        }
        // The officer crafts the approval the page never offered them: the service refuses it, in its own words.
        try (Browser browser = Browser.open(true, 1280)) {
            browser.login(portal, "zl-officer-2");
            browser.driver.get(portal + "/assistance/households");
            browser.waitFor(By.cssSelector("#results"));
            Object page = browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const csrf = document.querySelector("input[name=_csrf]").value;
                    const body = new URLSearchParams({_csrf: csrf, decision: 'REJECT', opinion: '越权',
                        idempotencyKey: 'crafted-1', etag: ''});
                    fetch('/assistance/applications/%s/approval', {method: 'POST', body}).then(r => r.text())
                        .then(done, e => done(String(e)));""".formatted(applicationId));
            assertThat(String.valueOf(page)).contains("class=\"alert\"", "未能办理");
        }
        assertThat(gateway.get("/api/assistance/applications/" + applicationId, tokens.user("zl-approver"))
                .json().path("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    @Order(5)
    void with_javascript_off_an_officer_logs_in_filters_a_list_and_reads_a_household_on_a_phone() {
        try (Browser browser = Browser.open(false, 375)) {
            browser.login(portal, "zl-officer-1");
            browser.check("20-nojs-375-home");
            browser.driver.get(portal + "/assistance/households");
            browser.driver.findElement(By.id("division")).sendKeys(DIVISION);
            browser.driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                    .until(driver -> driver.getCurrentUrl().contains("division=" + DIVISION));
            assertThat(browser.text()).contains(DIVISION);
            browser.check("21-nojs-375-households-of-a-village");
            browser.driver.get(portal + "/assistance/households");
            browser.driver.findElement(By.id("idNumber")).sendKeys(headIdNumber);
            browser.driver.findElement(By.cssSelector("form[action='/assistance/households/search'] button")).click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                    .until(driver -> driver.getCurrentUrl().endsWith("/assistance/households/search"));
            assertThat(browser.text()).as("found by a member's ID number, which is in no address")
                    .contains(headName, "共 1 条");
            browser.driver.get(portal + "/assistance/households");
            browser.driver.findElement(By.id("name")).sendKeys(headName.substring(0, 2));
            browser.driver.findElement(By.xpath("//input[@id='name']/ancestor::form//button")).click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                    .until(driver -> driver.getCurrentUrl().endsWith("/assistance/households/search"));
            assertThat(browser.text()).as("found by the beginning of a member's name").contains(headName);
            browser.driver.get(householdUrl);
            browser.waitFor(By.cssSelector("section.panel"));
            assertThat(browser.text()).contains(headName, "家庭成员");
            assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                    .executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(375L);
            browser.check("22-nojs-375-household");

            // A change of circumstances recorded on the visit, on the phone: only what changed is sent.
            browser.driver.findElement(By.linkText("家庭情况变更")).click();
            browser.waitFor(By.id("reason")).sendKeys("户主领取养老金");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                    "document.getElementById('effectiveOn').value = arguments[0]",
                    LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
            WebElement income = browser.driver.findElement(By.id("members[0].monthlyIncome"));
            income.clear();
            income.sendKeys("300");
            assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                    .executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(375L);
            browser.check("23-nojs-375-household-change");
            browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.waitFor(By.cssSelector("p.done"));
            assertThat(browser.text()).contains("家庭情况变更已登记", "变更记录", "户主领取养老金");
            browser.check("24-nojs-375-household-changed");
        }
    }

    @Test
    @Order(3)
    void a_termination_needs_a_second_person_and_the_proposer_sees_no_decision() {
        String enrolmentId = gateway.get("/api/assistance/applications/" + applicationId, tokens.user("zl-approver"))
                .json().path("enrolmentId").asString();
        try (Browser browser = Browser.open(true, 1280)) {
            browser.login(portal, "zl-officer-1");
            browser.driver.get(portal + "/assistance/enrolments/" + enrolmentId);
            browser.waitFor(By.id("reason")).sendKeys("家庭收入已超过保障标准");
            browser.check("11-enrolment-to-propose");
            browser.driver.findElement(By.cssSelector("form[action$='/termination'] button[type=submit]")).click();
            browser.waitFor(By.cssSelector("p.done"));
            assertThat(browser.text()).contains("待确认终止", "待区县审批人确认");
            assertThat(browser.driver.findElements(By.cssSelector("input[name=decision]")))
                    .as("the proposer is offered no decision").isEmpty();
            browser.check("12-enrolment-termination-proposed");
        }
        try (Browser browser = Browser.open(true, 1280)) {
            browser.login(portal, "zl-approver");
            browser.driver.get(portal + "/assistance/enrolments?status=TERMINATION_PROPOSED");
            browser.waitFor(By.cssSelector("#results table"));
            browser.driver.get(portal + "/assistance/enrolments/" + enrolmentId);
            browser.waitFor(By.cssSelector("input[name=decision][value=CONFIRM]")).click();
            browser.driver.findElement(By.cssSelector("form[action$='/decision'] button[type=submit]")).click();
            browser.waitFor(By.cssSelector("p.done"));
            assertThat(browser.text()).contains("终止审批已提交", "已终止");
            browser.check("13-enrolment-terminated");
        }
    }

    @Test
    @Order(4)
    void a_registrar_registers_a_marriage_at_the_window_after_an_under_age_refusal_and_opens_a_divorce() {
        String groom = TestIdNumbers.male("320404", LocalDate.of(1994, 5, 6));
        String bride = TestIdNumbers.female("320404", LocalDate.of(1996, 7, 8));
        String tooYoung = TestIdNumbers.male("320404", LocalDate.now().minusYears(20));
        try (Browser browser = Browser.open(true, 1280)) {
            browser.login(portal, "registrar");
            assertThat(browser.text()).contains("今日预约", "7日内登记期届满的离婚申请", "婚姻登记员");
            browser.check("14-home-registrar");
            browser.driver.findElement(By.linkText("今日预约")).click();
            browser.waitFor(By.cssSelector("main table"));
            browser.check("15-bookings-today");

            browser.driver.get(portal + "/registry/marriages/new");
            fillParties(browser, tooYoung, bride);
            browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            WebElement refusal = browser.waitFor(By.cssSelector("main .alert"));
            assertThat(refusal.getText()).as("the registry's own words").contains("第一千零四十七条");
            browser.check("16-marriage-refused-under-age");

            WebElement id = browser.driver.findElement(By.id("partyA.idNumber"));
            id.clear();
            id.sendKeys(groom);
            browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.waitFor(By.cssSelector("p.done"));
            assertThat(browser.text()).contains("结婚登记已办理", "婚姻存续").doesNotContain(groom, bride);
            browser.check("17-marriage-registered");

            browser.driver.findElement(By.id("reason")).sendKeys("结婚证遗失");
            browser.driver.findElement(By.cssSelector("form[action$='/reissue'] button[type=submit]")).click();
            browser.waitForDone("结婚证已补领");
            assertThat(browser.text()).contains("结婚证已补领", "补领记录", "结婚证遗失");
            browser.check("17b-marriage-reissued");

            browser.driver.findElement(By.linkText("受理离婚申请")).click();
            browser.waitFor(By.id("marriageId"));
            browser.check("18-divorce-new");
            browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.waitFor(By.cssSelector("p.done"));
            assertThat(browser.text()).contains("离婚申请已受理", "冷静期届满日", "登记期届满日", "撤回离婚申请");
            assertThat(browser.driver.findElements(By.cssSelector("form[action$='/registration']")))
                    .as("no registration during cooling-off").isEmpty();
            browser.check("19-divorce-cooling-off");

            browser.driver.get(portal + "/registry/calendar");
            assertThat(browser.waitFor(By.cssSelector("main dl.facts")).getText()).contains("最近办理日");
            browser.check("19b-office-calendar");

            browser.driver.get(portal + "/registry/adoptions/new");
            var driver = browser.driver;
            driver.findElement(By.id("adopters[0].name")).sendKeys("韩" + "静");
            driver.findElement(By.id("adopters[0].idNumber")).sendKeys(
                    TestIdNumbers.female("320404", LocalDate.of(1985, 2, 3)));
            driver.findElement(By.id("adopters[0].childrenCount")).sendKeys("0");
            driver.findElement(By.id("child.name")).sendKeys("韩" + "小雨");
            driver.findElement(By.id("child.idNumber")).sendKeys(
                    TestIdNumbers.female("320404", LocalDate.now().minusYears(5)));
            new Select(driver.findElement(By.id("child.status"))).selectByValue("ORPHAN");
            browser.check("19c-adoption-new");
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            assertThat(browser.waitFor(By.cssSelector("main .alert")).getText())
                    .as("without the assessment, the registry refuses in its own words").contains("评估");
            driver.findElement(By.name("assessmentCompleted")).click();
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.waitFor(By.cssSelector("p.done"));
            assertThat(browser.text()).contains("收养登记已办理", "丧失父母的孤儿");
            browser.check("19d-adoption-registered");
        }
    }

    /**
     * The tokens live in the portal's session and are refreshed there: with the workbench client's access tokens
     * made shorter than the minute before expiry at which the portal refreshes, every page needs a refresh, which
     * Keycloak records. Logging out ends the person's Keycloak session too, so the next login asks for the password.
     */
    @Test
    @Order(6)
    void the_portal_refreshes_the_token_in_its_session_and_logout_ends_the_keycloak_session() {
        KeycloakAdmin admin = new KeycloakAdmin(tokens);
        admin.recordEvents();
        admin.setClientAccessTokenLifespan("minzheng-workbench", 30);
        // Keycloak keeps sessions of earlier runs on its disk: count this one's.
        long sessionsBefore = sessionsOf(admin, "jt-officer-1");
        try (Browser browser = Browser.open(true, 1280)) {
            browser.login(portal, "jt-officer-1");
            long before = admin.events("REFRESH_TOKEN", "minzheng-workbench", "jt-officer-1");
            browser.driver.get(portal + "/assistance/households");
            browser.waitFor(By.cssSelector("#results table"));
            assertThat(browser.text()).doesNotContain("未能办理");
            assertThat(admin.events("REFRESH_TOKEN", "minzheng-workbench", "jt-officer-1"))
                    .as("the page's call went with a token refreshed in the session; Keycloak recorded %s",
                            admin.eventsOf("jt-officer-1")).isGreaterThan(before);
            assertThat(sessionsOf(admin, "jt-officer-1")).isEqualTo(sessionsBefore + 1);

            browser.driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
            browser.waitFor(By.cssSelector("main.login"));
            assertThat(sessionsOf(admin, "jt-officer-1")).as("Keycloak's session ended with the portal's")
                    .isEqualTo(sessionsBefore);
            browser.waitFor(By.cssSelector("a[href='/oauth2/authorization/keycloak']")).click();
            assertThat(browser.waitFor(By.id("password")).isDisplayed())
                    .as("no single sign-on left: the password is asked again").isTrue();
        } finally {
            admin.setClientAccessTokenLifespan("minzheng-workbench", 900);
        }
    }

    /**
     * A citizen, without logging in, on a phone: reads the notice board of a village, objects to an application
     * on notice, and the township sees the objection; the large-text version and the other public pages render.
     */
    @Test
    @Order(7)
    void a_citizen_objects_from_the_notice_board_on_a_phone_without_logging_in() {
        String officer = tokens.user("zl-officer-1");
        var household = gateway.postJson("/api/assistance/households", officer, """
                {"divisionCode":"%s","residence":"URBAN","address":"钟楼区某路 28 号",
                 "members":[{"idNumber":"%s","name":"%s","relation":"HEAD","disabilityGrade":0,"employed":false,
                 "monthlyIncome":100.00}],"assets":{"deposits":500.00,"vehicles":0,"houses":1}}
                """.formatted(DIVISION, TestIdNumbers.female("320404", LocalDate.of(1952, 7, 7)), "钱" + "玉梅"));
        assertThat(household.status()).as(household.toString()).isEqualTo(201);
        String application = gateway.postJson("/api/assistance/applications", officer, """
                {"householdId":"%s","programme":"DIBAO","reason":"无固定收入"}""".formatted(
                household.json().path("id").asString())).json().path("id").asString();
        assertThat(gateway.postJson("/api/assistance/applications/" + application + "/review", officer,
                "{\"decision\":\"PASS\",\"opinion\":\"入户核查属实\"}").status()).isEqualTo(200);

        try (Browser browser = Browser.open(true, 375)) {
            browser.driver.get(portal + "/public/notices?division=" + DIVISION);
            browser.waitFor(By.cssSelector("main table"));
            assertThat(browser.text()).contains("救助公示栏", "钱*").doesNotContain("钱玉梅");
            assertThat((Long) browser.driver.executeScript("return document.documentElement.scrollWidth"))
                    .isLessThanOrEqualTo(375L);
            browser.check("30-public-375-notices");
            browser.driver.findElement(By.cssSelector("a[href*='/public/notices/" + application + "/objection']"))
                    .click();
            browser.waitFor(By.id("text")).sendKeys("该户有亲属经营的店铺，收入未如实申报。");
            browser.check("31-public-375-objection");
            browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.waitFor(By.cssSelector("p.done"));
            assertThat(browser.text()).contains("您的异议已收到");
            browser.check("32-public-375-objection-received");
            assertThat(browser.driver.manage().getCookieNamed("MZ_SESSION")).as("no session for a citizen").isNull();

            browser.driver.get(portal + "/public/facilities?text=large");
            browser.waitFor(By.cssSelector("body.large-text"));
            assertThat(browser.text()).contains("养老机构查询", "标准版");
            browser.check("33-public-375-facilities-large-text");
            browser.driver.get(portal + "/public/organizations");
            browser.waitFor(By.cssSelector("main form"));
            assertThat(browser.text()).contains("社会组织查询", "下载全部登记信息");
            browser.check("34-public-375-organizations");
            browser.driver.get(portal + "/public/inspections");
            browser.waitFor(By.cssSelector("main form"));
            browser.check("35-public-375-inspections");
        }
        assertThat(gateway.get("/api/assistance/applications/" + application, officer).json().path("objections")
                .toString()).as("the township sees the objection").contains("收入未如实申报");
    }

    /**
     * An eldercare officer admits elders into a small home until it is full; the next admission is refused in the
     * service's words, and what was typed stays. A resident is then discharged and the bed is free again.
     */
    @Test
    @Order(8)
    void an_eldercare_officer_admits_until_the_home_is_full_and_the_next_is_refused_in_the_services_words() {
        var home = gateway.postJson("/api/eldercare/facilities", tokens.user("eldercare-officer"), """
                {"name":"钟楼区工作台测试敬老院","type":"CARE_HOME","ownership":"PUBLIC","divisionCode":"320404001",
                 "address":"钟楼区某路 66 号","beds":{"total":2,"nursing":0}}""");
        assertThat(home.status()).as(home.toString()).isEqualTo(201);
        String homeId = home.json().path("id").asString();
        try (Browser browser = Browser.open(true, 1280)) {
            browser.login(portal, "eldercare-officer");
            browser.driver.findElement(By.linkText("养老机构")).click();
            browser.waitFor(By.cssSelector("main table"));
            browser.check("40-eldercare-facilities");
            String firstResident = null;
            for (int i = 0; i < 3; i++) {
                browser.driver.get(portal + "/eldercare/facilities/" + homeId);
                var driver = browser.driver;
                driver.findElement(By.id("name")).sendKeys("孙" + "桂英" + i);
                driver.findElement(By.id("idNumber")).sendKeys(
                        TestIdNumbers.female("320404", LocalDate.of(1940, 3, 1 + i)));
                new Select(driver.findElement(By.id("abilityLevel"))).selectByValue("MILD");
                new Select(driver.findElement(By.id("bedType"))).selectByValue("GENERAL");
                if (i == 2) {
                    browser.check("41-eldercare-admission-form");
                }
                driver.findElement(By.cssSelector("form[action$='/admissions'] button")).click();
                if (i < 2) {
                    browser.waitFor(By.cssSelector("p.done"));
                    assertThat(browser.text()).contains("已办理入住", "一级护理");
                    firstResident = firstResident == null ? driver.getCurrentUrl() : firstResident;
                } else {
                    WebElement refusal = browser.waitFor(By.cssSelector("main .alert"));
                    assertThat(refusal.getText()).as("the service's words").contains("已没有空余的");
                    assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("孙桂英2");
                    browser.check("42-eldercare-home-full");
                }
            }
            browser.driver.get(firstResident.replace("?admitted", ""));
            browser.driver.findElement(By.id("reason")).sendKeys("回家居住");
            // The day of admission, as the service counted it (its clock and zone, not this test's).
            String residentId = firstResident.substring(firstResident.lastIndexOf('/') + 1).replace("?admitted", "");
            String admittedOn = gateway.get("/api/eldercare/residents/" + residentId,
                    tokens.user("eldercare-officer")).json().path("admittedOn").asString();
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                    "document.getElementById('date').value = arguments[0]", admittedOn);
            browser.driver.findElement(By.cssSelector("form[action$='/discharge'] button")).click();
            browser.waitFor(By.cssSelector("p.done"));
            assertThat(browser.text()).contains("已办理离院", "已离院");
            assertThat(browser.driver.findElements(By.cssSelector("form[action$='/discharge']")))
                    .as("nothing more to do with an ended stay").isEmpty();
            browser.check("43-eldercare-discharged");
        }
        assertThat(gateway.get("/api/eldercare/facilities/" + homeId, tokens.user("eldercare-officer")).json()
                .path("beds").path("freeGeneral").asInt()).isEqualTo(1);
    }

    /**
     * A child director, on a phone, sees her own children and no one else's (the service gives her only those),
     * opens one and records a visit; the next visit's date is the service's.
     */
    @Test
    @Order(9)
    void a_child_director_sees_only_her_children_on_a_phone_and_records_a_visit() {
        String officer = tokens.user("zl-officer-1");
        String mine = openChild(officer, "周" + "小雨", LocalDate.of(2015, 4, 4), "child-director-1");
        openChild(officer, "吴" + "小杰", LocalDate.of(2014, 6, 6), "child-director-2");
        // The township officer opens a record at the desk and records the entrusted guardian.
        try (Browser browser = Browser.open(true, 1280)) {
            browser.login(portal, "zl-officer-1");
            browser.driver.get(portal + "/assistance/children/new");
            var driver = browser.driver;
            driver.findElement(By.id("name")).sendKeys("周" + "小川");
            driver.findElement(By.id("idNumber")).sendKeys(TestIdNumbers.male("320404", LocalDate.of(2017, 8, 8)));
            WebElement division = driver.findElement(By.id("divisionCode"));
            division.clear();
            division.sendKeys("320404001007");
            new Select(driver.findElement(By.id("category"))).selectByValue("LEFT_BEHIND");
            new Select(driver.findElement(By.id("riskLevel"))).selectByValue("MEDIUM");
            driver.findElement(By.id("riskReason")).sendKeys("父母外出务工，由祖母照料");
            driver.findElement(By.id("directorUsername")).sendKeys("child-director-1");
            browser.check("49a-child-new");
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.waitFor(By.cssSelector("p.done"));
            assertThat(browser.text()).contains("儿童档案已建立", "农村留守儿童");
            String opened = java.time.Instant.now().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate()
                    .toString();
            driver.findElement(By.id("guardianName")).sendKeys("周" + "老太");
            driver.findElement(By.id("relation")).sendKeys("祖母");
            driver.findElement(By.id("guardianPhone")).sendKeys("13912345678");
            for (String[] date : new String[][] {{"validFrom", opened}, {"validUntil", LocalDate.parse(opened)
                    .plusYears(1).toString()}, {"signedOn", opened}}) {
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                        "document.getElementById(arguments[0]).value = arguments[1]", date[0], date[1]);
            }
            driver.findElement(By.cssSelector("form[action$='/agreements'] button")).click();
            browser.waitForDone("委托监护协议已登记");
            assertThat(browser.text()).contains("委托监护协议已登记", "139****5678").doesNotContain("13912345678");
            browser.check("49b-child-guardianship");
        }
        try (Browser browser = Browser.open(true, 375)) {
            browser.login(portal, "child-director-1");
            assertThat(browser.text()).contains("我负责的儿童", "走访逾期的儿童", "儿童主任");
            browser.check("50-child-director-375-home");
            browser.driver.get(portal + "/assistance/children");
            browser.waitFor(By.cssSelector("main table"));
            assertThat(browser.text()).contains("周小雨", "周小川").doesNotContain("吴小杰");
            assertThat((Long) browser.driver.executeScript("return document.documentElement.scrollWidth"))
                    .isLessThanOrEqualTo(375L);
            browser.check("51-child-director-375-children");
            browser.driver.get(portal + "/assistance/children/" + mine);
            // The service's today (its clock, which a journey above moved, and China's time): the record's opening.
            String today = java.time.Instant.parse(gateway.get("/api/assistance/children/" + mine, officer).json()
                    .path("assessments").get(0).path("at").asString()).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                    .toLocalDate().toString();
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                    "document.getElementById('on').value = arguments[0]", today);
            browser.driver.findElement(By.id("note")).sendKeys("入户走访，孩子在校表现良好。");
            browser.check("52-child-director-375-visit");
            browser.driver.findElement(By.cssSelector("form[action$='/visits'] button")).click();
            browser.waitFor(By.cssSelector("p.done"));
            assertThat(browser.text()).contains("走访已记录", "入户走访，孩子在校表现良好。");
            browser.check("53-child-director-375-visited");
        }
    }

    private static String openChild(String officer, String name, LocalDate born, String director) {
        var opened = gateway.postJson("/api/assistance/children", officer, """
                {"idNumber":"%s","name":"%s","divisionCode":"320404001007","category":"LEFT_BEHIND",
                 "riskLevel":"HIGH","riskReason":"父母外出务工","directorUsername":"%s"}""".formatted(
                TestIdNumbers.female("320404", born), name, director));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json().path("id").asString();
    }

    /**
     * A funeral officer opens an after-death case for a family (which records the death) and watches each office's
     * step come in: assistance takes the member out of the household (DONE), and no step stays pending.
     */
    @Test
    @Order(10)
    void a_funeral_officer_opens_an_after_death_case_and_watches_the_offices_steps_finish() {
        String deceased = TestIdNumbers.male("320404", LocalDate.of(1938, 9, 9));
        var household = gateway.postJson("/api/assistance/households", tokens.user("zl-officer-1"), """
                {"divisionCode":"%s","residence":"URBAN","address":"钟楼区某路 99 号",
                 "members":[{"idNumber":"%s","name":"%s","relation":"HEAD","disabilityGrade":0,"employed":false,
                 "monthlyIncome":100.00},{"idNumber":"%s","name":"%s","relation":"SPOUSE","disabilityGrade":0,
                 "employed":false,"monthlyIncome":0}],"assets":{"deposits":100.00,"vehicles":0,"houses":1}}
                """.formatted(DIVISION, deceased, "郑" + "德明", TestIdNumbers.female("320404",
                LocalDate.of(1940, 1, 2)), "郑" + "王氏"));
        assertThat(household.status()).as(household.toString()).isEqualTo(201);
        try (Browser browser = Browser.open(true, 1280)) {
            browser.login(portal, "funeral-officer");
            assertThat(browser.text()).contains("部门超时未答复的案件", "殡葬管理");
            browser.driver.findElement(By.linkText("身后一件事")).click();
            browser.waitFor(By.cssSelector("a[href='/funeral/cases/new']")).click();
            var driver = browser.driver;
            driver.findElement(By.id("deceased.name")).sendKeys("郑" + "德明");
            driver.findElement(By.id("deceased.idNumber")).sendKeys(deceased);
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "document.getElementById('deceased.dateOfDeath').value = arguments[0]",
                    LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString());
            driver.findElement(By.id("deceased.place")).sendKeys("家中");
            new Select(driver.findElement(By.id("deceased.cause"))).selectByValue("NATURAL");
            driver.findElement(By.id("deceased.divisionCode")).sendKeys(DIVISION);
            driver.findElement(By.id("applicant.name")).sendKeys("郑" + "小红");
            driver.findElement(By.id("applicant.idNumber")).sendKeys(
                    TestIdNumbers.female("320404", LocalDate.of(1968, 5, 5)));
            driver.findElement(By.id("applicant.relation")).sendKeys("女儿");
            browser.check("60-funeral-case-new");
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.waitFor(By.cssSelector("p.done"));
            assertThat(browser.text()).contains("案件已受理", "社会救助", "养老服务", "婚姻登记");
            browser.check("61-funeral-case-opened");
            new WebDriverWait(driver, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1)).until(d -> {
                d.navigate().refresh();
                return d.findElements(By.cssSelector("[data-status=PENDING]")).isEmpty()
                        && !d.findElements(By.cssSelector("[data-status]")).isEmpty();
            });
            assertThat(browser.text()).contains("已办结");
            assertThat(driver.findElement(By.xpath("//tr[td[normalize-space()='社会救助']]//*[@data-status]"))
                    .getAttribute("data-status")).isEqualTo("DONE");
            browser.check("62-funeral-case-steps-finished");
        }
    }

    /**
     * 双随机一公开 in the workbench: an orgs officer commits a plan in per cent (a ratio under the county's minimum is
     * refused beside the field), the service draws it; the inspector finds the target on their to-do card and list
     * and enters the result, which the plan then shows.
     */
    @Test
    @Order(11)
    void an_orgs_officer_draws_a_plan_and_the_assigned_inspector_enters_the_result() {
        String officer = tokens.user("orgs-officer");
        String today = java.time.OffsetDateTime.parse(gateway.get("/api/orgs/dev/clock", tokens.user("admin")).json()
                .path("now").asString()).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate()
                .toString();
        for (int i = 0; i < 2; i++) {
            String body = "51320404" + java.util.UUID.randomUUID().toString().replaceAll("[^0-9]", "")
                    .concat("000000000").substring(0, 9);
            var registered = gateway.postJson("/api/orgs/organizations", officer, """
                    {"name":"钟楼区工作台测试%s协会","type":"ASSOCIATION","creditCode":"%s","directRegistration":true,
                     "legalRepresentative":{"name":"%s","idNumber":"%s"},"businessScope":"书画交流",
                     "divisionCode":"320404","registeredOn":"2025-03-01"}""".formatted(
                    java.util.UUID.randomUUID().toString().substring(0, 4), body
                            + cn.minzheng.platform.identity.CreditCode.checkCharacter(body), "钱" + "立新",
                    TestIdNumbers.male("320404", LocalDate.of(1970, 2, 2 + i))));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        }
        try (Browser browser = Browser.open(true, 1280)) {
            browser.login(portal, "orgs-officer");
            browser.driver.findElement(By.linkText("双随机抽查")).click();
            browser.waitFor(By.cssSelector("a[href='/orgs/inspection-plans/new']")).click();
            var driver = browser.driver;
            driver.findElement(By.id("ratio")).sendKeys("2");
            driver.findElement(By.id("inspectors")).sendKeys("inspector\ninspector-2");
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.waitFor(By.id("err-ratio"));
            assertThat(driver.findElement(By.id("inspectors")).getAttribute("value")).contains("inspector-2");
            browser.check("70-orgs-plan-refused");
            WebElement ratio = driver.findElement(By.id("ratio"));
            ratio.clear();
            ratio.sendKeys("3");
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.waitForDone("已随机抽取");
            assertThat(browser.text()).contains("3%", "检查对象", "第 1 次抽取", "申请重新抽取");
            browser.check("71-orgs-plan-drawn");
        }
        try (Browser browser = Browser.open(true, 1280)) {
            browser.login(portal, "inspector");
            WebElement card = browser.waitFor(By.cssSelector("a[href='/orgs/inspections/assigned?open=true']"));
            assertThat(card.getText()).contains("待录入结果的检查对象");
            card.click();
            browser.waitFor(By.cssSelector("main table"));
            browser.check("72-orgs-my-targets");
            var driver = browser.driver;
            driver.findElement(By.cssSelector("main table tbody tr a")).click();
            new Select(browser.waitFor(By.id("outcome"))).selectByValue("COMPLIANT");
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "document.getElementById('inspectedOn').value = arguments[0]", today);
            browser.check("73-orgs-result-form");
            driver.findElement(By.cssSelector("form[action$='/result'] button")).click();
            browser.waitForDone("检查结果已录入");
            assertThat(browser.text()).contains("未发现问题", today);
            assertThat(driver.findElements(By.cssSelector("form[action$='/result']")))
                    .as("entered once: the form is no longer offered").isEmpty();
            browser.check("74-orgs-result-entered");
        }
    }

    /**
     * 统计分析: a leader of the county reads every office's year month by month; the charts are drawn from the tables
     * with JavaScript, and without it the tables alone carry the figures. A leader opens nothing else.
     */
    @Test
    @Order(12)
    void a_leader_reads_every_offices_year_by_month_in_charts_and_tables_and_nothing_else() {
        try (Browser browser = Browser.open(true, 1280)) {
            browser.login(portal, "zl-leader");
            browser.driver.findElement(By.linkText("统计分析")).click();
            browser.waitFor(By.cssSelector("#chart-registry canvas"));
            assertThat(browser.text()).contains("婚姻收养登记", "社会救助", "殡葬管理", "养老服务", "社会组织")
                    .doesNotContain("不在您的查看范围内");
            assertThat(browser.driver.findElements(By.cssSelector(".chart canvas"))).hasSize(6);
            assertThat(browser.driver.findElements(By.cssSelector("table[data-chart] tbody tr")).size())
                    .as("a row per month of every office, up to this month").isGreaterThanOrEqualTo(6);
            browser.check("80-dashboards-leader");
            browser.driver.get(portal + "/assistance/households");
            assertThat(browser.text()).as("a leader reads statistics only").contains("您的角色不允许");
        }
        try (Browser browser = Browser.open(false, 1280)) {
            browser.login(portal, "zl-leader");
            browser.driver.get(portal + "/dashboards");
            browser.waitFor(By.cssSelector("table[data-chart='chart-funeral']"));
            assertThat(browser.driver.findElements(By.cssSelector(".chart canvas"))).isEmpty();
            browser.check("81-dashboards-nojs");
        }
    }

    /**
     * 居家上门服务 through three people: an eldercare officer orders a bath for a woman over 80 (the service names the
     * ground), the provider's staff send the proof with the photo's checksum, the officer reimburses it and finds it
     * on the provider's monthly statement.
     */
    @Test
    @Order(13)
    void home_care_is_ordered_proved_by_the_provider_and_reimbursed_and_shows_on_the_statement() throws IOException {
        String elder = TestIdNumbers.female("320404", LocalDate.of(1938, 4, 4).plusDays(System.nanoTime() % 300));
        LocalDate yesterday = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1);
        String orderUrl;
        try (Browser browser = Browser.open(true, 1280)) {
            browser.login(portal, "eldercare-officer");
            browser.driver.findElement(By.linkText("居家上门服务")).click();
            browser.waitFor(By.cssSelector("a[href='/eldercare/service-orders/new']")).click();
            var driver = browser.driver;
            driver.findElement(By.id("name")).sendKeys("钱" + "秀兰");
            driver.findElement(By.id("idNumber")).sendKeys(elder);
            driver.findElement(By.id("divisionCode")).sendKeys("320404005");
            new Select(driver.findElement(By.id("disabled"))).selectByValue("false");
            new Select(driver.findElement(By.id("serviceType"))).selectByValue("BATHING");
            driver.findElement(By.id("providerCreditCode")).sendKeys("52320404MJ5837462K");
            driver.findElement(By.id("providerName")).sendKeys("颐和养老服务中心");
            setValue(driver, "plannedOn", yesterday.toString());
            driver.findElement(By.id("hours")).sendKeys("2");
            browser.check("90-home-care-order-new");
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.waitForDone("工单已派发");
            assertThat(browser.text()).contains("80 周岁以上", "待服务").doesNotContain(elder);
            assertThat(driver.findElements(By.cssSelector("form[action$='/reimbursement']"))).as("no proof yet")
                    .isEmpty();
            orderUrl = driver.getCurrentUrl().replaceAll("\\?.*", "");
            browser.check("91-home-care-order");
        }
        Path photo = Files.createTempFile("visit-", ".jpg");
        Files.write(photo, ("photo of the visit " + elder).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (Browser browser = Browser.open(true, 375)) {
            browser.login(portal, "care-provider");
            browser.driver.get(orderUrl);
            var driver = browser.driver;
            browser.waitFor(By.id("checkIn"));
            setValue(driver, "checkIn", yesterday + "T09:30");
            setValue(driver, "checkOut", yesterday + "T11:00");
            driver.findElement(By.id("place")).sendKeys("西林街道某小区 3 幢");
            new Select(driver.findElement(By.id("elderConfirmed"))).selectByValue("true");
            driver.findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
            browser.check("92-home-care-proof-375");
            driver.findElement(By.cssSelector("form[action$='/proof'] button[type=submit]")).click();
            browser.waitForDone("服务凭证已提交");
            assertThat(browser.text()).contains("已服务，待结算", "1.5", "45.00");
        } finally {
            Files.deleteIfExists(photo);
        }
        try (Browser browser = Browser.open(true, 1280)) {
            browser.login(portal, "eldercare-officer");
            browser.driver.get(orderUrl);
            browser.waitFor(By.cssSelector("form[action$='/reimbursement'] button")).click();
            browser.waitForDone("工单已结算");
            browser.driver.findElement(By.linkText("该机构本月结算单")).click();
            browser.waitFor(By.cssSelector("table.stack"));
            assertThat(browser.text()).contains("服务机构月度结算单", "钱" + "秀兰", "已结算");
            browser.check("93-home-care-statement");
        }
    }

    /**
     * The rest of part 2's pages as their users open them, each passing axe-core: a funeral officer reads a
     * cemetery section's grid and a plot, starts a relocation project and opens the eco ceremonies and the month's
     * settlement; an orgs officer opens an organisation with the acts offered, the projects, donations and ties; an
     * eldercare officer opens the meal point's day and the adaptations, and registers a family care bed.
     */
    @Test
    @Order(14)
    void the_funeral_orgs_and_eldercare_registers_open_with_the_acts_their_services_offer() {
        try (Browser browser = Browser.open(true, 1280)) {
            browser.login(portal, "funeral-officer");
            var driver = browser.driver;
            driver.findElement(By.linkText("公墓管理")).click();
            browser.waitFor(By.cssSelector("a[href='/funeral/cemeteries/new']")).click();
            browser.waitFor(By.id("name")).sendKeys("钟楼区工作台测试公墓");
            new Select(driver.findElement(By.id("kind"))).selectByValue("COMMERCIAL");
            new Select(driver.findElement(By.id("eco"))).selectByValue("false");
            driver.findElement(By.id("divisionCode")).sendKeys("320404");
            driver.findElement(By.id("usageTermYears")).sendKeys("20");
            new Select(driver.findElement(By.id("plots[0].kind"))).selectByValue("GRAVE");
            driver.findElement(By.id("plots[0].count")).sendKeys("10");
            driver.findElement(By.id("plots[0].areaSqm")).sendKeys("0.7");
            driver.findElement(By.id("plots[0].section")).sendKeys("A区");
            driver.findElement(By.id("plots[0].perRow")).sendKeys("4");
            browser.check("93a-funeral-cemetery-new");
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.waitForDone("公墓已登记");
            browser.waitFor(By.cssSelector("table.plot-grid"));
            assertThat(browser.text()).contains("A区 墓位图", "第 1 排", "第 3 排", "1号 空闲");
            browser.check("94-funeral-cemetery-grid");
            driver.findElement(By.cssSelector("table.plot-grid a")).click();
            browser.waitFor(By.cssSelector("a.plot-chosen"));
            assertThat(browser.text()).contains("A区 第 1 排 1 号");
            driver.findElement(By.linkText("迁葬整治")).click();
            browser.waitFor(By.id("name")).sendKeys("西林散坟整治（工作台）");
            new Select(driver.findElement(By.id("kind"))).selectByValue("SCATTERED_GRAVE_CLEANUP");
            driver.findElement(By.id("divisionCode")).sendKeys("320404");
            setValue(driver, "startedOn", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.waitForDone("迁葬项目已登记");
            browser.check("95-funeral-relocation-project");
            driver.findElement(By.linkText("集体生态安葬")).click();
            browser.waitFor(By.id("deathIds"));
            browser.check("96-funeral-eco-ceremonies");
            driver.findElement(By.linkText("惠民殡葬结算")).click();
            browser.waitFor(By.id("month"));
            assertThat(browser.text()).contains("县级应付合计");
            browser.check("97-funeral-settlements");
        }
        try (Browser browser = Browser.open(true, 1280)) {
            browser.login(portal, "orgs-officer");
            var driver = browser.driver;
            driver.findElement(By.linkText("社会组织登记")).click();
            browser.waitFor(By.cssSelector("a[href='/orgs/organizations/new']")).click();
            String body = "51320404" + java.util.UUID.randomUUID().toString().replaceAll("[^0-9]", "")
                    .concat("000000000").substring(0, 9);
            browser.waitFor(By.id("name")).sendKeys("钟楼区工作台登记" + body.substring(12) + "协会");
            new Select(driver.findElement(By.id("type"))).selectByValue("ASSOCIATION");
            driver.findElement(By.id("creditCode")).sendKeys(body
                    + cn.minzheng.platform.identity.CreditCode.checkCharacter(body));
            new Select(driver.findElement(By.id("directRegistration"))).selectByValue("true");
            driver.findElement(By.id("legalRepresentative.name")).sendKeys("钱" + "立群");
            driver.findElement(By.id("legalRepresentative.idNumber")).sendKeys(
                    TestIdNumbers.male("320404", LocalDate.of(1971, 3, 3)));
            driver.findElement(By.id("businessScope")).sendKeys("书画交流");
            driver.findElement(By.id("divisionCode")).sendKeys("320404");
            setValue(driver, "registeredOn", "2025-03-01");
            browser.check("97a-orgs-organization-new");
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.waitForDone("社会组织已登记");
            browser.waitFor(By.cssSelector("form[action$='/amendments']"));
            assertThat(browser.text()).contains("变更登记", "登记重大事项报告", "受理注销申请", "认定为慈善组织");
            browser.check("98-orgs-organization-acts");
            driver.findElement(By.linkText("项目管理")).click();
            browser.waitFor(By.cssSelector("a[href='/orgs/projects/new']"));
            browser.check("99-orgs-projects");
            driver.findElement(By.linkText("慈善捐赠")).click();
            browser.waitFor(By.cssSelector("a[href='/orgs/donations/new']")).click();
            browser.waitFor(By.id("donorKind"));
            browser.check("100-orgs-donation-new");
            driver.findElement(By.linkText("检查人员回避")).click();
            browser.waitFor(By.id("relation"));
            browser.check("101-orgs-inspector-ties");
        }
        try (Browser browser = Browser.open(true, 375)) {
            browser.login(portal, "eldercare-officer");
            var driver = browser.driver;
            driver.get(portal + "/eldercare/facilities/new");
            browser.waitFor(By.id("name")).sendKeys("工作台测试助餐点");
            new Select(driver.findElement(By.id("type"))).selectByValue("MEAL_POINT");
            new Select(driver.findElement(By.id("ownership"))).selectByValue("PUBLIC");
            driver.findElement(By.id("divisionCode")).sendKeys("320404001");
            driver.findElement(By.id("beds.total")).sendKeys("0");
            driver.findElement(By.id("beds.nursing")).sendKeys("0");
            browser.check("101a-eldercare-facility-new-375");
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.waitForDone("养老服务设施已登记");
            driver.findElement(By.cssSelector("a[href$='/meals']")).click();
            browser.waitFor(By.id("meal"));
            driver.findElement(By.id("name")).sendKeys("周" + "阿婆");
            driver.findElement(By.id("idNumber")).sendKeys(TestIdNumbers.female("320404",
                    LocalDate.of(1937, 5, 5).plusDays(System.nanoTime() % 300)));
            new Select(driver.findElement(By.id("meal"))).selectByValue("LUNCH");
            driver.findElement(By.cssSelector("form[method=post][action$='/meals'] button[type=submit]")).click();
            assertThat(browser.waitFor(By.cssSelector("p.done")).getText()).isEqualTo("就餐已登记。");
            assertThat(driver.findElement(By.cssSelector("main table tbody")).getText()).as("one lunch, one person")
                    .startsWith("0 1 0 1");
            browser.check("102-eldercare-meal-point-375");
            driver.get(portal + "/eldercare/home-adaptations");
            browser.waitFor(By.cssSelector("a[href='/eldercare/family-care-beds/new']")).click();
            String person = TestIdNumbers.male("320404", LocalDate.of(1936, 7, 7).plusDays(System.nanoTime() % 300));
            browser.waitFor(By.id("name")).sendKeys("孙" + "德福");
            driver.findElement(By.id("idNumber")).sendKeys(person);
            driver.findElement(By.id("divisionCode")).sendKeys("320404005");
            driver.findElement(By.id("providerCreditCode")).sendKeys("52320404MJ5837462K");
            setValue(driver, "since", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(7).toString());
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.waitForDone("家庭照护床位已登记");
            assertThat(browser.text()).doesNotContain(person);
            browser.check("103-eldercare-family-bed-375");
        }
    }

    private static void setValue(org.openqa.selenium.WebDriver driver, String id, String value) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    private static long sessionsOf(KeycloakAdmin admin, String username) {
        return admin.sessionsOf("minzheng-workbench").stream().filter(username::equals).count();
    }

    private static void fillParties(Browser browser, String a, String b) {
        var driver = browser.driver;
        driver.findElement(By.id("partyA.name")).sendKeys("郑" + "浩然");
        driver.findElement(By.id("partyA.idNumber")).sendKeys(a);
        driver.findElement(By.id("partyB.name")).sendKeys("冯" + "雨桐");
        driver.findElement(By.id("partyB.idNumber")).sendKeys(b);
        driver.findElement(By.name("declarationSigned")).click();
    }

    private static void fillHousehold(Browser browser, String idNumber) {
        var driver = browser.driver;
        WebElement division = driver.findElement(By.id("divisionCode"));
        division.clear();
        division.sendKeys(DIVISION);
        driver.findElement(By.id("address")).sendKeys("钟楼区某路 18 号");
        new Select(driver.findElement(By.id("residence"))).selectByValue("URBAN");
        driver.findElement(By.id("deposits")).sendKeys("3000");
        driver.findElement(By.id("houses")).sendKeys("1");
        driver.findElement(By.id("vehicles")).sendKeys("0");
        driver.findElement(By.id("members0.name")).sendKeys(headName);
        driver.findElement(By.id("members0.idNumber")).sendKeys(idNumber);
        new Select(driver.findElement(By.id("members0.relation"))).selectByValue("HEAD");
        driver.findElement(By.id("members0.monthlyIncome")).sendKeys("200");
        new Select(driver.findElement(By.id("members0.employed"))).selectByValue("false");
        new Select(driver.findElement(By.id("members0.disabilityGrade"))).selectByValue("0");
    }

    private static List<JsonNode> applicationsOf(String householdId) {
        JsonNode page = gateway.get("/api/assistance/applications?division=" + DIVISION + "&size=200",
                tokens.user("zl-officer-1")).json();
        return page.path("items").valueStream().filter(a -> a.path("householdId").asString().equals(householdId))
                .toList();
    }
}
