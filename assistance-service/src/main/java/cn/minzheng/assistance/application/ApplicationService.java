package cn.minzheng.assistance.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import cn.minzheng.assistance.benefit.BenefitRules;
import cn.minzheng.assistance.benefit.MeansTest;
import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.assistance.enrolment.BenefitAssessor;
import cn.minzheng.assistance.enrolment.Enrolment;
import cn.minzheng.assistance.enrolment.EnrolmentService;
import cn.minzheng.assistance.household.Household;
import cn.minzheng.assistance.household.HouseholdSnapshots;
import cn.minzheng.assistance.household.Households;
import cn.minzheng.assistance.household.Member;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.assistance.payroll.Payment;
import cn.minzheng.assistance.payroll.PayrollService;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.platform.store.ConcurrentWrites;

import org.springframework.stereotype.Service;

/**
 * The application workflow across documents: the means test from the household, the snapshot at review, the
 * enrolment or one-off payment at approval. The rules themselves live in {@link Application}.
 */
@Service
public class ApplicationService {

    /** 公示 lasts 7 days (DOMAIN.md §1); the legal calendar moves an end on a holiday to the next working day. */
    static final int NOTICE_DAYS = 7;

    private final Applications applications;
    private final Households households;
    private final HouseholdSnapshots snapshots;
    private final BenefitAssessor assessor;
    private final EnrolmentService enrolments;
    private final PayrollService payrolls;
    private final BenefitRules rules;
    private final LegalCalendar calendar;
    private final Clock clock;

