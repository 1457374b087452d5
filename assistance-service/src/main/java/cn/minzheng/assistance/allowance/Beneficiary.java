package cn.minzheng.assistance.allowance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import cn.minzheng.assistance.allowance.messaging.AllowanceApproved;
import cn.minzheng.assistance.allowance.messaging.AllowanceChanged;
import cn.minzheng.assistance.allowance.messaging.AllowanceTerminated;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.ProtectedIdNumber;
import cn.minzheng.platform.personal.ProtectedValue;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.text.Text;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One person and their category allowances (collection {@code beneficiaries}, id = the personRef): most recipients
 * are in no assistance household, so the person, not a household, is the aggregate. Holding all of a person's
 * allowances in one document makes "once per programme" and the exclusive groups (就高) single-document rules, and
 * a death or a payroll reaches them by {@code _id}.
 */
@Document("beneficiaries")
public class Beneficiary extends OutboxAggregate {

    @Id
    private final String id;
    private final ProtectedIdNumber idNumber;
    private String name;
    private DivisionCode division;
    private PersonFacts facts;
    private ProtectedValue account;
    private Payee payee;
    private LocalDate diedOn;
    private final List<Allowance> allowances;

    @PersistenceCreator
    Beneficiary(String id, ProtectedIdNumber idNumber, String name, DivisionCode division, PersonFacts facts,
            ProtectedValue account, Payee payee, LocalDate diedOn, List<Allowance> allowances) {
        this.id = id;
        this.idNumber = idNumber;
        this.name = name;
        this.division = division;
        this.facts = facts;
        this.account = account;
        this.payee = payee;
        this.diedOn = diedOn;
        this.allowances = new ArrayList<>(allowances == null ? List.of() : allowances);
    }

    /** A person in a village (12 digits: allowances are paid and visited where the person lives). */
    public static Beneficiary of(ProtectedIdNumber idNumber, String name, DivisionCode division, PersonFacts facts) {
        if (division.level() != DivisionCode.Level.VILLAGE) {
            throw Refusal.invalid("invalid-division-code").as("beneficiary-division").on("divisionCode");
        }
        return new Beneficiary(idNumber.personRef(), idNumber, name, division, facts, null, null, null, List.of());
    }

    /** Newer facts from an officer (a new disability certificate, education evidence); decisions keep theirs. */
    public void update(String newName, DivisionCode newDivision, PersonFacts newFacts, ProtectedValue newAccount,
            Payee newPayee) {
        if (newName != null) {
            name = newName;
        }
        if (newDivision != null && newDivision.level() == DivisionCode.Level.VILLAGE) {
            division = newDivision;
        }
        if (newFacts != null) {
            facts = newFacts;
        }
        if (newAccount != null) {
            account = newAccount;
        }
        if (newPayee != null) {
            payee = newPayee;
        }
    }

    /** The programmes of the person's household as read now (the rules may ask); true when they changed. */
    public boolean householdProgrammes(java.util.Set<String> programmes) {
        if (facts.householdProgrammes().equals(programmes)) {
            return false;
        }
        facts = facts.withHouseholdProgrammes(programmes);
        return true;
    }

    /** A citizen's application: nothing is paid until an officer decides. */
    public Allowance apply(AllowanceProgramme programme, String by, Clock clock) {
        requireAlive();
        requireNoneOpen(programme);
        Allowance applied = new Allowance(nextId(programme), programme, Allowance.Status.APPLIED, null, null,
                List.of(), by, clock.instant(), null, null, null, null, null);
        allowances.add(applied);
        return applied;
    }

    /**
     * The decision to pay, under the judgement given (for the start month): an open application of the programme
     * is decided, otherwise a new allowance is created. 422 when the judgement says no, 409 when the person already
     * has the allowance.
     */
    public Allowance grant(Eligibility judgement, YearMonth start, String by, String proposalId, Clock clock) {
        requireAlive();
        if (!judgement.eligible()) {
            throw refusal(judgement);
        }
        AllowanceProgramme programme = judgement.programme();
        Optional<Allowance> open = current(programme);
        if (open.isPresent() && open.get().status() == Allowance.Status.ACTIVE) {
            throw Refusal.conflict("already-in-allowance", Refusal.term("allowance." + programme), open.get().id());
        }
        Instant now = clock.instant();
        List<Allowance.Period> periods = List.of(new Allowance.Period(start, judgement.amount(),
                judgement.ruleVersion(), judgement.criterionId(), judgement.band(),
                Text.of("allowance.reason.approved")));
        Allowance granted = open.map(a -> a.decided(Allowance.Status.ACTIVE, start, YearMonth.now(clock), periods, by,
                now, proposalId, null)).orElseGet(() -> new Allowance(nextId(programme), programme,
                        Allowance.Status.ACTIVE, start, YearMonth.now(clock), periods, by, now, by, now, proposalId,
                        null, null));
        replaceOrAdd(granted);
        register(new AllowanceApproved(granted.id(), id, programme.name(), division.value(), start.toString(),
                judgement.amount().toString(), judgement.ruleVersion(), judgement.criterionId(), judgement.band()),
                clock);
        return granted;
    }

