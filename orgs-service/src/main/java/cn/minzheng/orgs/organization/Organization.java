package cn.minzheng.orgs.organization;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.minzheng.orgs.organization.messaging.OrgChanged;
import cn.minzheng.orgs.organization.messaging.OrgInspected;
import cn.minzheng.orgs.organization.messaging.OrgRegistered;
import cn.minzheng.orgs.organization.messaging.OrgListedAbnormal;
import cn.minzheng.orgs.organization.messaging.OrgRevoked;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * A registered social organisation. Its id is derived from its credit code ({@code org-<code>}), so one code can
 * be registered once, whoever tries at the same time. It holds its own rules: the code must be a civil-affairs
 * code (registering authority 5) of the category its type requires, a sponsor unit is named unless the
 * organisation registered directly, and every change of status has a reason, a legal basis and an actor, and is
 * kept.
 */
public class Organization extends OutboxAggregate {

    @Id
    private final String id;
    /** What the registration recorded, as amended since; flat in the document. */
    @Unwrapped.Empty
    private Profile profile;
    private OrgStatus status;
    private final List<StatusChange> history;
    private final List<Evaluation> evaluations;
    private final List<AnnualReport> reports;
    private final List<Amendment> amendments;
    private LocalDate charityRecognizedOn;
    private final List<MajorMatter> majorMatters;
    private Deregistration deregistration;
    private RevocationProposal revocationProposal;

    @PersistenceCreator
    Organization(String id, Profile profile, OrgStatus status, List<StatusChange> history,
            List<Evaluation> evaluations, List<AnnualReport> reports, List<Amendment> amendments,
            LocalDate charityRecognizedOn, List<MajorMatter> majorMatters, Deregistration deregistration,
            RevocationProposal revocationProposal, long version) {
        this.id = id;
        this.profile = profile;
        this.status = status;
        this.history = new ArrayList<>(history == null ? List.of() : history);
        this.evaluations = new ArrayList<>(evaluations == null ? List.of() : evaluations);
        this.reports = new ArrayList<>(reports == null ? List.of() : reports);
        this.amendments = new ArrayList<>(amendments == null ? List.of() : amendments);
        this.charityRecognizedOn = charityRecognizedOn;
        this.majorMatters = new ArrayList<>(majorMatters == null ? List.of() : majorMatters);
        this.deregistration = deregistration;
        this.revocationProposal = revocationProposal;
        this.version = version;
    }

    /**
     * When this record was last written, set by {@link Organizations} on every write and indexed: the public
     * register's version is its newest value (read by the persistence layer, not a business fact).
     */
    private Instant changedAt;

    /** The days its standing changes by itself, indexed for the worklists and the sweep ({@link WorklistDates}). */
    private WorklistDates dates;

    /** Before every write: when, and the days that decide the worklists as the record now stands. */
    void stamp(cn.minzheng.platform.time.LegalCalendar calendar, Clock clock) {
        changedAt = Instant.now(clock);
        dates = WorklistDates.of(this, calendar, clock);
    }

    public WorklistDates dates() {
        return dates;
    }

    public static String idOf(CreditCode code) {
        return "org-" + code.value();
    }

    /** What a registration needs, as the registry officer enters it. */
    public record Registration(String name, OrgType type, CreditCode creditCode, String sponsorUnit,
            boolean directRegistration, LegalRepresentative legalRepresentative, String businessScope,
            BigDecimal registeredCapital, String address, DivisionCode division, LocalDate registeredOn) {
    }

    public static Organization register(Registration r, String by, Clock clock) {
        if (!r.creditCode().isCivilAffairs()) {
            throw Refusal.rule("credit-code-not-civil-affairs", r.creditCode().value()).on("creditCode");
        }
        if (r.creditCode().civilAffairsCategory() != r.type().category()) {
            throw Refusal.rule("credit-code-category-mismatch", r.creditCode().value(),
                    Refusal.term("org-type." + r.type())).on("creditCode");
        }
        if (!r.directRegistration() && (r.sponsorUnit() == null || r.sponsorUnit().isBlank())) {
            throw Refusal.rule("sponsor-unit-required").on("sponsorUnit");
        }
        if (r.registeredOn().isAfter(LocalDate.now(clock))) {
            throw Refusal.rule("registered-in-future", r.registeredOn()).on("registeredOn");
        }
        Profile profile = new Profile(r.name().strip(), r.type(), r.creditCode(),
                r.directRegistration() ? null : r.sponsorUnit().strip(), r.directRegistration(),
                r.legalRepresentative(), r.businessScope(), r.registeredCapital(), r.address(), r.division(),
                r.registeredOn(), by);
        Organization org = new Organization(idOf(r.creditCode()), profile, OrgStatus.REGISTERED, List.of(),
                List.of(), List.of(), List.of(), null, List.of(), null, null, 0);
        org.register(new OrgRegistered(org.id, r.creditCode().value(), profile.name(), r.type().name(),
                r.division().value(), r.registeredOn()), clock);
        return org;
    }

