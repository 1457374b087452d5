package cn.minzheng.assistance.enrolment;

import java.util.List;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.store.Batches;
import cn.minzheng.assistance.benefit.BenefitRules;
import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.assistance.household.Household;
import cn.minzheng.assistance.household.HouseholdChanged;
import cn.minzheng.assistance.household.Households;
import cn.minzheng.assistance.standard.Standard;
import cn.minzheng.assistance.standard.Standards;
import cn.minzheng.platform.text.Text;

import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Enrolment decisions that involve more than one document, each step safe to repeat (no transactions): the
 * household's claim, then the enrolment with its event. Recalculates on changes of circumstances and on new
 * standards, and ends an enrolment whose household has no member left.
 */
@Service
public class EnrolmentService {

    private static final Logger log = LoggerFactory.getLogger(EnrolmentService.class);

    private final Enrolments enrolments;
    private final Households households;
    private final BenefitAssessor assessor;
    private final Standards standards;
    private final BenefitRules rules;
    private final Clock clock;

    EnrolmentService(Enrolments enrolments, Households households, BenefitAssessor assessor, Standards standards,
            BenefitRules rules, Clock clock) {
        this.enrolments = enrolments;
        this.households = households;
        this.assessor = assessor;
        this.standards = standards;
        this.rules = rules;
        this.clock = clock;
    }

    /** The same decisions as of another time, for entering history (see {@code ApplicationService.asOf}). */
    public EnrolmentService asOf(Clock then) {
        return new EnrolmentService(enrolments, households, assessor, standards, rules, then);
    }

    /** Id derived from the application: a retried approval finds the enrolment it already made. */
    public static String enrolmentIdFor(String applicationId) {
        return "enr-" + applicationId.substring(applicationId.indexOf('-') + 1);
    }

    public Enrolment enrol(String applicationId, Household household, Programme programme, String approvedBy) {
        String id = enrolmentIdFor(applicationId);
        if (!household.activeEnrolment(programme).map(id::equals).orElse(false)) {
            household.claimEnrolment(programme, id);
            households.save(household);
        }
        YearMonth start = YearMonth.now(clock).plusMonths(1);
        BenefitAssessor.Assessment assessment = assessor.assess(household, programme, start);
        Enrolment enrolment = Enrolment.approve(id, household.id(), applicationId, household.division(), programme,
                assessment.benefit(), assessment.standardId(), household.activeMemberRefs(), nextReviewDue(household,
                        programme), approvedBy, clock);
        return enrolments.insertIfAbsent(enrolment) ? enrolment : enrolments.get(id);
    }

    /** Dibao yearly; quarterly where a member could work (DOMAIN.md §1, 复核). */
    private LocalDate nextReviewDue(Household household, Programme programme) {
        LocalDate today = LocalDate.now(clock);
        boolean quarterly = programme == Programme.DIBAO && household.hasWorkingAgeMember(today);
        return quarterly ? today.plusMonths(3) : today.plusYears(1);
    }

    public void recordPeriodicReview(Enrolment enrolment) {
        Household household = households.get(enrolment.householdId());
        enrolment.reviewed(nextReviewDue(household, enrolment.programme()));
        enrolments.save(enrolment);
    }

    /**
     * A household's change was saved with the recalculation it makes due: done at once. If that fails, the change
     * stands and the recalculation stays recorded on the household, for the sweep below to finish.
     */
    @EventListener
    void householdChanged(HouseholdChanged change) {
        try {
            finishRecalculations(change.householdId());
        } catch (RuntimeException failed) {
            log.warn("Recalculation of household {} left to the sweep: {}", change.householdId(), failed.toString());
        }
    }