    /** An application refused by an officer, with the reason. */
    public Allowance refuse(String allowanceId, String reason, String by, Clock clock) {
        Allowance applied = allowance(allowanceId);
        if (applied.status() != Allowance.Status.APPLIED) {
            throw Refusal.conflict("wrong-status", Refusal.term("allowance.status." + applied.status()),
                    Refusal.term("allowance.status.APPLIED")).as("wrong-status.allowance");
        }
        Allowance refused = applied.decided(Allowance.Status.REFUSED, null, YearMonth.now(clock), List.of(), by,
                clock.instant(), null, reason);
        replaceOrAdd(refused);
        return refused;
    }

    /**
     * Recomputes the active allowances month by month from {@code from} to {@code until} under the rules in force
     * for each month: a new period where the amount, band or version changes (allowance.changed), and the end of a
     * children's allowance at 18 (allowance.terminated, paid through the month before). A rule that no longer
     * matches does not end an allowance by itself: that is an officer's decision. True when anything changed.
     */
    public boolean reassess(YearMonth from, YearMonth until, Function<YearMonth, Optional<RuleVersion>> rulesFor,
            String county, Clock clock) {
        boolean changed = false;
        for (Allowance allowance : List.copyOf(allowances)) {
            if (allowance.status() == Allowance.Status.ACTIVE) {
                changed |= reassess(allowance, from, until, rulesFor, county, clock);
            }
        }
        return changed;
    }

    private boolean reassess(Allowance allowance, YearMonth from, YearMonth until,
            Function<YearMonth, Optional<RuleVersion>> rulesFor, String county, Clock clock) {
        YearMonth first = from.isBefore(allowance.startMonth()) ? allowance.startMonth() : from;
        // Periods before the first month reassessed stay; the start period stays unless it is itself recomputed.
        List<Allowance.Period> periods = new ArrayList<>(allowance.periods().stream()
                .filter(p -> p.fromMonth().isBefore(first) || p.fromMonth().equals(allowance.startMonth()))
                .toList());
        Allowance.Period current = periods.getLast();
        for (YearMonth month = first; !month.isAfter(until); month = month.plusMonths(1)) {
            Optional<RuleVersion> rules = rulesFor.apply(month);
            if (rules.isEmpty()) {
                continue;
            }
            Eligibility judged = rules.get().judge(county, allowance.programme(), facts, month);
            if ("child-age-limit".equals(judged.refusal())) {
                changePeriods(allowance, periods, clock);
                return endAt(allowance(allowance.id()), month.minusMonths(1), "AGE_LIMIT", "system", clock);
            }
            Allowance.Period candidate = judged.eligible() ? new Allowance.Period(month, judged.amount(),
                    judged.ruleVersion(), judged.criterionId(), judged.band(), reasonFor(current, judged)) : null;
            if (candidate != null && !candidate.sameTerms(current)) {
                YearMonth at = month;
                periods.removeIf(p -> p.fromMonth().equals(at));
                periods.add(candidate);
                current = candidate;
            }
        }
        return changePeriods(allowance, periods, clock);
    }

    /** Stores the recomputed periods, announcing each one that is new; false when nothing differs. */
    private boolean changePeriods(Allowance allowance, List<Allowance.Period> periods, Clock clock) {
        periods.sort(Comparator.comparing(Allowance.Period::fromMonth));
        if (samePeriods(periods, allowance.periods())) {
            return false;
        }
        replaceOrAdd(allowance.with(allowance.status(), periods, allowance.termination()));
        for (Allowance.Period period : periods) {
            boolean known = allowance.periods().stream().anyMatch(p -> p.fromMonth().equals(period.fromMonth())
                    && p.sameTerms(period));
            if (!known) {
                register(new AllowanceChanged(allowance.id(), id, allowance.programme().name(), division.value(),
                        period.fromMonth().toString(), period.amount().toString(), period.ruleVersion(),
                        period.band(), period.reason().asCode()), clock);
            }
        }
        return true;
    }

