package cn.minzheng.assistance.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.assistance.application.messaging.HouseholdReviewed;
import cn.minzheng.assistance.application.messaging.PublicNoticeExtended;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.assistance.benefit.MeansTest;
import cn.minzheng.assistance.enrolment.messaging.AssistanceApproved;
import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.personal.Masking;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An application for assistance and its path (申请 -> 审核 -> 公示 -> 审批): submitted with a means test, reviewed by
 * the township (household.reviewed, with a frozen snapshot of the household as reviewed), on public notice for 7
 * days with objections recorded and resolved, then approved or rejected by the county by someone other than the
 * reviewer. Every decision keeps who, when and why.
 */
@Document("applications")
public class Application extends OutboxAggregate {


    public enum Status {
        SUBMITTED, PUBLIC_NOTICE, REJECTED, APPROVED
    }

    public enum Decision {
        PASS, REJECT, APPROVE
    }

    @Id
    private final String id;
    private final String householdId;
    private final DivisionCode division;
    private final Programme programme;
    private final String reason;
    private final Money requestedAmount;
    private final List<String> memberRefs;
    private final Submission submission;
    private Status status;
    private MeansTest meansTest;
    private Step review;
    private PublicNotice notice;
    private List<NoticeChange> noticeChanges;
    private final List<Objection> objections;
    private Step approval;
    private String enrolmentId;
    private String paymentId;
    private boolean paidBeforeApproval;

    @PersistenceCreator
    Application(String id, String householdId, DivisionCode division, Programme programme, String reason,
            Money requestedAmount, List<String> memberRefs, Submission submission, Status status, MeansTest meansTest,
            Step review, PublicNotice notice, List<Objection> objections, Step approval, String enrolmentId,
            String paymentId, boolean paidBeforeApproval, List<NoticeChange> noticeChanges) {
        this.id = id;
        this.householdId = householdId;
        this.division = division;
        this.programme = programme;
        this.reason = reason;
        this.requestedAmount = requestedAmount;
        this.memberRefs = List.copyOf(memberRefs);
        this.submission = submission;
        this.status = status;
        this.meansTest = meansTest;
        this.review = review;
        this.notice = notice;
        this.objections = objections == null ? new ArrayList<>() : new ArrayList<>(objections);
        this.approval = approval;
        this.enrolmentId = enrolmentId;
        this.paymentId = paymentId;
        this.paidBeforeApproval = paidBeforeApproval;
        this.noticeChanges = noticeChanges == null ? new ArrayList<>() : new ArrayList<>(noticeChanges);
    }

    /**
     * The id of a submission: derived from the caller and their {@code Idempotency-Key} where one was sent, so a
     * retry after a crash finds the application its first attempt stored; random otherwise.
     */
    static String idFor(String by, String requestKey) {
        return "app-" + (requestKey == null ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes(("application:" + by + ":" + requestKey).getBytes(StandardCharsets.UTF_8)));
    }

    static Application submit(String id, String householdId, DivisionCode division, Programme programme, String reason,
            Money requestedAmount, List<String> memberRefs, MeansTest meansTest, String by, String channel,
            Clock clock) {
        if (programme == Programme.TEMPORARY && (requestedAmount == null || !requestedAmount.isPositive())) {
            throw Refusal.invalid("amount-required").on("requestedAmount");
        }
        return new Application(id, householdId, division, programme, reason,
                requestedAmount, memberRefs, new Submission(by, channel, clock.instant()), Status.SUBMITTED,
                meansTest, null, null, List.of(), null, null, null, false, List.of());
    }

    /**
     * 小额先行: the township pays a small temporary amount before the review (recorded, still approved after). The
     * payment's id is derived from the application's, and the application is stored before the payment is made.
     */
    void paidBeforeApproval(String paymentId) {
        this.paymentId = paymentId;
        this.paidBeforeApproval = true;
    }

    /**
     * The township's review. PASS needs a means test that passes now and opens 7 days of public notice; REJECT
     * needs a written reason. Either way the reviewed household is frozen in a snapshot named by the event.
     */
    void review(Decision decision, String opinion, MeansTest current, String snapshotId, Money expectedAmount,
            String headName, String headIdNumber, String by, LocalDate noticeEnds, Clock clock) {
        requireOpinionForRejection(decision, opinion);
        requireStatus(Status.SUBMITTED, "reviewed");
        if (decision == Decision.APPROVE) {
            throw Refusal.invalid("invalid-decision").as("invalid-decision.review").on("decision");
        }
        if (decision == Decision.PASS && !current.passed()) {
            throw current.incomeTestPassed() ? Refusal.rule("means-test-failed").as("means-test-failed.assets")
                    : Refusal.rule("means-test-failed", current.perCapitaIncome(), current.standard())
                            .as("means-test-failed.income");
        }
        meansTest = current;
        review = new Step(decision, opinion, by, clock.instant(), snapshotId);
        if (decision == Decision.PASS) {
            status = Status.PUBLIC_NOTICE;
            notice = new PublicNotice(LocalDate.now(clock), noticeEnds, Masking.name(headName), headIdNumber,
                    expectedAmount);
        } else {
            status = Status.REJECTED;
        }
        register(new HouseholdReviewed(id, householdId, programme.name(), division.value(), memberRefs, decision.name(),
                snapshotId, by), clock);
    }