    /** Finishes the recalculations a crash or a failure left recorded on households. Safe to repeat. */
    @Scheduled(fixedDelayString = "${minzheng.assistance.recalculation-sweep-interval:PT1M}")
    public void finishPendingRecalculations() {
        for (String householdId : households.withPendingRecalculations(1_000)) {
            try {
                finishRecalculations(householdId);
            } catch (RuntimeException failed) {
                log.warn("Recalculation of household {} still owed: {}", householdId, failed.toString());
            }
        }
    }

    /**
     * Recalculates the household's enrolments for each recalculation it owes, oldest first, then removes those from
     * the household. Idempotent: a recalculation already applied changes nothing, so one done before a crash is
     * done again harmlessly. The household's enrolments not terminated are the ones it holds (released only on
     * termination), read by {@code _id} from the household, not found by a query on the enrolments.
     */
    public void finishRecalculations(String householdId) {
        List<Household.PendingRecalculation> owed = households.get(householdId).pendingRecalculations();
        if (owed.isEmpty()) {
            return;
        }
        for (Household.PendingRecalculation pending : owed) {
            for (String enrolmentId : households.get(householdId).activeEnrolments().values()) {
                if (enrolments.find(enrolmentId).isPresent()) {
                    recalculateWithRetry(enrolmentId, householdId, pending);
                }
            }
        }
        households.recalculationsDone(householdId,
                owed.stream().map(Household.PendingRecalculation::id).toList());
    }

    /**
     * The household's change is already saved, so its recalculation must not be lost to a concurrent write of the
     * same enrolment (the standard rollout, a payroll-time termination): read both again and recompute, a few
     * times; only then does the conflict reach the caller (and the recalculation stays owed).
     */
    private void recalculateWithRetry(String enrolmentId, String householdId,
            Household.PendingRecalculation change) {
        for (int attempt = 1; ; attempt++) {
            Enrolment enrolment = enrolments.get(enrolmentId);
            if (enrolment.status() == Enrolment.Status.TERMINATED) {
                return;
            }
            try {
                recalculate(enrolment, households.get(householdId), change);
                enrolments.save(enrolment);
                return;
            } catch (OptimisticLockingFailureException concurrentWrite) {
                if (attempt == 3) {
                    throw concurrentWrite;
                }
            }
        }
    }

    private void recalculate(Enrolment enrolment, Household household, Household.PendingRecalculation change) {
        YearMonth from = change.fromMonth().isBefore(enrolment.startMonth()) ? enrolment.startMonth()
                : change.fromMonth();
        if (household.benefitMembers(from).isEmpty()) {
            if (enrolment.terminate("NO_MEMBER_LEFT: " + change.reason(), "system", "system", from.minusMonths(1),
                    clock)) {
                household.releaseEnrolment(enrolment.programme(), enrolment.id());
                households.save(household);
            }
            return;
        }
        var assessment = assessor.assess(household, enrolment.programme(), from);
        boolean aboveStandard = assessment.benefit().perCapitaIncome()
                .compareTo(assessment.benefit().standardUsed()) >= 0;
        if (enrolment.programme() == Programme.DIBAO && aboveStandard && change.incomeFromWork()
                && rules.gradualExitMonths() > 0) {
            enrolment.startGradualExit(from, rules.gradualExitMonths(), clock);
            return;
        }
        enrolment.recalculate(from, assessment.benefit(), assessment.standardId(), Text.verbatim(change.reason()),
                household.benefitMembers(from).stream().map(m -> m.personRef()).toList(), clock);
    }

    public void proposeTermination(Enrolment enrolment, String reason, String by) {
        enrolment.proposeTermination(reason, by, clock);
        enrolments.save(enrolment);
    }

    public void confirmTermination(Enrolment enrolment, String by) {
        enrolment.confirmTermination(by, clock);
        enrolments.save(enrolment);
        Household household = households.get(enrolment.householdId());
        household.releaseEnrolment(enrolment.programme(), enrolment.id());
        households.save(household);
    }

    public void rejectTermination(Enrolment enrolment, String by) {
        enrolment.rejectTermination(by);
        enrolments.save(enrolment);
    }

