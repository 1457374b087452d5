package cn.minzheng.assistance.enrolment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.assistance.benefit.Benefit;
import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.assistance.enrolment.messaging.AssistanceApproved;
import cn.minzheng.assistance.enrolment.messaging.AssistanceChanged;
import cn.minzheng.assistance.enrolment.messaging.AssistanceTerminated;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.text.Text;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A household's enrolment in a monthly programme: the amount in force for each month (a new period from the month
 * a change or a new standard takes effect, never an edit of the past), the periodic review due date, gradual exit
 * and termination. Payroll asks it what is due for a month; nothing else decides that.
 */
@Document("enrolments")
public class Enrolment extends OutboxAggregate {


    public enum Status {
        ACTIVE, GRADUAL_EXIT, TERMINATION_PROPOSED, TERMINATED
    }

    @Id
    private final String id;
    private final String householdId;
    private final String applicationId;
    private final DivisionCode division;
    private final Programme programme;
    private Status status;
    private final YearMonth startMonth;
    private final List<AmountPeriod> amounts;
    private List<String> memberRefs;
    private LocalDate nextReviewDue;
    private final String approvedBy;
    private final Instant approvedAt;
    private Termination termination;

    @PersistenceCreator
    Enrolment(String id, String householdId, String applicationId, DivisionCode division, Programme programme,
            Status status, YearMonth startMonth, List<AmountPeriod> amounts, List<String> memberRefs,
            LocalDate nextReviewDue, String approvedBy, Instant approvedAt, Termination termination) {
        this.id = id;
        this.householdId = householdId;
        this.applicationId = applicationId;
        this.division = division;
        this.programme = programme;
        this.status = status;
        this.startMonth = startMonth;
        this.amounts = new ArrayList<>(amounts);
        this.memberRefs = List.copyOf(memberRefs);
        this.nextReviewDue = nextReviewDue;
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
        this.termination = termination;
    }

    /** Payments start the month after approval (DOMAIN.md §1, step 6). */
    static Enrolment approve(String id, String householdId, String applicationId, DivisionCode division,
            Programme programme, Benefit benefit, String standardId, List<String> memberRefs, LocalDate reviewDue,
            String approvedBy, Clock clock) {
        YearMonth start = YearMonth.now(clock).plusMonths(1);
        Enrolment enrolment = new Enrolment(id, householdId, applicationId, division, programme, Status.ACTIVE,
                start, List.of(new AmountPeriod(start, benefit, standardId, Text.of("enrolment.reason.approved"))), memberRefs, reviewDue,
                approvedBy, clock.instant(), null);
        enrolment.register(AssistanceApproved.enrolment(id, householdId, programme.name(), division.value(),
                Status.ACTIVE.name(), memberRefs, start.toString(), benefit.monthlyAmount().toString()), clock);
        return enrolment;
    }

    /** The amount due for a month, if any: nothing before the start or after the last paid month. */
    public Optional<Money> amountFor(YearMonth month) {
        boolean ended = termination != null && termination.lastMonth() != null
                && month.isAfter(termination.lastMonth());
        if (month.isBefore(startMonth) || ended) {
            return Optional.empty();
        }
        return periodFor(month).map(period -> period.benefit().monthlyAmount()).filter(Money::isPositive);
    }

    public Optional<AmountPeriod> periodFor(YearMonth month) {
        return amounts.stream().filter(p -> !p.fromMonth().isAfter(month))
                .max(Comparator.comparing(AmountPeriod::fromMonth));
    }

    /**
     * A new amount from a month on (a change of circumstances or a new standard); a later recalculation for the
     * same month replaces the earlier one. Nothing changes (and no event) when the amount is the same.
     */
    boolean recalculate(YearMonth from, Benefit benefit, String standardId, Text reason, List<String> members,
            Clock clock) {
        if (status == Status.TERMINATED) {
            return false;
        }
        YearMonth effective = from.isBefore(startMonth) ? startMonth : from;
        Optional<AmountPeriod> current = periodFor(effective);
        boolean same = current.isPresent() && current.get().benefit().equals(benefit)
                && memberRefs.equals(members);
        if (same) {
            return false;
        }
        amounts.removeIf(p -> !p.fromMonth().isBefore(effective));
        amounts.add(new AmountPeriod(effective, benefit, standardId, reason));
        memberRefs = List.copyOf(members);
        register(new AssistanceChanged(id, householdId, programme.name(), division.value(), status.name(), memberRefs,
                effective.toString(), benefit.monthlyAmount().toString(), reason.asCode(), null), clock);
        return true;
    }