    Objection object(String text, String by, Clock clock) {
        requireStatus(Status.PUBLIC_NOTICE, "objected to");
        if (LocalDate.now(clock).isAfter(notice.until())) {
            throw Refusal.conflict("notice-closed", notice.until());
        }
        Objection objection = new Objection("obj-" + UUID.randomUUID(), text, by, clock.instant(), null, null, null,
                null);
        objections.add(objection);
        return objection;
    }

    void resolveObjection(String objectionId, String outcome, String note, String by, Clock clock) {
        requireStatus(Status.PUBLIC_NOTICE, "changed");
        int index = -1;
        for (int i = 0; i < objections.size(); i++) {
            if (objections.get(i).id().equals(objectionId)) {
                index = i;
            }
        }
        if (index < 0) {
            throw Refusal.notFound("not-found", Refusal.term("objection"), objectionId).as("not-found.id");
        }
        Objection objection = objections.get(index);
        if (objection.outcome() != null) {
            throw Refusal.conflict("objection-resolved", objection.outcome());
        }
        objections.set(index, objection.resolved(outcome, note, by, clock.instant()));
    }

    /**
     * The county's decision, by someone other than the reviewer (four-eyes, refused here). Approval
     * waits for the notice to end and for every objection to be resolved; a rejection may come at any time.
     */
    void decide(Decision decision, String opinion, String by, Clock clock) {
        requireFourEyes(review == null ? null : review.by(), by);
        requireOpinionForRejection(decision, opinion);
        requireStatus(Status.PUBLIC_NOTICE, "decided");
        if (decision == Decision.PASS) {
            throw Refusal.invalid("invalid-decision").as("invalid-decision.approval").on("decision");
        }
        if (decision == Decision.APPROVE) {
            if (!noticeEnded(clock)) {
                throw Refusal.conflict("notice-running", notice.from(), notice.until(),
                        notice.until().plusDays(1));
            }
            long open = openObjections();
            if (open > 0) {
                throw Refusal.conflict("open-objections", open);
            }
        }
        approval = new Step(decision, opinion, by, clock.instant(), null);
        status = decision == Decision.APPROVE ? Status.APPROVED : Status.REJECTED;
    }

    /** What a person may do on an application; {@link #actions} says which of these they may do now. */
    public enum Action { REVIEW, RESOLVE_OBJECTION, APPROVE, REJECT }

    /**
     * The acts {@code by} may take now (the affordances a read answers, so a workbench shows those buttons and no
     * others), by the same checks the acts themselves make. Roles are the web layer's: {@code reviewer} and
     * {@code approver} say whether the caller holds the role an act's endpoint requires.
     */
    public java.util.Set<Action> actions(String by, boolean reviewer, boolean approver, Clock clock) {
        java.util.Set<Action> actions = java.util.EnumSet.noneOf(Action.class);
        if (reviewer && status == Status.SUBMITTED) {
            actions.add(Action.REVIEW);
        }
        if (status != Status.PUBLIC_NOTICE) {
            return actions;
        }
        if ((reviewer || approver) && openObjections() > 0) {
            actions.add(Action.RESOLVE_OBJECTION);
        }
        if (approver && !isFirstPerson(review == null ? null : review.by(), by)) {
            actions.add(Action.REJECT);
            if (noticeEnded(clock) && openObjections() == 0) {
                actions.add(Action.APPROVE);
            }
        }
        return actions;
    }

    private boolean noticeEnded(Clock clock) {
        return LocalDate.now(clock).isAfter(notice.until());
    }

    private long openObjections() {
        return objections.stream().filter(o -> o.outcome() == null).count();
    }

    /**
     * Whether an approval's effects are on the application: the enrolment of a monthly programme, the payment of
     * temporary assistance (set at submission when the township paid first).
     */
    public boolean effectsRecorded() {
        return enrolmentId != null || paymentId != null;
    }

    void enrolled(String enrolmentId) {
        this.enrolmentId = enrolmentId;
    }

    void paid(String paymentId, Money amount, Clock clock) {
        this.paymentId = paymentId;
        register(AssistanceApproved.temporary(id, householdId, division.value(), memberRefs, paymentId, amount.toString()),
                clock);
    }