    private static Text reasonFor(Allowance.Period current, Eligibility judged) {
        if (current != null && judged.band() != null && !judged.band().equals(current.band())) {
            return Text.of("allowance.reason.age-band", judged.band());
        }
        return Text.of("allowance.reason.rule-version", judged.ruleVersion());
    }

    private static boolean samePeriods(List<Allowance.Period> a, List<Allowance.Period> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).fromMonth().equals(b.get(i).fromMonth()) || !a.get(i).sameTerms(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** An officer ends an allowance: paid through the current month. */
    public Allowance terminate(String allowanceId, String reason, String by, Clock clock) {
        Allowance allowance = allowance(allowanceId);
        if (allowance.status() != Allowance.Status.ACTIVE) {
            throw Refusal.conflict("not-active", Refusal.term("allowance.status." + allowance.status()))
                    .as("not-active.allowance");
        }
        endAt(allowance, YearMonth.now(clock), reason, by, clock);
        return allowance(allowanceId);
    }

    /**
     * A death recorded by the funeral service: every active allowance is paid through the month of death; an open
     * application is closed. Repeating it changes nothing.
     */
    public boolean died(LocalDate dateOfDeath, Clock clock) {
        if (diedOn != null) {
            return false;
        }
        diedOn = dateOfDeath;
        for (Allowance allowance : List.copyOf(allowances)) {
            if (allowance.status() == Allowance.Status.ACTIVE) {
                endAt(allowance, YearMonth.from(dateOfDeath), "DECEASED", "system", clock);
            } else if (allowance.status() == Allowance.Status.APPLIED) {
                replaceOrAdd(allowance.decided(Allowance.Status.REFUSED, null, YearMonth.now(clock), List.of(),
                        "system", clock.instant(), null, "DECEASED"));
            }
        }
        return true;
    }

    /**
     * The death was retracted: the person is alive here again, and each allowance the death ended is active again
     * (its ids returned; the months no payroll paid meanwhile are for an officer to pay as arrears).
     */
    public List<String> deathRetracted() {
        if (diedOn == null) {
            return List.of();
        }
        diedOn = null;
        List<String> reinstated = new ArrayList<>();
        for (Allowance allowance : List.copyOf(allowances)) {
            if (allowance.status() == Allowance.Status.TERMINATED && allowance.termination() != null
                    && "DECEASED".equals(allowance.termination().reason())) {
                replaceOrAdd(allowance.with(Allowance.Status.ACTIVE, allowance.periods(), null));
                reinstated.add(allowance.id());
            }
        }
        return reinstated;
    }

    private boolean endAt(Allowance allowance, YearMonth lastMonth, String reason, String by, Clock clock) {
        YearMonth last = lastMonth.isBefore(allowance.startMonth().minusMonths(1))
                ? allowance.startMonth().minusMonths(1) : lastMonth;
        replaceOrAdd(allowance.with(Allowance.Status.TERMINATED, allowance.periods(),
                new Allowance.Termination(reason, by, clock.instant(), last)));
        register(new AllowanceTerminated(allowance.id(), id, allowance.programme().name(), division.value(),
                last.toString(), reason), clock);
        return true;
    }

    /**
     * The lines a payroll of {@code payrollMonth} pays this person: that month, and the months from an allowance's
     * start up to its decision that no earlier payroll could have paid (补发). In each month, of the allowances in
     * one exclusive group of the rules in force, only the highest is paid (就高; on a tie, the one granted first).
     */
    public List<Due> dueFor(YearMonth payrollMonth, Function<YearMonth, Optional<RuleVersion>> rulesFor) {
        List<Due> due = new ArrayList<>();
        for (Allowance allowance : allowances) {
            for (YearMonth month : monthsToPay(allowance, payrollMonth)) {
                allowance.amountFor(month).filter(Money::isPositive).ifPresent(amount -> due.add(
                        new Due(allowance.id(), allowance.programme(), month, amount, month.isBefore(payrollMonth))));
            }
        }
        due.removeIf(line -> winnerOver(line, due, rulesFor.apply(line.month())).isPresent());
        return due;
    }

    /** The allowance that wins over this one in an exclusive group in the month, if any. */
    public Optional<String> suppressedBy(String allowanceId, YearMonth month, Optional<RuleVersion> rules) {
        List<Due> dues = new ArrayList<>();
        for (Allowance a : allowances) {
            a.amountFor(month).ifPresent(amount -> dues.add(new Due(a.id(), a.programme(), month, amount, false)));
        }
        return dues.stream().filter(d -> d.allowanceId().equals(allowanceId)).findFirst()
                .flatMap(mine -> winnerOver(mine, dues, rules));
    }

    private Optional<String> winnerOver(Due line, List<Due> all, Optional<RuleVersion> rules) {
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        var rivals = rules.get().exclusiveWith(line.programme());
        return all.stream().filter(other -> other.month().equals(line.month()) && rivals.contains(other.programme()))
                .filter(other -> other.amount().compareTo(line.amount()) > 0 || other.amount().equals(line.amount())
                        && indexOf(other.allowanceId()) < indexOf(line.allowanceId()))
                .map(Due::allowanceId).findFirst();
    }

    private int indexOf(String allowanceId) {
        for (int i = 0; i < allowances.size(); i++) {
            if (allowances.get(i).id().equals(allowanceId)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static List<YearMonth> monthsToPay(Allowance allowance, YearMonth payrollMonth) {
        if (allowance.startMonth() == null || allowance.startMonth().isAfter(payrollMonth)) {
            return List.of();
        }
        List<YearMonth> months = new ArrayList<>();
        YearMonth arrearsUntil = allowance.decidedMonth();
        for (YearMonth m = allowance.startMonth(); arrearsUntil != null && !m.isAfter(arrearsUntil)
                && m.isBefore(payrollMonth); m = m.plusMonths(1)) {
            months.add(m);
        }
        months.add(payrollMonth);
        return months;
    }

    /** One payable month of one allowance; {@code arrears} when it is for a month before the payroll's. */
    public record Due(String allowanceId, AllowanceProgramme programme, YearMonth month, Money amount,
            boolean arrears) {
    }

    private void requireAlive() {
        if (diedOn != null) {
            throw Refusal.conflict("person-deceased");
        }
    }

    private void requireNoneOpen(AllowanceProgramme programme) {
        current(programme).ifPresent(open -> {
            throw Refusal.conflict("already-in-allowance", Refusal.term("allowance." + programme), open.id());
        });
    }

    private Optional<Allowance> current(AllowanceProgramme programme) {
        return allowances.stream().filter(a -> a.programme() == programme && a.isOpen()).findFirst();
    }

    private String nextId(AllowanceProgramme programme) {
        long earlier = allowances.stream().filter(a -> a.programme() == programme).count();
        return id + "-" + programme.name() + "-" + (earlier + 1);
    }

    private void replaceOrAdd(Allowance allowance) {
        for (int i = 0; i < allowances.size(); i++) {
            if (allowances.get(i).id().equals(allowance.id())) {
                allowances.set(i, allowance);
                return;
            }
        }
        allowances.add(allowance);
    }

    static Refusal refusal(Eligibility judgement) {
        String kind = judgement.refusal() == null ? "not-eligible" : judgement.refusal();
        return Refusal.rule(kind, Refusal.term("allowance." + judgement.programme()), judgement.county(),
                judgement.ruleVersion(), judgement.month().toString());
    }

    /** The personRef of an allowance id ({@code <personRef>-<PROGRAMME>-<n>}). */
    public static String personRefOf(String allowanceId) {
        int dash = allowanceId.indexOf('-');
        return dash < 0 ? allowanceId : allowanceId.substring(0, dash);
    }

    public Allowance allowance(String allowanceId) {
        return allowances.stream().filter(a -> a.id().equals(allowanceId)).findFirst()
                .orElseThrow(() -> Refusal.notFound("not-found", Refusal.term("allowance"), allowanceId)
                        .as("not-found.id"));
    }

    public Optional<Allowance> byProposal(String proposalId) {
        return allowances.stream().filter(a -> proposalId.equals(a.proposalId())).findFirst();
    }

    /** An open (applied or active) allowance of the programme. */
    public boolean hasOpen(AllowanceProgramme programme) {
        return current(programme).isPresent();
    }

    @Override
    public String id() {
        return id;
    }

    public String personRef() {
        return id;
    }

    public ProtectedIdNumber idNumber() {
        return idNumber;
    }

    public String name() {
        return name;
    }

    public DivisionCode division() {
        return division;
    }

    public PersonFacts facts() {
        return facts;
    }

    public ProtectedValue account() {
        return account;
    }

    public Payee payee() {
        return payee;
    }

    public LocalDate diedOn() {
        return diedOn;
    }

    public List<Allowance> allowances() {
        return List.copyOf(allowances);
    }
}