    /**
     * Moves the organisation to another status. A terminal status is never left, a status is not entered twice in
     * a row, and the change is kept with its reason, legal basis and actor.
     */
    public void changeStatus(OrgStatus to, String reason, String legalBasis, LocalDate effectiveOn, String by,
            Clock clock) {
        changeStatus(to, reason, legalBasis, effectiveOn, by, null, clock);
    }

    private void changeStatus(OrgStatus to, String reason, String legalBasis, LocalDate effectiveOn, String by,
            String proposedBy, Clock clock) {
        if (status.terminal()) {
            throw Refusal.conflict("org-status-final", Refusal.term("org-status." + status));
        }
        if (status == to) {
            throw Refusal.conflict("org-status-unchanged", Refusal.term("org-status." + to)).on("status");
        }
        StatusChange change = new StatusChange(status, to, reason.strip(), legalBasis.strip(), effectiveOn, by,
                Instant.now(clock), null, null, proposedBy);
        history.add(change);
        status = to;
        revocationProposal = null;
        // The designed events (DESIGN.md §5): eldercare suspends the facilities a revoked organisation operates.
        if (to == OrgStatus.REVOKED) {
            register(new OrgRevoked(id, profile.creditCode().value(), effectiveOn, change.reason()), clock);
        } else if (to == OrgStatus.ABNORMAL) {
            register(new OrgListedAbnormal(id, profile.creditCode().value(), profile.division().value(), effectiveOn,
                    change.reason()),
                    clock);
        } else {
            register(new OrgChanged(id, profile.creditCode().value(), "STATUS", to.name(), to.name(), effectiveOn),
                    clock);
        }
    }

    /** Where the organisation stands on a day (status, missed reports, lists), computed once. */
    public Standing standingOn(LocalDate day, cn.minzheng.platform.time.LegalCalendar calendar) {
        return Standing.of(this, day, calendar);
    }

    /** The first of two consecutive years without a report in time: ground for the 僵尸 clean-up. */
    public java.util.Optional<Integer> zombieSince(LocalDate day, cn.minzheng.platform.time.LegalCalendar calendar) {
        return java.util.Optional.ofNullable(standingOn(day, calendar).zombieSince());
    }

    /** An officer proposes revoking an organisation on the clean-up worklist; a second officer must confirm. */
    public void proposeZombieRevocation(String reason, String legalBasis, LocalDate effectiveOn, String by,
            Clock clock, cn.minzheng.platform.time.LegalCalendar calendar) {
        requireActive();
        if (zombieSince(LocalDate.now(clock), calendar).isEmpty()) {
            throw Refusal.rule("not-on-revocation-worklist");
        }
        proposeRevocation(reason, legalBasis, effectiveOn, by, clock);
    }

    /**
     * Revocation (撤销登记) is a penalty and final: on any ground, one officer only proposes it, with the reason, the
     * legal basis and the day it takes effect; it stands when a second officer confirms ({@link #confirmRevocation}).
     */
    public void proposeRevocation(String reason, String legalBasis, LocalDate effectiveOn, String by, Clock clock) {
        requireActive();
        if (revocationProposal != null) {
            throw Refusal.conflict("revocation-already-proposed", revocationProposal.proposedBy());
        }
        revocationProposal = new RevocationProposal(reason.strip(), legalBasis.strip(), effectiveOn, by,
                Instant.now(clock));
    }