    /** 双人复核: whoever reviewed an application or proposed an ending never decides it too. */
    private static void requireFourEyes(String firstPerson, String decider) {
        if (isFirstPerson(firstPerson, decider)) {
            throw Refusal.forbidden("four-eyes");
        }
    }

    private static boolean isFirstPerson(String firstPerson, String decider) {
        return decider.equals(firstPerson);
    }

    /** A refusal of assistance must say why: the household is told the reason and may object to it. */
    private static void requireOpinionForRejection(Decision decision, String opinion) {
        if (decision == Decision.REJECT && (opinion == null || opinion.isBlank())) {
            throw Refusal.invalid("invalid-request").as("opinion-required").on("opinion");
        }
    }

    private void requireStatus(Status expected, String action) {
        if (status != expected) {
            throw Refusal.conflict("wrong-status", Refusal.term("application." + status),
                    Refusal.term("application." + expected)).as("wrong-status.application");
        }
    }


    public String id() {
        return id;
    }

    public String householdId() {
        return householdId;
    }

    public DivisionCode division() {
        return division;
    }

    public Programme programme() {
        return programme;
    }

    public String reason() {
        return reason;
    }

    public Money requestedAmount() {
        return requestedAmount;
    }

    public List<String> memberRefs() {
        return memberRefs;
    }

    public Submission submission() {
        return submission;
    }

    /** Submitted or on public notice: not decided yet. */
    public boolean isOpen() {
        return status == Status.SUBMITTED || status == Status.PUBLIC_NOTICE;
    }

    public Status status() {
        return status;
    }

    public MeansTest meansTest() {
        return meansTest;
    }

    public Step review() {
        return review;
    }

    public PublicNotice notice() {
        return notice;
    }

    public List<Objection> objections() {
        return List.copyOf(objections);
    }

    public Step approval() {
        return approval;
    }

    public String enrolmentId() {
        return enrolmentId;
    }

    public String paymentId() {
        return paymentId;
    }

    public boolean isPaidBeforeApproval() {
        return paidBeforeApproval;
    }

    public record Submission(String by, String channel, Instant at) {
    }

    /** A review or approval: the decision, the written opinion, who and when (and the snapshot reviewed). */
    public record Step(Decision decision, String opinion, String by, Instant at, String snapshotId) {
    }

    /** 公示: what the public sees, already masked. */
    public record PublicNotice(LocalDate from, LocalDate until, String maskedName, String maskedIdNumber,
            Money expectedAmount) {

        PublicNotice until(LocalDate newUntil) {
            return new PublicNotice(from, newUntil, maskedName, maskedIdNumber, expectedAmount);
        }
    }

    /**
     * The notice's end recalculated after it was set: moved later ({@code to} after {@code from}), or kept because
     * the new calculation ({@code calculated}) would have shortened a notice already published.
     */
    public record NoticeChange(Instant at, LocalDate from, LocalDate to, LocalDate calculated, String reason) {
    }

    /**
     * The notice period on the calendar as it is now (a schedule was loaded or corrected). Its end only moves
     * later; a shorter result leaves the published end and says so once. A notice already over is left alone.
     *
     * @return true when the document changed (the end moved, with an event, or a kept end was noted)
     */
    boolean recalculateNotice(LegalCalendar calendar, int days, String reason, Clock clock) {
        if (status != Status.PUBLIC_NOTICE || LocalDate.now(clock).isAfter(notice.until())) {
            return false;
        }
        LocalDate published = notice.until();
        LocalDate calculated = calendar.periodOfDays(notice.from(), days).date();
        if (calculated.isAfter(published)) {
            notice = notice.until(calculated);
            noticeChanges.add(new NoticeChange(clock.instant(), published, calculated, calculated, reason));
            register(new PublicNoticeExtended(id, householdId, division.value(), notice.from(), calculated, published,
                    reason), clock);
            return true;
        }
        boolean notedBefore = noticeChanges.stream().anyMatch(c -> c.from().equals(published)
                && c.to().equals(published) && c.calculated().equals(calculated));
        if (calculated.isBefore(published) && !notedBefore) {
            noticeChanges.add(new NoticeChange(clock.instant(), published, published, calculated, reason));
            return true;
        }
        return false;
    }

    public List<NoticeChange> noticeChanges() {
        return List.copyOf(noticeChanges);
    }

    public record Objection(String id, String text, String by, Instant at, String outcome, String note,
            String resolvedBy, Instant resolvedAt) {

        Objection resolved(String outcome, String note, String by, Instant at) {
            return new Objection(id, text, this.by, this.at, outcome, note, by, at);
        }
    }
}