    /** 渐退: income from work lifted the household above the standard; payments go on for some months, then stop. */
    boolean startGradualExit(YearMonth from, int months, Clock clock) {
        if (status != Status.ACTIVE) {
            return false;
        }
        YearMonth last = from.plusMonths(months - 1L);
        status = Status.GRADUAL_EXIT;
        termination = new Termination("GRADUAL_EXIT", "system", clock.instant(), "system", clock.instant(), last);
        register(new AssistanceChanged(id, householdId, programme.name(), division.value(), status.name(), memberRefs,
                from.toString(), null, "GRADUAL_EXIT", last.toString()), clock);
        return true;
    }

    /** What a person may do on an enrolment; {@link #actions} says which of these they may do now. */
    public enum Action { PROPOSE_TERMINATION, DECIDE_TERMINATION, RECORD_REVIEW }

    /**
     * The acts {@code by} may take now, by the checks the acts make (the affordances a read answers). Roles are the
     * web layer's: {@code officer} and {@code approver} say whether the caller holds the role an act requires.
     */
    public java.util.Set<Action> actions(String by, boolean officer, boolean approver) {
        java.util.Set<Action> actions = java.util.EnumSet.noneOf(Action.class);
        if (officer && isRunning()) {
            actions.add(Action.PROPOSE_TERMINATION);
            actions.add(Action.RECORD_REVIEW);
        }
        if (approver && status == Status.TERMINATION_PROPOSED && !isProposer(by)) {
            actions.add(Action.DECIDE_TERMINATION);
        }
        return actions;
    }

    private boolean isRunning() {
        return status == Status.ACTIVE || status == Status.GRADUAL_EXIT;
    }

    private boolean isProposer(String person) {
        return termination != null && person.equals(termination.proposedBy());
    }

    /** 双人复核: the county approver who decides a proposed ending is never the officer who proposed it. */
    private void requireFourEyes(String decider) {
        if (isProposer(decider)) {
            throw Refusal.forbidden("four-eyes");
        }
    }

    void proposeTermination(String reason, String by, Clock clock) {
        if (!isRunning()) {
            throw Refusal.conflict("not-active", Refusal.term("enrolment." + status));
        }
        status = Status.TERMINATION_PROPOSED;
        termination = new Termination(reason, by, clock.instant(), null, null, null);
    }

    /** The county confirms the township's proposal; payments stop after the current month. */
    void confirmTermination(String by, Clock clock) {
        requireFourEyes(by);
        if (status != Status.TERMINATION_PROPOSED) {
            throw Refusal.conflict("no-termination-proposed", Refusal.term("enrolment." + status));
        }
        terminate(termination.reason(), termination.proposedBy(), by, YearMonth.now(clock), clock);
    }

    void rejectTermination(String by) {
        requireFourEyes(by);
        if (status != Status.TERMINATION_PROPOSED) {
            throw Refusal.conflict("no-termination-proposed", Refusal.term("enrolment." + status));
        }
        status = Status.ACTIVE;
        termination = null;
    }

    /** Ends the enrolment at once (no member left, end of gradual exit); repeating it is a no-op. */
    boolean terminate(String reason, String proposedBy, String confirmedBy, YearMonth lastMonth, Clock clock) {
        if (status == Status.TERMINATED) {
            return false;
        }
        status = Status.TERMINATED;
        Instant now = clock.instant();
        termination = new Termination(reason, proposedBy, termination != null ? termination.proposedAt() : now,
                confirmedBy, now, lastMonth);
        register(new AssistanceTerminated(id, householdId, programme.name(), division.value(), status.name(), memberRefs,
                reason, lastMonth.toString()), clock);
        return true;
    }

    void reviewed(LocalDate nextDue) {
        nextReviewDue = nextDue;
    }


    public String id() {
        return id;
    }

    public String householdId() {
        return householdId;
    }

    public String applicationId() {
        return applicationId;
    }

    public DivisionCode division() {
        return division;
    }

    public Programme programme() {
        return programme;
    }

    public Status status() {
        return status;
    }

    public YearMonth startMonth() {
        return startMonth;
    }

    public List<AmountPeriod> amounts() {
        return List.copyOf(amounts);
    }

    public List<String> memberRefs() {
        return memberRefs;
    }

    public LocalDate nextReviewDue() {
        return nextReviewDue;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public Termination termination() {
        return termination;
    }

    /** The benefit in force from a month on, with the standard it used and why it was (re)calculated. */
    public record AmountPeriod(YearMonth fromMonth, Benefit benefit, String standardId, Text reason) {
    }

    /** Who proposed and who confirmed the end, why, and the last month paid. */
    public record Termination(String reason, String proposedBy, Instant proposedAt, String confirmedBy,
            Instant confirmedAt, YearMonth lastMonth) {
    }
}
