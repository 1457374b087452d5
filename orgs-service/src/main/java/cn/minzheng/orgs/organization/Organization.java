package cn.minzheng.orgs.organization;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.minzheng.orgs.organization.messaging.OrgRegistered;
import cn.minzheng.orgs.organization.messaging.OrgListedAbnormal;
import cn.minzheng.orgs.organization.messaging.OrgRevoked;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;

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
    private String name;
    private final OrgType type;
    private final CreditCode creditCode;
    private String sponsorUnit;
    private final boolean directRegistration;
    private LegalRepresentative legalRepresentative;
    private String businessScope;
    private final BigDecimal registeredCapital;
    private String address;
    private final DivisionCode division;
    private final LocalDate registeredOn;
    private final String registeredBy;
    private OrgStatus status;
    private final List<StatusChange> history;
    private final List<Evaluation> evaluations;
    private final List<AnnualReport> reports;
    private final List<Amendment> amendments;

    @PersistenceCreator
    Organization(String id, String name, OrgType type, CreditCode creditCode, String sponsorUnit,
            boolean directRegistration, LegalRepresentative legalRepresentative, String businessScope,
            BigDecimal registeredCapital, String address, DivisionCode division, LocalDate registeredOn,
            String registeredBy, OrgStatus status, List<StatusChange> history, List<Evaluation> evaluations,
            List<AnnualReport> reports, List<Amendment> amendments, long version) {
        this.id = id;
        this.name = name;
        this.type = type;
        this.creditCode = creditCode;
        this.sponsorUnit = sponsorUnit;
        this.directRegistration = directRegistration;
        this.legalRepresentative = legalRepresentative;
        this.businessScope = businessScope;
        this.registeredCapital = registeredCapital;
        this.address = address;
        this.division = division;
        this.registeredOn = registeredOn;
        this.registeredBy = registeredBy;
        this.status = status;
        this.history = new ArrayList<>(history == null ? List.of() : history);
        this.evaluations = new ArrayList<>(evaluations == null ? List.of() : evaluations);
        this.reports = new ArrayList<>(reports == null ? List.of() : reports);
        this.amendments = new ArrayList<>(amendments == null ? List.of() : amendments);
        this.version = version;
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
        Organization org = new Organization(idOf(r.creditCode()), r.name().strip(), r.type(), r.creditCode(),
                r.directRegistration() ? null : r.sponsorUnit().strip(), r.directRegistration(),
                r.legalRepresentative(), r.businessScope(), r.registeredCapital(), r.address(), r.division(),
                r.registeredOn(), by, OrgStatus.REGISTERED, List.of(), List.of(), List.of(), List.of(), 0);
        org.register(new OrgRegistered(org.id, r.creditCode().value(), org.name, r.type().name(),
                r.division().value(), r.registeredOn()), clock);
        return org;
    }

    /**
     * Moves the organisation to another status. A terminal status is never left, a status is not entered twice in
     * a row, and the change is kept with its reason, legal basis and actor.
     */
    public void changeStatus(OrgStatus to, String reason, String legalBasis, LocalDate effectiveOn, String by,
            Clock clock) {
        if (status.terminal()) {
            throw Refusal.conflict("org-status-final", Refusal.term("org-status." + status));
        }
        if (status == to) {
            throw Refusal.conflict("org-status-unchanged", Refusal.term("org-status." + to)).on("status");
        }
        StatusChange change = new StatusChange(status, to, reason.strip(), legalBasis.strip(), effectiveOn, by,
                Instant.now(clock));
        history.add(change);
        status = to;
        // The designed events (DESIGN.md §5): eldercare suspends the facilities a revoked organisation operates.
        if (to == OrgStatus.REVOKED) {
            register(new OrgRevoked(id, creditCode.value(), effectiveOn, change.reason()), clock);
        } else if (to == OrgStatus.ABNORMAL) {
            register(new OrgListedAbnormal(id, creditCode.value(), division.value(), effectiveOn, change.reason()),
                    clock);
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
        if (year < registeredOn.getYear() || year >= today.getYear() + 1) {
            throw Refusal.rule("report-year-out-of-range", year, registeredOn.getYear(), today.getYear()).on("year");
        }
        for (LocalDate day : new LocalDate[] {sponsorReceivedOn, registryReceivedOn}) {
            if (day != null && (day.isAfter(today) || day.getYear() <= year)) {
                throw Refusal.rule("report-received-out-of-range", day, year)
                        .on(day == sponsorReceivedOn ? "sponsorReceivedOn" : "registryReceivedOn");
            }
        }
        AnnualReport earlier = report(year).orElse(null);
        LocalDate registry = registryReceivedOn != null ? registryReceivedOn
                : earlier == null ? null : earlier.registryReceivedOn();
        if (verdict != null && registry == null) {
            throw Refusal.rule("verdict-before-receipt", year).on("result");
        }
        reports.removeIf(r -> r.year() == year);
        reports.add(new AnnualReport(year, sponsorReceivedOn != null ? sponsorReceivedOn
                : earlier == null ? null : earlier.sponsorReceivedOn(), registry,
                verdict != null ? verdict : earlier == null ? null : earlier.verdict(),
                verdict != null ? today : earlier == null ? null : earlier.verdictOn(), by));
    }

    public java.util.Optional<AnnualReport> report(int year) {
        return reports.stream().filter(r -> r.year() == year).findFirst();
    }

    public List<AnnualReport> reports() {
        return reports.stream().sorted(java.util.Comparator.comparingInt(AnnualReport::year)).toList();
    }

    /**
     * The years whose report the registry had not received by its deadline, as of a day: the day after a deadline
     * the year counts at once, whether or not the sweep has written the listing yet.
     */
    public List<Integer> missedReports(LocalDate day, cn.minzheng.platform.time.LegalCalendar calendar) {
        List<Integer> missed = new ArrayList<>();
        for (int year = registeredOn.getYear(); year < day.getYear(); year++) {
            LocalDate deadline = ReportDeadlines.registry(year, type, calendar);
            LocalDate received = report(year).map(AnnualReport::registryReceivedOn).orElse(null);
            if (day.isAfter(deadline) && (received == null || received.isAfter(deadline))) {
                missed.add(year);
            }
        }
        return missed;
    }

    /**
     * The status as of a day: a registered organisation that missed a report reads ABNORMAL from the day after
     * the deadline, before the sweep writes it (the sweep then makes it so, with its listing and event).
     */
    public OrgStatus statusOn(LocalDate day, cn.minzheng.platform.time.LegalCalendar calendar) {
        OrgStatus listed = status == OrgStatus.REGISTERED && !missedReports(day, calendar).isEmpty()
                ? OrgStatus.ABNORMAL : status;
        if (listed == OrgStatus.ABNORMAL && abnormalSince(day, calendar)
                .filter(since -> !day.isBefore(seriousFrom(since))).isPresent()) {
            return OrgStatus.SERIOUS_VIOLATION;
        }
        return listed;
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
        if (status == OrgStatus.ABNORMAL) {
            return history.stream().filter(c -> c.to() == OrgStatus.ABNORMAL).reduce((a, b) -> b)
                    .map(StatusChange::effectiveOn);
        }
        if (status == OrgStatus.REGISTERED) {
            return missedReports(day, calendar).stream().findFirst()
                    .map(year -> ReportDeadlines.registry(year, type, calendar).plusDays(1));
        }
        return java.util.Optional.empty();
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
        if (approvedOn.isAfter(LocalDate.now(clock)) || approvedOn.isBefore(registeredOn)) {
            throw Refusal.rule("amendment-date-out-of-range", approvedOn, registeredOn).on("approvedOn");
        }
        String from = current(item);
        String to = item == Amendment.Item.LEGAL_REPRESENTATIVE ? describe(representative) : value.strip();
        if (to.equals(from)) {
            throw Refusal.conflict("amendment-unchanged", Refusal.term("amendment-item." + item)).on("value");
        }
        switch (item) {
            case NAME -> name = to;
            case LEGAL_REPRESENTATIVE -> legalRepresentative = representative;
            case BUSINESS_SCOPE -> businessScope = to;
            case ADDRESS -> address = to;
            case SPONSOR_UNIT -> sponsorUnit = to;
        }
        amendments.add(new Amendment(item, from, to, approvedOn, by, Instant.now(clock)));
    }

    private String current(Amendment.Item item) {
        return switch (item) {
            case NAME -> name;
            case LEGAL_REPRESENTATIVE -> describe(legalRepresentative);
            case BUSINESS_SCOPE -> businessScope;
            case ADDRESS -> address;
            case SPONSOR_UNIT -> sponsorUnit;
        };
    }

    /** A legal representative as the history keeps them: the name and the masked number, never the number. */
    private static String describe(LegalRepresentative representative) {
        return representative.name() + " " + representative.idNumber().masked();
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
        return name;
    }

    public OrgType type() {
        return type;
    }

    public CreditCode creditCode() {
        return creditCode;
    }

    public String sponsorUnit() {
        return sponsorUnit;
    }

    public boolean directRegistration() {
        return directRegistration;
    }

    public LegalRepresentative legalRepresentative() {
        return legalRepresentative;
    }

    public String businessScope() {
        return businessScope;
    }

    public BigDecimal registeredCapital() {
        return registeredCapital;
    }

    public String address() {
        return address;
    }

    public DivisionCode division() {
        return division;
    }

    public LocalDate registeredOn() {
        return registeredOn;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public OrgStatus status() {
        return status;
    }

    public List<StatusChange> history() {
        return List.copyOf(history);
    }
}
