package cn.minzheng.assistance.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;


import cn.minzheng.assistance.application.Application;
import cn.minzheng.assistance.application.ApplicationService;
import cn.minzheng.assistance.benefit.MeansTest;
import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.assistance.benefit.Residence;
import cn.minzheng.assistance.benefit.SelfCare;
import cn.minzheng.assistance.household.Household;
import cn.minzheng.assistance.household.HouseholdRegistry;
import cn.minzheng.assistance.household.Member;
import cn.minzheng.assistance.household.Relation;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.assistance.payroll.PayrollService;
import cn.minzheng.assistance.standard.Standards;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.demo.DemoDataSet;
import cn.minzheng.platform.demo.DemoPeople;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.PhoneNumber;
import cn.minzheng.platform.personal.ProtectedValue;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * A realistic data set for 钟楼区 (320404) and 金坛区 (320413), loaded once by the run command so that a newcomer can
 * click through Swagger UI at once: standards 2018-2026, some 300 households across five townships in every state
 * (registered, applied, on public notice, enrolled and paid, terminated). Everything goes through the real
 * workflow (with past dates via {@code asOf}); ID numbers are generated, valid in form, and belong to no one, except
 * that the demo citizen of the realm heads one household so that the citizen endpoints have something to show.
 */
@Component
@ConditionalOnProperty(name = "minzheng.assistance.demo-data", havingValue = "true")
class DemoData extends DemoDataSet {

    /** The realm's demo citizen (keycloak/minzheng-realm.json). */
    private static final String DEMO_CITIZEN = "320404198503150026";
    private static final String[] TOWNSHIPS = {"320404001", "320404002", "320404003", "320413100", "320413101"};

    private final Standards standards;
    private final HouseholdRegistry registry;
    private final ApplicationService applications;
    private final PayrollService payrolls;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final DemoPeople people = new DemoPeople(20_261_123);
    private final Random random = people.random();

    DemoData(MongoTemplate mongo, Standards standards, HouseholdRegistry registry, ApplicationService applications,
            PayrollService payrolls, PersonalDataCipher cipher, Clock clock) {
        super(mongo, clock, "assistance-demo-v1");
        this.standards = standards;
        this.registry = registry;
        this.applications = applications;
        this.payrolls = payrolls;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    protected void load() {
        item("standards of 320404 and 320413", this::standards);
        for (int i = 0; i < 300; i++) {
            int index = i;
            item("household " + i, () -> households(TOWNSHIPS[index % TOWNSHIPS.length], index));
        }
        YearMonth month = YearMonth.now(clock);
        for (String county : List.of("320404", "320413")) {
            item("payrolls of " + county, () -> {
                payrolls.start(county, month.minusMonths(2), null, "demo-data");
                payrolls.start(county, month.minusMonths(1), null, "demo-data");
            });
        }
    }

    private void standards() {
        int[] zhonglou = {720, 760, 800, 830, 860, 890, 920, 950, 980};
        for (int year = 2018; year <= 2026; year++) {
            standards.add("320404", Programme.DIBAO, Residence.ALL, Money.of(zhonglou[year - 2018] + ".00"),
                    LocalDate.of(year, 7, 1), "demo-data");
        }
        int[] jintan = {800, 840, 880, 920, 960};
        for (int i = 0; i < jintan.length; i++) {
            standards.add("320413", Programme.DIBAO, Residence.ALL, Money.of(jintan[i] + ".00"),
                    LocalDate.of(2018 + 2 * i, 7, 1), "demo-data");
        }
    }

    private void households(String township, int index) {
        String village = township + String.format("%03d", 1 + random.nextInt(3));
        String county = township.substring(0, 6);
        boolean citizensHousehold = index == 0;
        List<Member> members = new ArrayList<>();
        String family = people.familyName();
        int size = 1 + random.nextInt(4);
        boolean poor = citizensHousehold || random.nextInt(10) < 7;
        for (int m = 0; m < size; m++) {
            Relation relation = m == 0 ? Relation.HEAD : m == 1 ? Relation.SPOUSE : Relation.CHILD;
            LocalDate birth = m < 2 ? people.birthDay(1945, 45) : people.birthDay(2008, 16);
            ResidentIdNumber id = citizensHousehold && m == 0 ? ResidentIdNumber.of(DEMO_CITIZEN)
                    : people.idNumber(county, birth, random.nextBoolean());
            int grade = random.nextInt(12) == 0 ? 1 + random.nextInt(4) : 0;
            int income = m == 0 ? (poor ? random.nextInt(6) * 100 : 2_000 + random.nextInt(2_000)) : 0;
            members.add(Member.of(id, family + people.givenName(), relation, grade,
                    grade > 0 ? "肢体" : null, income > 0, Money.of(income + ".00"),
                    grade > 2 ? SelfCare.PARTIAL : SelfCare.FULL, cipher));
        }
        Household household = registry.register(DivisionCode.of(village), random.nextBoolean() ? Residence.URBAN : Residence.RURAL,
                "常州市" + (county.equals("320404") ? "钟楼区" : "金坛区") + "某路" + (index + 1) + "号", members,
                new MeansTest.Assets(Money.of(random.nextInt(20_000) + ".00"), 0, 1),
                ProtectedValue.protect(PhoneNumber.of("139" + String.format("%08d", random.nextInt(100_000_000))),
                        cipher), null, "demo-data");
        int state = citizensHousehold ? 9 : random.nextInt(10);
        if (state < 4 || !poor) {
            return; // registered only
        }
        String officer = county.equals("320404") ? "zl-officer-1" : "jt-officer-1";
        String approver = county.equals("320404") ? "zl-approver" : "jt-approver";
        Duration back = state >= 6 ? Duration.ofDays(100) : Duration.ofDays(3);
        ApplicationService past = applications.asOf(Clock.offset(clock, back.negated()));
        Application application = past.submit(household, Programme.DIBAO, "家庭收入低于当地低保标准", null, officer,
                "TOWNSHIP_WINDOW", true, "demo-" + household.id());
        if (state == 4) {
            return; // submitted, waiting for review
        }
        if (!application.meansTest().passed()) {
            past.review(application, Application.Decision.REJECT, "家庭经济状况核对未通过", officer);
            return;
        }
        past.review(application, Application.Decision.PASS, "入户调查属实", officer);
        if (state == 5) {
            return; // on public notice now
        }
        applications.asOf(Clock.offset(clock, back.minusDays(20).negated()))
                .decide(application, Application.Decision.APPROVE, "同意", approver);
    }

}