    /**
     * 渐退 ends: an enrolment whose gradual exit paid its last month is terminated (assistance.terminated), and the
     * household's programme is free again. Safe to repeat; runs hourly.
     */
    @Scheduled(fixedDelayString = "${minzheng.assistance.gradual-exit-sweep-interval:PT1H}")
    public void endGradualExits() {
        YearMonth current = YearMonth.now(clock);
        for (Enrolment enrolment : enrolments.inStatus(Enrolment.Status.GRADUAL_EXIT, 10_000)) {
            YearMonth last = enrolment.termination().lastMonth();
            if (last != null && last.isBefore(current)
                    && enrolment.terminate("GRADUAL_EXIT_ENDED", "system", "system", last, clock)) {
                enrolments.save(enrolment);
                Household household = households.get(enrolment.householdId());
                household.releaseEnrolment(enrolment.programme(), enrolment.id());
                households.save(household);
                log.info("Enrolment {} ended after its gradual exit (last paid month {})", enrolment.id(), last);
            }
        }
    }

    /**
     * A new standard recalculates every enrolment of its county from its effective month (a standard from mid-month
     * counts from the next month). A flag on the standard makes the rollout resume after a crash.
     */
    @Scheduled(fixedDelayString = "${minzheng.assistance.standard-rollout-interval:PT10S}")
    public void rollOutNewStandards() {
        for (Standard standard : standards.notRolledOut()) {
            YearMonth from = standard.effectiveFrom().getDayOfMonth() == 1 ? YearMonth.from(standard.effectiveFrom())
                    : YearMonth.from(standard.effectiveFrom()).plusMonths(1);
            java.util.concurrent.atomic.AtomicInteger changed = new java.util.concurrent.atomic.AtomicInteger();
            // In batches: the batch's households in one query, not one read per enrolment; the stream is closed.
            try (var all = enrolments.inDivision(DivisionCode.of(standard.county()))) {
                Batches.forEach(all, 500, batch -> {
                    var householdsOf = households.findAll(batch.stream().map(Enrolment::householdId)
                            .distinct().toList());
                    for (Enrolment enrolment : batch) {
                        Household household = householdsOf.get(enrolment.householdId());
                        if (enrolment.status() != Enrolment.Status.TERMINATED && household != null
                                && newStandard(enrolment, household, standard, from)) {
                            enrolments.save(enrolment);
                            changed.incrementAndGet();
                        }
                    }
                });
            }
            standards.markRolledOut(standard);
            log.info("Standard {} rolled out: {} enrolment(s) recalculated", standard.id(), changed.get());
        }
    }

    /**
     * The new standard from its month on. A recalculation replaces every period from its month, so each later period
     * the enrolment already had (a member who died or left from a later month, a change of circumstances) is assessed
     * again from its own month with that month's members, keeping its reason: a rollout never erases a later change.
     */
    private boolean newStandard(Enrolment enrolment, Household household, Standard standard, YearMonth from) {
        YearMonth effective = from.isBefore(enrolment.startMonth()) ? enrolment.startMonth() : from;
        java.util.SortedMap<YearMonth, Text> steps = new java.util.TreeMap<>();
        enrolment.amounts().stream().filter(period -> period.fromMonth().isAfter(effective))
                .forEach(period -> steps.put(period.fromMonth(), period.reason()));
        steps.put(effective, Text.of("enrolment.reason.new-standard", standard.amount(), standard.effectiveFrom()));
        boolean changed = false;
        for (var step : steps.entrySet()) {
            var assessment = assessor.assess(household, enrolment.programme(), step.getKey());
            changed |= enrolment.recalculate(step.getKey(), assessment.benefit(), assessment.standardId(),
                    step.getValue(), household.benefitMembers(step.getKey()).stream().map(m -> m.personRef())
                            .toList(), clock);
        }
        return changed;
    }
}
