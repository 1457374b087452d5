package cn.minzheng.assistance.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import cn.minzheng.assistance.benefit.AgeCounting;
import cn.minzheng.assistance.allowance.AgeBand;
import cn.minzheng.assistance.allowance.AllowanceProgramme;
import cn.minzheng.assistance.allowance.AllowanceProposal;
import cn.minzheng.assistance.allowance.AllowanceProposals;
import cn.minzheng.assistance.allowance.AllowanceRuleBook;
import cn.minzheng.assistance.allowance.AllowanceRules;
import cn.minzheng.assistance.allowance.AllowanceService;
import cn.minzheng.assistance.allowance.AllowanceSweep;
import cn.minzheng.assistance.allowance.ChildStatus;
import cn.minzheng.assistance.allowance.Criterion;
import cn.minzheng.assistance.allowance.DisabilityType;
import cn.minzheng.assistance.allowance.PersonDetails;
import cn.minzheng.assistance.allowance.ProgrammeRule;
import cn.minzheng.assistance.allowance.RuleVersion;
import cn.minzheng.assistance.child.ChildDirector;
import cn.minzheng.assistance.child.ChildDirectors;
import cn.minzheng.assistance.child.ChildRecord;
import cn.minzheng.assistance.child.ChildRecords;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.platform.demo.DemoDataSet;
import cn.minzheng.platform.demo.DemoPeople;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.ProtectedIdNumber;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The allowance and child-protection demo for 钟楼区 and 金坛区, loaded once after the households: each county's
 * rules (version 1 from 2018, and a Dafeng-style widening dated 1 July 2026 that adds unemployed adults with a
 * grade-3 physical disability to the living subsidy and grade 3-4 children to the care subsidy), approved by a
 * second approver; the daily sweep's proposals, half of them confirmed; old people, orphans and a disabled child
 * who are in no household; two child directors of 广化社区 with their children, agreements and visits.
 */
@Component
@ConditionalOnProperty(name = "minzheng.assistance.demo-data", havingValue = "true")
class AllowanceDemoData extends DemoDataSet {

    private final DemoData households;
    private final AllowanceRuleBook ruleBook;
    private final AllowanceSweep sweep;
    private final AllowanceService allowances;
    private final AllowanceProposals proposals;
    private final ChildDirectors directors;
    private final ChildRecords children;
    private final MongoTemplate mongo;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final DemoPeople people = new DemoPeople(20_261_202);
    private final Random random = people.random();