    /** The second officer confirms a proposed revocation: never the proposer (four-eyes). */
    public void confirmRevocation(String by, Clock clock) {
        requireActive();
        if (revocationProposal == null) {
            throw Refusal.conflict("no-revocation-proposal");
        }
        if (revocationProposal.proposedBy().equals(by)) {
            throw Refusal.forbidden("four-eyes").as("four-eyes.revocation");
        }
        RevocationProposal proposal = revocationProposal;
        changeStatus(OrgStatus.REVOKED, proposal.reason(), proposal.legalBasis(), proposal.effectiveOn(), by,
                proposal.proposedBy(), clock);
    }

    public RevocationProposal revocationProposal() {
        return revocationProposal;
    }

    /**
     * Enters a credit change (a list entered or left) in the credit record on a day. The change is named by its
     * place in the history (from 0); one that is not a credit change, or is recorded already, is refused.
     */
    public void recordCredit(int change, LocalDate recordedOn, String by, Clock clock) {
        if (change < 0 || change >= history.size() || !history.get(change).isCreditChange()) {
            throw Refusal.invalid("not-a-credit-change", change).on("change");
        }
        StatusChange entry = history.get(change);
        if (entry.creditRecordedOn() != null) {
            throw Refusal.conflict("credit-already-recorded", entry.creditRecordedOn()).on("change");
        }
        LocalDate decided = LocalDate.ofInstant(entry.at(), clock.getZone());
        if (recordedOn.isAfter(LocalDate.now(clock)) || recordedOn.isBefore(decided)) {
            throw Refusal.rule("credit-recorded-out-of-range", recordedOn, decided).on("recordedOn");
        }
        history.set(change, entry.creditRecorded(recordedOn, by));
    }

    /** Recognised as a charitable organisation (慈善组织认定) from a day; once. */
    public void recognizeAsCharity(LocalDate on, String by, Clock clock) {
        requireActive();
        if (charityRecognizedOn != null) {
            throw Refusal.conflict("charity-already-recognized", charityRecognizedOn);
        }
        requireBetweenRegistrationAndToday(on, "recognizedOn", clock);
        charityRecognizedOn = on;
        register(new OrgChanged(id, profile.creditCode().value(), "CHARITY_RECOGNIZED", null, status.name(), on),
                clock);
    }

    public LocalDate charityRecognizedOn() {
        return charityRecognizedOn;
    }

    public boolean isCharity() {
        return charityRecognizedOn != null;
    }

    /** A major matter the organisation reported, entered by the registry. */
    public void reportMajorMatter(MajorMatter.Kind kind, String summary, LocalDate occursOn, LocalDate reportedOn,
            String by, Clock clock) {
        requireActive();
        requireBetweenRegistrationAndToday(reportedOn, "reportedOn", clock);
        majorMatters.add(new MajorMatter(kind, summary.strip(), occursOn, reportedOn, by, Instant.now(clock)));
    }

    public List<MajorMatter> majorMatters() {
        return List.copyOf(majorMatters);
    }

    /** Deregistration step 1: the organisation applies (注销申请). */
    public void applyForDeregistration(LocalDate appliedOn, String reason, String by, Clock clock) {
        requireActive();
        Deregistration applied = Deregistration.apply(deregistration, appliedOn, reason, by);
        requireBetweenRegistrationAndToday(appliedOn, "appliedOn", clock);
        deregistration = applied;
    }

    /** Step 2: the liquidation report (清算报告), after the application. */
    public void fileLiquidationReport(LocalDate reportedOn, String summary, String by, Clock clock) {
        requireActive();
        deregistration = Deregistration.liquidated(deregistration, reportedOn, summary, by, LocalDate.now(clock));
    }

    /** Step 3: the registry approves; the registration ends (DEREGISTERED, final). */
    public void approveDeregistration(LocalDate approvedOn, String by, Clock clock) {
        requireActive();
        deregistration = Deregistration.approved(deregistration, approvedOn, by, LocalDate.now(clock));
        changeStatus(OrgStatus.DEREGISTERED, "注销登记：" + deregistration.reason(),
                Deregistration.legalBasis(profile.type()), approvedOn, by, clock);
    }

    public Deregistration deregistration() {
        return deregistration;
    }

    /** What a registry officer may do on the organisation now (the read answers them; the acts refuse the rest). */
    public enum Action {
        CHANGE_STATUS, REPORT_ANNUAL, GRADE, AMEND, REPORT_MAJOR_MATTER, RECOGNIZE_CHARITY, PROPOSE_REVOCATION,
        CONFIRM_REVOCATION, APPLY_DEREGISTRATION, REPORT_LIQUIDATION, APPROVE_DEREGISTRATION, RECORD_CREDIT
    }

