package cn.minzheng.orgs.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.minzheng.orgs.inspection.InspectorTie;
import cn.minzheng.orgs.inspection.InspectorTies;
import cn.minzheng.orgs.inspection.PlanDrawing;
import cn.minzheng.orgs.organization.AnnualReport;
import cn.minzheng.orgs.organization.LegalRepresentative;
import cn.minzheng.orgs.organization.OrgRegistry;
import cn.minzheng.orgs.organization.OrgType;
import cn.minzheng.orgs.organization.Organization;
import cn.minzheng.orgs.organization.Organizations;
import cn.minzheng.orgs.organization.ReportDeadlines;
import cn.minzheng.platform.demo.DemoDataSet;
import cn.minzheng.platform.demo.DemoPeople;
import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.ProtectedIdNumber;
import cn.minzheng.platform.time.LegalCalendar;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * 钟楼区's register as the bureau reports it: 292 organisations (associations, service institutions and a few
 * foundations, registered 2012-2024), 47% holding a current evaluation grade, eight recognised charities, every
 * year's annual report received on time except that a few are missing for the last two years (some for both: the
 * 僵尸 worklist), verdicts on the last two, one declared inspector tie, and this year's random inspection plan drawn
 * from it. Through the real registry and aggregates, so names stay unique and events are published.
 */
@Component
@ConditionalOnProperty(name = "minzheng.orgs.demo-data", havingValue = "true")
class OrgsDemoData extends DemoDataSet {

    static final String COUNTY = "320404";
    static final int ORGANIZATIONS = 292;
    static final int GRADED = 137;
    static final List<String> INSPECTORS = List.of("inspector", "inspector-2", "inspector-3", "inspector-4",
            "inspector-5", "inspector-6", "inspector-7");
    private static final List<String> STREETS = List.of("", "南大街", "荷花池", "新闸", "五星", "永红", "北港", "西林",
            "邹区");
    private static final List<String> TOPICS = List.of("书法", "摄影", "老年体育", "志愿者", "社区养老", "青少年科技", "围棋",
            "舞蹈", "合唱", "家政服务", "心理咨询", "助残", "环保", "读书", "民俗文化", "太极拳", "诗词", "园艺", "户外运动",
            "乒乓球", "托育", "康复", "法律援助", "婚姻家庭", "社工", "应急救援", "残疾人就业", "邻里互助", "非遗传承", "科普");

    private final OrgRegistry registry;
    private final Organizations organizations;
    private final InspectorTies ties;
    private final PlanDrawing drawing;
    private final PersonalDataCipher cipher;
    private final LegalCalendar calendar;
    private final Clock clock;
    private final DemoPeople people = new DemoPeople(20_261_217);
    private final Random random = people.random();

    OrgsDemoData(MongoTemplate mongo, OrgRegistry registry, Organizations organizations, InspectorTies ties,
            PlanDrawing drawing, PersonalDataCipher cipher, LegalCalendar calendar, Clock clock) {
        super(mongo, clock, "orgs-demo-v1");
        this.registry = registry;
        this.organizations = organizations;
        this.ties = ties;
        this.drawing = drawing;
        this.cipher = cipher;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    protected void load() {
        List<String> names = names();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ORGANIZATIONS; i++) {
            int index = i;
            item("organisation " + i, () -> ids.add(organisation(index, names.get(index)).id()));
        }
        item("inspector tie", () -> {
            Organization tied = organizations.get(ids.get(3));
            ties.insert(InspectorTie.declare("inspector-3", tied.id(), tied.creditCode().value(), tied.division(),
                    InspectorTie.Relation.FORMER_EMPLOYEE, "2018 至 2021 年在该组织任职", "demo-data",
                    clock.instant()));
        });
        item("this year's random inspection plan", () -> drawing.commit(LocalDate.now(clock).getYear(),
                DivisionCode.of(COUNTY), new BigDecimal("0.05"), true, INSPECTORS, "demo-data"));
    }