    AllowanceDemoData(DemoData households, MongoTemplate mongo, AllowanceRuleBook ruleBook, AllowanceSweep sweep,
            AllowanceService allowances, AllowanceProposals proposals, ChildDirectors directors,
            ChildRecords children, PersonalDataCipher cipher, Clock clock) {
        super(mongo, clock, "assistance-allowance-demo-v1");
        this.mongo = mongo;
        this.households = households;
        this.ruleBook = ruleBook;
        this.sweep = sweep;
        this.allowances = allowances;
        this.proposals = proposals;
        this.directors = directors;
        this.children = children;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** After the households' demo data: it loads first (once; its own listener then finds it loaded). */
    @Override
    @EventListener(ApplicationReadyEvent.class)
    public void loadOnce() {
        households.loadOnce();
        super.loadOnce();
    }

    @Override
    protected void load() {
        item("rules of 320404", () -> rules("320404", "zl-approver", "zl-approver-2", "50.00", "1600.00"));
        item("rules of 320413", () -> rules("320413", "jt-approver", "jt-approver-2", "60.00", "1700.00"));
        item("proposals confirmed", this::confirmHalf);
        for (int i = 0; i < 24; i++) {
            int index = i;
            item("individual " + i, () -> individual(index));
        }
        item("child directors and children", this::children);
    }

    private void rules(String county, String proposer, String approver, String oldAge80, String orphan) {
        AllowanceRules rules = ruleBook.find(county).orElseGet(() -> AllowanceRules.of(county));
        boolean isNew = rules.versions().isEmpty();
        rules.propose(version(LocalDate.of(2018, 1, 1), oldAge80, orphan, false), proposer, clock);
        rules.decide(1, true, approver, clock);
        rules.propose(version(LocalDate.of(2026, 7, 1), oldAge80, orphan, true), proposer, clock);
        RuleVersion widening = rules.decide(2, true, approver, clock);
        if (isNew) {
            ruleBook.insert(rules);
        } else {
            ruleBook.save(rules);
        }
        sweep.rulesApproved(county, widening);
    }

    private static RuleVersion version(LocalDate from, String oldAge80, String orphan, boolean widened) {
        Money eighty = Money.of(oldAge80);
        List<Criterion> living = widened ? List.of(poorHousehold(), new Criterion("grade3-physical-unemployed",
                java.util.Set.of(3), java.util.Set.of(DisabilityType.PHYSICAL), 18, null, null, false, null, null))
                : List.of(poorHousehold());
        List<Criterion> care = widened ? List.of(severe(), mentalOrIntellectual(), new Criterion("children-3-4",
                java.util.Set.of(3, 4), null, null, 17, null, null, null, null))
                : List.of(severe(), mentalOrIntellectual());
        return new RuleVersion(0, from, widened ? "扩大两项补贴范围（参照大丰做法）" : "分类补贴实施细则",
                List.of(new ProgrammeRule(AllowanceProgramme.OLD_AGE, null, List.of(
                        new AgeBand(80, 89, eighty), new AgeBand(90, 99, eighty.times(2)),
                        new AgeBand(100, null, eighty.times(10))),
                        List.of(new Criterion("age-80", null, null, 80, null, null, null, null, null))),
                        new ProgrammeRule(AllowanceProgramme.DISABILITY_LIVING, Money.of("150.00"), null, living),
                        new ProgrammeRule(AllowanceProgramme.DISABILITY_CARE, Money.of("120.00"), null, care),
                        new ProgrammeRule(AllowanceProgramme.ORPHAN_INSTITUTION, Money.of(orphan).plus(
                                Money.of("500.00")), null, List.of(new Criterion("orphan-in-institution", null,
                                        null, null, null, null, null, java.util.Set.of(ChildStatus.ORPHAN), true))),
                        new ProgrammeRule(AllowanceProgramme.ORPHAN_SCATTERED, Money.of(orphan), null, List.of(
                                new Criterion("orphan", null, null, null, null, null, null,
                                        java.util.Set.of(ChildStatus.ORPHAN), false))),
                        new ProgrammeRule(AllowanceProgramme.UNSUPPORTED_CHILD, Money.of(orphan), null, List.of(
                                new Criterion("unsupported", null, null, null, null, null, null,
                                        java.util.Set.of(ChildStatus.UNSUPPORTED), null),
                                new Criterion("minor-in-tekun-household", null, null, null, 17,
                                        java.util.Set.of("TEKUN"), null, null, null)))),
                List.of(java.util.Set.of(AllowanceProgramme.ORPHAN_SCATTERED, AllowanceProgramme.ORPHAN_INSTITUTION,
                        AllowanceProgramme.UNSUPPORTED_CHILD, AllowanceProgramme.DISABILITY_LIVING)),
                22, Money.of("300.00"), RuleVersion.Status.PROPOSED, null, null, null, null, AgeCounting.NEXT_MONTH);
    }

    private static Criterion poorHousehold() {
        return new Criterion("poor-household", java.util.Set.of(1, 2, 3, 4), null, null, null,
                java.util.Set.of("DIBAO", "TEKUN"), null, null, null);
    }

    private static Criterion severe() {
        return new Criterion("severe", java.util.Set.of(1, 2), null, null, null, null, null, null, null);
    }

    private static Criterion mentalOrIntellectual() {
        return new Criterion("mental-or-intellectual-3-4", java.util.Set.of(3, 4),
                java.util.Set.of(DisabilityType.MENTAL, DisabilityType.INTELLECTUAL), null, null, null, null, null,
                null);
    }

    /** Every other open proposal is confirmed by the township officer, so both lists have something. */
    private void confirmHalf() {
        List<AllowanceProposal> open = mongo.find(new Query(Criteria.where("status")
                .is(AllowanceProposal.Status.OPEN)), AllowanceProposal.class, "allowance_proposals");
        for (int i = 0; i < open.size(); i += 2) {
            AllowanceProposal proposal = open.get(i);
            String officer = proposal.division().value().startsWith("320404") ? "zl-officer-1" : "jt-officer-1";
            allowances.confirm(proposals.get(proposal.id()), officer);
        }
    }

    /** People in no household: the old, orphans (one in full-time education past 18) and a disabled child. */
    private void individual(int index) {
        String county = index % 3 == 0 ? "320413" : "320404";
        String village = county.equals("320404") ? "320404001" + String.format("%03d", 1 + index % 7)
                : "320413100" + String.format("%03d", 1 + index % 3);
        String officer = county.equals("320404") ? "zl-officer-1" : "jt-officer-1";
        if (index < 18) {
            LocalDate birth = people.birthDay(1922, 14);
            allowances.file(details(county, village, birth, 0, null, null, false, null), AllowanceProgramme.OLD_AGE,
                    officer, true);
        } else if (index < 22) {
            LocalDate birth = people.birthDay(2010, 8);
            allowances.file(details(county, village, birth, 0, null, ChildStatus.ORPHAN, index == 21, "王"),
                    index == 21 ? AllowanceProgramme.ORPHAN_INSTITUTION : AllowanceProgramme.ORPHAN_SCATTERED,
                    officer, true);
        } else {
            LocalDate birth = people.birthDay(2014, 6);
            allowances.file(details(county, village, birth, 3, DisabilityType.PHYSICAL, null, false, "李"),
                    AllowanceProgramme.DISABILITY_CARE, officer, true);
        }
    }

    private PersonDetails details(String county, String village, LocalDate birth, int grade, DisabilityType type,
            ChildStatus child, boolean institution, String guardianFamily) {
        ResidentIdNumber id = people.idNumber(county, birth, random.nextBoolean());
        boolean payee = guardianFamily != null && !institution;
        return new PersonDetails(id, people.name(), DivisionCode.of(village), grade, type, false, child, institution,
                null, null, payee ? guardianFamily + people.givenName() : null, payee ? "祖父母" : null,
                payee ? cn.minzheng.platform.personal.BankAccount.of("62284804025648" + String.format("%05d",
                        random.nextInt(100_000))) : null);
    }

    private void children() {
        DivisionCode village = DivisionCode.of("320404001007");
        for (String username : List.of("child-director-1", "child-director-2")) {
            ChildDirector director = ChildDirector.appoint(username, ProtectedIdNumber.protect(
                    people.idNumber("320404", people.birthDay(1975, 15), false), cipher), people.name(), village,
                    null, LocalDate.of(2025, 1, 1), "zl-officer-1", clock);
            directors.insertIfAbsent(director);
        }
        ChildRecord.Category[] categories = ChildRecord.Category.values();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < 12; i++) {
            ProtectedIdNumber id = ProtectedIdNumber.protect(people.idNumber("320404", people.birthDay(2010, 14),
                    random.nextBoolean()), cipher);
            ChildRecord.Risk risk = ChildRecord.Risk.values()[i % 3];
            ChildRecord record = ChildRecord.open(id, people.name(), id.reveal(cipher).birthDate(), village,
                    categories[i % categories.length], risk, risk == ChildRecord.Risk.HIGH ? "父母均在外务工，祖父母年迈"
                            : "父母一方外出务工", i % 2 == 0 ? "child-director-1" : "child-director-2", "zl-officer-1",
                    Clock.offset(clock, java.time.Duration.ofDays(-200)));
            if (categories[i % categories.length] == ChildRecord.Category.LEFT_BEHIND) {
                record.sign(new ChildRecord.Agreement(people.name(), "祖母", null, today.minusDays(150),
                        today.plusDays(215), today.minusDays(150), "zl-officer-1"), clock);
            }
            if (i % 4 != 3) {
                record.visited(new ChildRecord.Visit(today.minusDays(risk.visitEveryDays() / 2), i % 2 == 0
                        ? "child-director-1" : "child-director-2", "入户走访，生活学习正常"), clock);
            }
            children.insertIfAbsent(record);
        }
    }
}
