package cn.minzheng.assistance.allowance;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.minzheng.assistance.household.Household;
import cn.minzheng.assistance.household.Households;
import cn.minzheng.assistance.household.Member;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.store.Batches;
import cn.minzheng.platform.personal.ProtectedIdNumber;
import cn.minzheng.platform.time.ClockAdvanced;

import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The daily job on the service clock, and the rollout of a newly approved rule version. For every county with
 * rules it (1) brings each active allowance up to date month by month (age bands, rule versions, the end of a
 * children's allowance at 18) and (2) proposes enrolments (免申即享) for the people the service knows, household
 * members and beneficiaries, who qualify for a programme they do not have: from the current month to the next
 * (a person turning 80 in a month is proposed from the month after, 次月, unless the county's version counts from
 * the birthday month; docs/allowances.md), or from a
 * new version's first month, so that a widening entered late is proposed from its effective date. Every write is
 * conditional or by a derived id, so running it twice, or on two instances, changes nothing more.
 */
@Service
public class AllowanceSweep {

    private static final Logger log = LoggerFactory.getLogger(AllowanceSweep.class);

    private final Beneficiaries beneficiaries;
    private final AllowanceProposals proposals;
    private final AllowanceRuleBook ruleBook;
    private final Households households;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    AllowanceSweep(Beneficiaries beneficiaries, AllowanceProposals proposals, AllowanceRuleBook ruleBook,
            Households households, Clock clock) {
        this.beneficiaries = beneficiaries;
        this.proposals = proposals;
        this.ruleBook = ruleBook;
        this.households = households;
        this.clock = clock;
    }

    /** What one run did. */
    public record Outcome(int reassessed, int proposed) {
    }

    @Scheduled(fixedDelayString = "${minzheng.assistance.allowance-sweep-interval:PT1H}",
            initialDelayString = "${minzheng.assistance.allowance-sweep-initial-delay:PT30S}")
    public Outcome daily() {
        return run(null, YearMonth.now(clock), null);
    }

    /** Moving the dev clock forward does what the passing days would have done. */
    @EventListener
    public void onClockAdvanced(ClockAdvanced advanced) {
        daily();
    }

    /** A version just approved: its county, from its first month (arrears for a widening entered late). */
    public Outcome rulesApproved(String county, RuleVersion version) {
        YearMonth from = version.firstMonth().isBefore(YearMonth.now(clock)) ? version.firstMonth()
                : YearMonth.now(clock);
        return run(county, from, version);
    }

    /** {@code approved}: the version just approved, when this run rolls one out (null for the daily run). */
    private Outcome run(String onlyCounty, YearMonth from, RuleVersion approved) {
        running.lock();
        try {
            AtomicInteger reassessed = new AtomicInteger();
            AtomicInteger proposed = new AtomicInteger();
            for (AllowanceRules rules : ruleBook.all()) {
                if (onlyCounty == null || onlyCounty.equals(rules.county())) {
                    sweep(rules, from, approved, reassessed, proposed);
                }
            }
            if (reassessed.get() + proposed.get() > 0) {
                log.info("Allowance sweep from {}: {} beneficiaries changed, {} enrolments proposed", from,
                        reassessed.get(), proposed.get());
            }
            return new Outcome(reassessed.get(), proposed.get());
        } finally {
            running.unlock();
        }
    }

    /**
     * One county, in batches of {@value #BATCH} households, then of beneficiaries: per batch one query for the
     * members' beneficiaries and one for the proposals that exist, one bulk insert of the new ones; a beneficiary or
     * proposal that changed is saved on its own (conditional on its version).
     */
    private void sweep(AllowanceRules rules, YearMonth from, RuleVersion approved, AtomicInteger reassessed,
            AtomicInteger proposed) {
        YearMonth until = YearMonth.now(clock).plusMonths(1);
        DivisionCode county = DivisionCode.of(rules.county());
        Map<String, Set<String>> programmesOf = new HashMap<>();
        try (Stream<Household> all = households.inDivision(county)) {
            Batches.forEach(all, BATCH, batch -> {
                Map<String, Beneficiary> known = beneficiaries.findAll(batch.stream()
                        .flatMap(household -> household.members().stream()).filter(Member::isActive)
                        .map(Member::personRef).toList());
                List<AllowanceProposal> candidates = new ArrayList<>();
                for (Household household : batch) {
                    Set<String> programmes = AllowanceService.programmesOf(household);
                    for (Member member : household.members()) {
                        if (!member.isActive()) {
                            continue;
                        }
                        if (!programmes.isEmpty()) {
                            programmesOf.put(member.personRef(), programmes);
                        }
                        if (!known.containsKey(member.personRef())) {
                            PersonFacts facts = new PersonFacts(member.birthDate(), member.disabilityGrade(),
                                    DisabilityType.parse(member.disabilityCategory()), member.employed(), null, false,
                                    null, programmes);
                            candidates.addAll(candidates(member.idNumber(), member.name(), household.division(),
                                    facts, Optional.empty(), rules, from, until, approved));
                        }
                    }
                }
                proposed.addAndGet(propose(candidates));
            });
        }
        try (Stream<Beneficiary> all = beneficiaries.inDivision(county)) {
            Batches.forEach(all, BATCH, batch -> {
                List<AllowanceProposal> candidates = new ArrayList<>();
                for (Beneficiary beneficiary : batch) {
                    if (beneficiary.diedOn() == null && bringUpToDate(beneficiary, programmesOf, rules, from, until,
                            reassessed)) {
                        candidates.addAll(candidates(beneficiary.idNumber(), beneficiary.name(),
                                beneficiary.division(), beneficiary.facts(), Optional.of(beneficiary), rules, from,
                                until, approved));
                    }
                }
                proposed.addAndGet(propose(candidates));
            });
        }
    }

    private static final int BATCH = 500;

    /** The beneficiary's allowances month by month; false when it changed meanwhile (the next run catches up). */
    private boolean bringUpToDate(Beneficiary beneficiary, Map<String, Set<String>> programmesOf,
            AllowanceRules rules, YearMonth from, YearMonth until, AtomicInteger reassessed) {
        boolean changed = beneficiary.householdProgrammes(programmesOf.getOrDefault(beneficiary.personRef(),
                Set.of()));
        changed |= beneficiary.reassess(from, until, rules::inForce, rules.county(), clock);
        if (changed) {
            try {
                beneficiaries.save(beneficiary);
                reassessed.incrementAndGet();
            } catch (OptimisticLockingFailureException concurrent) {
                log.info("Beneficiary changed during the sweep; the next run brings it up to date");
                return false;
            }
        }
        return true;
    }

    /** A proposal for each programme the person qualifies for and does not have (nothing stored yet). */
    private List<AllowanceProposal> candidates(ProtectedIdNumber idNumber, String name, DivisionCode division,
            PersonFacts facts, Optional<Beneficiary> beneficiary, AllowanceRules rules, YearMonth from,
            YearMonth until, RuleVersion approved) {
        if (division.level() != DivisionCode.Level.VILLAGE) {
            return List.of();
        }
        List<AllowanceProposal> found = new ArrayList<>();
        for (AllowanceProgramme programme : AllowanceProgramme.values()) {
            if (beneficiary.map(b -> b.hasOpen(programme)).orElse(false)) {
                continue;
            }
            firstEligible(rules, programme, facts, from, until, approved).ifPresent(first -> found.add(
                    AllowanceProposal.of(idNumber, name, division, facts, first,
                            trigger(rules, first, facts, approved != null), clock)));
        }
        return found;
    }

    /**
     * Stores a batch's proposals: the ones that exist are read in one query and reconsidered (saved when they
     * change), the new ones inserted in one bulk write. Returns how many are new or changed.
     */
    private int propose(List<AllowanceProposal> fresh) {
        if (fresh.isEmpty()) {
            return 0;
        }
        Map<String, AllowanceProposal> existing = proposals.findAll(fresh.stream().map(AllowanceProposal::id)
                .toList());
        int count = proposals.insertAllNew(fresh.stream().filter(p -> !existing.containsKey(p.id())).toList());
        for (AllowanceProposal proposal : fresh) {
            AllowanceProposal stored = existing.get(proposal.id());
            if (stored != null && stored.reconsider(proposal)) {
                proposals.save(stored);
                count++;
            }
        }
        return count;
    }

    /**
     * The first month from {@code from} the person qualifies in. Months before the current one (a version approved
     * late) count only where the approved version newly covers the person: someone the earlier rules already
     * covered but who never applied is proposed from the current month, not paid arrears by a widening that did not
     * concern them.
     */
    private Optional<Eligibility> firstEligible(AllowanceRules rules, AllowanceProgramme programme,
            PersonFacts facts, YearMonth from, YearMonth until, RuleVersion approved) {
        YearMonth current = YearMonth.now(clock);
        for (YearMonth month = from; !month.isAfter(until); month = month.plusMonths(1)) {
            if (approved != null && month.isBefore(current)) {
                YearMonth m = month;
                boolean coveredBefore = rules.inForceBefore(approved.number(), month)
                        .map(v -> v.judge(rules.county(), programme, facts, m).eligible()).orElse(false);
                if (coveredBefore) {
                    month = current.minusMonths(1);
                    continue;
                }
            }
            Optional<RuleVersion> version = rules.inForce(month);
            if (version.isPresent()) {
                Eligibility judged = version.get().judge(rules.county(), programme, facts, month);
                if (judged.eligible()) {
                    return Optional.of(judged);
                }
            }
        }
        return Optional.empty();
    }

    private static AllowanceProposal.Trigger trigger(AllowanceRules rules, Eligibility judged, PersonFacts facts,
            boolean rulesChanged) {
        RuleVersion version = rules.version(judged.ruleVersion());
        Criterion criterion = version.rule(judged.programme()).orElseThrow().criteria()
                .stream().filter(c -> c.id().equals(judged.criterionId())).findFirst().orElseThrow();
        if (criterion.minAge() != null
                && version.ageCounting().ageFor(facts.birthDate(), judged.month().minusMonths(1)) < criterion.minAge()) {
            return AllowanceProposal.Trigger.AGE_REACHED;
        }
        if (!criterion.householdProgrammes().isEmpty()) {
            return AllowanceProposal.Trigger.HOUSEHOLD_PROGRAMME;
        }
        return rulesChanged ? AllowanceProposal.Trigger.RULES_CHANGED : AllowanceProposal.Trigger.ELIGIBLE;
    }
}