    /**
     * What an officer may do now, by the rules the acts keep: an ended registration takes no change of status,
     * report, grade or revocation; a revocation is proposed once and confirmed by someone else; a list decision
     * not yet in the credit record is entered even after the registration ended.
     */
    public List<Action> actions(String username, boolean officer) {
        if (!officer) {
            return List.of();
        }
        List<Action> actions = new java.util.ArrayList<>();
        if (!status.terminal()) {
            actions.addAll(List.of(Action.CHANGE_STATUS, Action.REPORT_ANNUAL, Action.GRADE, Action.AMEND,
                    Action.REPORT_MAJOR_MATTER));
            if (charityRecognizedOn == null) {
                actions.add(Action.RECOGNIZE_CHARITY);
            }
            if (revocationProposal == null) {
                actions.add(Action.PROPOSE_REVOCATION);
            } else if (!revocationProposal.proposedBy().equals(username)) {
                actions.add(Action.CONFIRM_REVOCATION);
            }
            actions.add(deregistration == null ? Action.APPLY_DEREGISTRATION
                    : deregistration.stage() == Deregistration.Stage.APPLIED ? Action.REPORT_LIQUIDATION
                    : Action.APPROVE_DEREGISTRATION);
        }
        if (history.stream().anyMatch(h -> h.isCreditChange() && h.creditRecordedOn() == null)) {
            actions.add(Action.RECORD_CREDIT);
        }
        return actions;
    }

    private void requireActive() {
        if (status.terminal()) {
            throw Refusal.conflict("org-status-final", Refusal.term("org-status." + status));
        }
    }

    private void requireBetweenRegistrationAndToday(LocalDate day, String field, Clock clock) {
        if (day.isAfter(LocalDate.now(clock)) || day.isBefore(profile.registeredOn())) {
            throw Refusal.rule("date-outside-registration", day, profile.registeredOn()).on(field);
        }
    }

    /**
     * Records an evaluation grade (1A-5A) from the day it was graded. A grading day is entered once; an
     * organisation whose registration ended is not graded.
     */
    public void grade(int level, LocalDate gradedOn, String by, Clock clock) {
        if (level < 1 || level > 5) {
            throw Refusal.invalid("grade-out-of-range", level).on("grade");
        }
        if (status.terminal()) {
            throw Refusal.conflict("org-status-final", Refusal.term("org-status." + status));
        }
        if (gradedOn.isAfter(LocalDate.now(clock))) {
            throw Refusal.rule("graded-in-future", gradedOn).on("gradedOn");
        }
        if (evaluations.stream().anyMatch(e -> e.gradedOn().equals(gradedOn))) {
            throw Refusal.conflict("grade-already-entered", gradedOn).on("gradedOn");
        }
        evaluations.add(Evaluation.of(level, gradedOn, by));
    }

    /** The grade in force on a day: the latest grading that is still valid then, if any (true when read). */
    public java.util.Optional<Evaluation> gradeOn(LocalDate day) {
        return evaluations.stream().filter(e -> e.validOn(day))
                .max(java.util.Comparator.comparing(Evaluation::gradedOn));
    }

    /**
     * Records receipt of a year's report (by the sponsor unit or the registry) and, when given, the registry's
     * verdict; a later call adds what the earlier one lacked. A year before registration has no report.
     */
    public void reportReceived(int year, LocalDate sponsorReceivedOn, LocalDate registryReceivedOn,
            AnnualReport.Verdict verdict, String by, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        AnnualReport earlier = report(year).orElse(null);
        AnnualReport received = AnnualReport.received(earlier, year, profile.registeredOn(), sponsorReceivedOn,
                registryReceivedOn, verdict, by, today);
        reports.removeIf(r -> r.year() == year);
        reports.add(received);
        if (verdict != null && (earlier == null || earlier.verdict() != verdict)) {
            register(new OrgInspected(id, profile.creditCode().value(), "ANNUAL_INSPECTION", year, null,
                    verdict.name(), today), clock);
        }
    }