    ApplicationService(Applications applications, Households households, HouseholdSnapshots snapshots,
            BenefitAssessor assessor, EnrolmentService enrolments, PayrollService payrolls, BenefitRules rules,
            LegalCalendar calendar, Clock clock) {
        this.applications = applications;
        this.households = households;
        this.snapshots = snapshots;
        this.assessor = assessor;
        this.enrolments = enrolments;
        this.payrolls = payrolls;
        this.rules = rules;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * The same workflow as of another time: for entering history (the demo data set, a migration from the old
     * system) with the dates it really had. Rules are not relaxed: a notice still has to have ended.
     */
    public ApplicationService asOf(Clock then) {
        return new ApplicationService(applications, households, snapshots, assessor, enrolments.asOf(then), payrolls,
                rules, calendar, then);
    }

    /**
     * A new application. Pay-first temporary assistance is written in the order that makes a crash harmless: the
     * application first (so no {@code subsidy.paid} event can exist for an application that was never stored),
     * then the payment under an id derived from the application's. A retry with the same {@code requestKey}
     * (Idempotency-Key) finds the stored application and only completes its payment, never paying twice.
     */
    public Application submit(Household household, Programme programme, String reason, Money requestedAmount,
            String by, String channel, boolean townshipOfficer, String requestKey) {
        String id = Application.idFor(by, requestKey);
        Application earlier = applications.find(id).orElse(null);
        if (earlier != null) {
            payFirstIfDue(earlier);
            return earlier;
        }
        // Claimed first, so that two officers submitting at once cannot both pass the checks below (check-then-act).
        if (applications.claimOpen(household.id(), programme, id).isPresent()) {
            throw Refusal.conflict("application-open", Refusal.term("programme." + programme));
        }
        Application application;
        try {
            // Applications opened before the claims existed hold none: the query still finds them.
            if (applications.openFor(household.id()).stream().anyMatch(a -> a.programme() == programme)) {
                throw Refusal.conflict("application-open", Refusal.term("programme." + programme));
            }
            if (programme.isMonthly() && household.activeEnrolment(programme).isPresent()) {
                throw Refusal.conflict("already-enrolled", Refusal.term("programme." + programme));
            }
            MeansTest meansTest = assessor.meansTest(household, programme, YearMonth.now(clock));
            application = Application.submit(id, household.id(), household.division(), programme, reason,
                    requestedAmount, household.activeMemberRefs(), meansTest, by, channel, clock);
            boolean payFirst = programme == Programme.TEMPORARY && townshipOfficer
                    && requestedAmount.compareTo(rules.payFirstLimit()) <= 0;
            if (payFirst) {
                application.paidBeforeApproval(PayrollService.temporaryPaymentId(id));
            }
            applications.insert(application);
        } catch (RuntimeException refused) {
            applications.releaseOpen(household.id(), programme, id);
            throw refused;
        }
        payFirstIfDue(application);
        return application;
    }

    private void payFirstIfDue(Application application) {
        if (application.isPaidBeforeApproval()) {
            payrolls.payOnce(application.id(), application.householdId(), application.division(),
                    application.requestedAmount());
        }
    }

    public Application review(Application application, Application.Decision decision, String opinion, String by) {
        Household household = households.get(application.householdId());
        YearMonth month = YearMonth.now(clock);
        MeansTest current = assessor.meansTest(household, application.programme(), month);
        Money expected = application.programme() == Programme.TEMPORARY ? application.requestedAmount()
                : application.programme() == Programme.MARGINAL ? Money.ZERO
                : current.passed() ? assessor.assess(household, application.programme(), month.plusMonths(1))
                        .benefit().monthlyAmount() : Money.ZERO;
        String snapshotId = snapshots.take(household, clock.instant());
        LocalDate noticeEnds = calendar.periodOfDays(LocalDate.now(clock), NOTICE_DAYS).date();
        Member head = household.head().orElseThrow();
        application.review(decision, opinion, current, snapshotId, expected, head.name(), head.idNumber().masked(),
                by, noticeEnds, clock);
        applications.save(application);
        releaseIfClosed(application);
        return application;
    }

    /** A decided application lets go of its household's "open application" claim. */
    private void releaseIfClosed(Application application) {
        if (!application.isOpen()) {
            applications.releaseOpen(application.householdId(), application.programme(), application.id());
        }
    }

    public Application object(Application application, String text, String by) {
        application.object(text, by, clock);
        applications.save(application);
        return application;
    }

    public Application resolveObjection(Application application, String objectionId, String outcome, String note,
            String by) {
        application.resolveObjection(objectionId, outcome, note, by, clock);
        applications.save(application);
        return application;
    }

    /**
     * The county decision. Approval of a monthly programme enrols the household (claim on the household, then the
     * enrolment with its assistance.approved event); temporary assistance is paid once, unless the township paid
     * it first. Each step can be repeated, so a crash part-way is healed by approving again.
     */
    public Application decide(Application application, Application.Decision decision, String opinion, String by) {
        application.decide(decision, opinion, by, clock);
        // The decision is stored alone first: a concurrent decision is refused here (a stale version), before any
        // enrolment, payment or event exists for it.
        applications.save(application);
        releaseIfClosed(application);
        return decision == Application.Decision.APPROVE ? completeApproval(application) : application;
    }

    /**
     * What an approval causes, each step idempotent (ids derived from the application's): a monthly programme
     * enrols the household (with its assistance.approved event), temporary assistance is paid once unless the
     * township paid it first; then the application records it. Repeated by {@link #completeApprovals} for an
     * approval whose effects a crash interrupted.
     */
    Application completeApproval(Application approved) {
        return ConcurrentWrites.retry(() -> {
            Application application = applications.get(approved.id());
            if (application.status() != Application.Status.APPROVED || application.effectsRecorded()) {
                return application;
            }
            Household household = households.get(application.householdId());
            String by = application.approval().by();
            if (application.programme().isMonthly()) {
                Enrolment enrolment = enrolments.enrol(application.id(), household, application.programme(), by);
                application.enrolled(enrolment.id());
            } else {
                Payment payment = payrolls.payOnce(application.id(), household.id(), household.division(),
                        application.requestedAmount());
                application.paid(payment.id(), payment.amount(), clock);
            }
            applications.save(application);
            return application;
        });
    }

    /** Approvals whose effects are not recorded yet (a crash between the decision and them): finished now. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString =
            "${minzheng.assistance.approval-completion-interval:PT1M}", initialDelayString = "PT30S")
    public int completeApprovals() {
        int completed = 0;
        for (Application approved : applications.approvedWithoutEffects(100)) {
            completeApproval(approved);
            completed++;
        }
        return completed;
    }
}