    private Organization organisation(int index, String name) {
        OrgType type = typeOf(index);
        boolean direct = type == OrgType.FOUNDATION || index % 4 == 0;
        LocalDate today = LocalDate.now(clock);
        LocalDate registeredOn = LocalDate.of(2012 + index % 13, 1 + index % 12, 1 + index % 28);
        String body = "5" + (type.category().ordinal() + 1) + COUNTY + "MJ" + String.format("%07d", 100_000 + index);
        LegalRepresentative representative = new LegalRepresentative(people.name(), ProtectedIdNumber.protect(
                people.idNumber(COUNTY, people.birthDay(1955, 30), random.nextBoolean()), cipher));
        Organization org = Organization.register(new Organization.Registration(name, type,
                CreditCode.of(body + CreditCode.checkCharacter(body)), direct ? null : "钟楼区民政局", direct,
                representative, "开展" + name.replace("钟楼区", "") + "相关的公益服务、交流和培训。",
                new BigDecimal(type == OrgType.FOUNDATION ? 2_000_000 : 30_000 + 10_000 * (index % 7)),
                "常州市钟楼区" + STREETS.get(1 + index % (STREETS.size() - 1)) + (index % 90 + 1) + "号",
                DivisionCode.of(COUNTY), registeredOn), "demo-data", clock);
        for (int year = registeredOn.getYear(); year < today.getYear(); year++) {
            report(org, index, year, today);
        }
        if (index % 2 == 0 && index < GRADED * 2) {
            LocalDate graded = today.minusDays(30 + index * 5L % 1_700);
            org.grade(2 + index % 4, graded.isBefore(registeredOn) ? registeredOn.plusMonths(6) : graded,
                    "demo-data", clock);
        }
        if (index % 23 == 1 && type != OrgType.SERVICE_INSTITUTION || index % 97 == 5) {
            org.recognizeAsCharity(registeredOn.plusYears(1).isAfter(today) ? today : registeredOn.plusYears(1),
                    "demo-data", clock);
        }
        return registry.insert(org);
    }

    /** On time, except a few of the last two years (some both); verdicts on the last two only. */
    private void report(Organization org, int index, int year, LocalDate today) {
        boolean recent = year >= today.getYear() - 2;
        boolean missing = recent && (index % 17 == 7 || index % 29 == 11 && year == today.getYear() - 1);
        if (missing) {
            return;
        }
        LocalDate deadline = ReportDeadlines.registry(year, org.type(), calendar);
        LocalDate received = deadline.minusDays(3 + (index + year) % 40);
        AnnualReport.Verdict verdict = !recent ? null : index % 20 == 3 ? AnnualReport.Verdict.FAIL
                : index % 9 == 2 ? AnnualReport.Verdict.BASIC_PASS : AnnualReport.Verdict.PASS;
        org.reportReceived(year, null, received, verdict, "demo-data", clock);
    }

    /**
     * 292 distinct names: street and topic, then the kind of its type; past the 270 street-topic pairs, a second
     * round uses the longer kinds (联合会, 发展中心, 发展基金会).
     */
    private static List<String> names() {
        List<String> names = new ArrayList<>();
        int pairs = STREETS.size() * TOPICS.size();
        for (int i = 0; i < ORGANIZATIONS; i++) {
            int pair = i % pairs;
            String kind = switch (typeOf(i)) {
                case ASSOCIATION -> i < pairs ? "协会" : "联合会";
                case SERVICE_INSTITUTION -> i < pairs ? "服务中心" : "发展中心";
                case FOUNDATION -> i < pairs ? "基金会" : "发展基金会";
            };
            names.add("钟楼区" + STREETS.get(pair / TOPICS.size()) + TOPICS.get(pair % TOPICS.size()) + kind);
        }
        return names;
    }

    private static OrgType typeOf(int index) {
        return index % 40 == 0 ? OrgType.FOUNDATION : index % 5 < 2 ? OrgType.ASSOCIATION
                : OrgType.SERVICE_INSTITUTION;
    }
}