    /** The registry's latest verdict on an annual report: the last inspection result the public sees. */
    public java.util.Optional<AnnualReport> lastVerdict() {
        return reports.stream().filter(r -> r.verdict() != null).max(java.util.Comparator.comparingInt(
                AnnualReport::year));
    }

    public java.util.Optional<AnnualReport> report(int year) {
        return reports.stream().filter(r -> r.year() == year).findFirst();
    }

    public List<AnnualReport> reports() {
        return reports.stream().sorted(java.util.Comparator.comparingInt(AnnualReport::year)).toList();
    }

    /** The years whose report missed the registry's deadline, as of a day ({@link Standing}). */
    public List<Integer> missedReports(LocalDate day, cn.minzheng.platform.time.LegalCalendar calendar) {
        return standingOn(day, calendar).missedReports();
    }

    /**
     * The status as of a day: a registered organisation that missed a report reads ABNORMAL from the day after
     * the deadline, before the sweep writes it (the sweep then makes it so, with its listing and event).
     */
    public OrgStatus statusOn(LocalDate day, cn.minzheng.platform.time.LegalCalendar calendar) {
        return standingOn(day, calendar).status();
    }

    /**
     * Two years on the abnormal-activity list move an organisation to the serious-violation list: the two years end
     * on the corresponding day (Civil Code art. 201), and it moves the day after.
     */
    public static LocalDate seriousFrom(LocalDate abnormalSince) {
        return abnormalSince.plusYears(2);
    }

    /**
     * Since when the organisation is on the abnormal-activity list as of a day: its listing, or, before the sweep
     * wrote one, the day after its first missed deadline.
     */
    public java.util.Optional<LocalDate> abnormalSince(LocalDate day, cn.minzheng.platform.time.LegalCalendar calendar) {
        return java.util.Optional.ofNullable(standingOn(day, calendar).abnormalSince());
    }

    /**
     * Records a change filing approved on a day: the item takes its new value and the change is kept. A value
     * equal to the current one, or a change after the registration ended, is refused. The name's uniqueness is
     * the registry's to check ({@link OrgRegistry#amend}).
     */
    public void amend(Amendment.Item item, String value, LegalRepresentative representative, LocalDate approvedOn,
            String by, Clock clock) {
        if (status.terminal()) {
            throw Refusal.conflict("org-status-final", Refusal.term("org-status." + status));
        }
        if (approvedOn.isAfter(LocalDate.now(clock)) || approvedOn.isBefore(profile.registeredOn())) {
            throw Refusal.rule("amendment-date-out-of-range", approvedOn, profile.registeredOn()).on("approvedOn");
        }
        String from = profile.current(item);
        String to = item == Amendment.Item.LEGAL_REPRESENTATIVE ? Profile.describe(representative) : value.strip();
        if (to.equals(from)) {
            throw Refusal.conflict("amendment-unchanged", Refusal.term("amendment-item." + item)).on("value");
        }
        profile = profile.amended(item, to, representative);
        amendments.add(new Amendment(item, from, to, approvedOn, by, Instant.now(clock)));
        register(new OrgChanged(id, profile.creditCode().value(), "AMENDMENT", item.name(), status.name(),
                approvedOn), clock);
    }

    public List<Amendment> amendments() {
        return List.copyOf(amendments);
    }

    public List<Evaluation> evaluations() {
        return List.copyOf(evaluations);
    }

    @Override
    public String id() {
        return id;
    }

    public String name() {
        return profile.name();
    }

    public OrgType type() {
        return profile.type();
    }

    public CreditCode creditCode() {
        return profile.creditCode();
    }

    public String sponsorUnit() {
        return profile.sponsorUnit();
    }

    public boolean directRegistration() {
        return profile.directRegistration();
    }

    public LegalRepresentative legalRepresentative() {
        return profile.legalRepresentative();
    }

    public String businessScope() {
        return profile.businessScope();
    }

    public BigDecimal registeredCapital() {
        return profile.registeredCapital();
    }

    public String address() {
        return profile.address();
    }

    public DivisionCode division() {
        return profile.division();
    }

    public LocalDate registeredOn() {
        return profile.registeredOn();
    }

    public String registeredBy() {
        return profile.registeredBy();
    }

    public OrgStatus status() {
        return status;
    }

    public List<StatusChange> history() {
        return List.copyOf(history);
    }
}
