package cn.minzheng.assistance.allowance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import cn.minzheng.assistance.household.Household;
import cn.minzheng.assistance.household.Households;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.ProtectedIdNumber;
import cn.minzheng.platform.personal.ProtectedValue;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The allowance decisions that touch more than one document, each step safe to repeat: a beneficiary is created
 * on first filing (its id is the personRef, so two filings cannot create two), a proposal's confirmation first
 * grants (marked with the proposal's id, so a retry finds it) and then marks the proposal.
 */
@Service
public class AllowanceService {

    /** Household programmes that the rules may ask about (membership of a poor household). */
    static final Set<String> HOUSEHOLD_PROGRAMMES = Set.of("DIBAO", "TEKUN");

    private final Beneficiaries beneficiaries;
    private final AllowanceProposals proposals;
    private final AllowanceRuleBook ruleBook;
    private final Households households;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    AllowanceService(Beneficiaries beneficiaries, AllowanceProposals proposals, AllowanceRuleBook ruleBook,
            Households households, PersonalDataCipher cipher, Clock clock) {
        this.beneficiaries = beneficiaries;
        this.proposals = proposals;
        this.ruleBook = ruleBook;
        this.households = households;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * A filing: by an officer it is the decision (granted from next month, or a 422 saying which rule version
     * refused); by a citizen it is an application an officer decides later.
     */
    public Beneficiary file(PersonDetails details, AllowanceProgramme programme, String by, boolean decide) {
        ProtectedIdNumber idNumber = ProtectedIdNumber.protect(details.idNumber(), cipher);
        Optional<Beneficiary> known = beneficiaries.find(idNumber.personRef());
        Beneficiary beneficiary = known.orElseGet(() -> Beneficiary.of(idNumber, details.name(), details.division(),
                details.facts()));
        beneficiary.update(details.name(), details.division(), details.facts(), details.account() == null ? null : ProtectedValue.protect(details.account(), cipher),
                payee(details));
        if (decide) {
            YearMonth start = YearMonth.now(clock).plusMonths(1);
            beneficiary.grant(judge(beneficiary, programme, start), start, by, null, clock);
        } else {
            beneficiary.apply(programme, by, clock);
        }
        store(beneficiary, known.isEmpty());
        return beneficiary;
    }

    /** An officer's decision on a citizen's application. */
    public Beneficiary decide(Beneficiary beneficiary, String allowanceId, boolean approve, String opinion, String by) {
        Allowance applied = beneficiary.allowance(allowanceId);
        if (approve) {
            if (applied.status() != Allowance.Status.APPLIED) {
                throw Refusal.conflict("wrong-status", Refusal.term("allowance.status." + applied.status()),
                        Refusal.term("allowance.status.APPLIED")).as("wrong-status.allowance");
            }
            YearMonth start = YearMonth.now(clock).plusMonths(1);
            beneficiary.grant(judge(beneficiary, applied.programme(), start), start, by, null, clock);
        } else {
            beneficiary.refuse(allowanceId, opinion, by, clock);
        }
        beneficiaries.save(beneficiary);
        return beneficiary;
    }

    /** One action confirms a proposal; confirming it again answers with the same allowance. */
    public Beneficiary confirm(AllowanceProposal proposal, String by) {
        if (proposal.status() == AllowanceProposal.Status.CONFIRMED) {
            return beneficiaries.get(proposal.personRef());
        }
        Optional<Beneficiary> known = beneficiaries.find(proposal.personRef());
        Beneficiary beneficiary = known.orElseGet(() -> Beneficiary.of(proposal.idNumber(), proposal.name(),
                proposal.division(), proposal.facts()));
        Optional<Allowance> granted = beneficiary.byProposal(proposal.id());
        if (granted.isEmpty()) {
            Allowance allowance = beneficiary.grant(judge(beneficiary, proposal.programme(), proposal.startMonth()),
                    proposal.startMonth(), by, proposal.id(), clock);
            store(beneficiary, known.isEmpty());
            granted = Optional.of(allowance);
        }
        proposal.confirm(granted.get().id(), by, clock);
        proposals.save(proposal);
        return beneficiary;
    }

    public void dismiss(AllowanceProposal proposal, String reason, String by) {
        proposal.dismiss(reason, by, clock);
        proposals.save(proposal);
    }

    public Beneficiary terminate(Beneficiary beneficiary, String allowanceId, String reason, String by) {
        beneficiary.terminate(allowanceId, reason, by, clock);
        beneficiaries.save(beneficiary);
        return beneficiary;
    }

    /**
     * A death recorded by the funeral service: the person's allowances end with the month of death, and proposals
     * still open for them are dismissed. Everything by {@code _id}; repeating it changes nothing.
     */
    /**
     * The person died: their allowances end with the month of death and their open proposals are dismissed. Returns
     * whether they have (or had) allowances here, which the after-death step reports. Two reads whatever the number
     * of programmes: the beneficiary by its id, the proposals by theirs in one query.
     */
    public boolean died(String personRef, LocalDate dateOfDeath) {
        var beneficiary = beneficiaries.find(personRef);
        beneficiary.filter(b -> b.died(dateOfDeath, clock)).ifPresent(beneficiaries::save);
        List<String> ids = java.util.Arrays.stream(AllowanceProgramme.values())
                .map(programme -> AllowanceProposal.idFor(programme, personRef)).toList();
        proposals.findAll(ids).values().stream().filter(p -> p.status() == AllowanceProposal.Status.OPEN)
                .forEach(p -> dismiss(p, "DECEASED", "system"));
        return beneficiary.isPresent();
    }

    /** The person's death was retracted: the allowances it ended are active again (their ids). Safe to repeat. */
    public List<String> deathRetracted(String personRef) {
        var found = beneficiaries.find(personRef).filter(b -> b.diedOn() != null);
        if (found.isEmpty()) {
            return List.of();
        }
        List<String> reinstated = found.get().deathRetracted();
        beneficiaries.save(found.get());
        return reinstated;
    }

    /** Whether the person has (or had) category allowances here. */
    public boolean isBeneficiary(String personRef) {
        return beneficiaries.find(personRef).isPresent();
    }

    /** The person judged under the county's rules in force for the month, with their household's programmes. */
    Eligibility judge(Beneficiary beneficiary, AllowanceProgramme programme, YearMonth month) {
        String county = beneficiary.division().county().value();
        RuleVersion rules = ruleBook.inForce(county, month)
                .orElseThrow(() -> Refusal.rule("no-allowance-rules", county, month.toString()));
        PersonFacts facts = beneficiary.facts().withHouseholdProgrammes(householdProgrammes(beneficiary.personRef()));
        return rules.judge(county, programme, facts, month);
    }

    /** The programmes (DIBAO, TEKUN) of the household the person is an active member of. */
    Set<String> householdProgrammes(String personRef) {
        Set<String> programmes = new TreeSet<>();
        for (Household household : households.withMember(personRef)) {
            if (household.hasActiveMember(personRef)) {
                programmes.addAll(programmesOf(household));
            }
        }
        return programmes;
    }

    /** The household's active programmes the rules may ask about (DIBAO, TEKUN). */
    static Set<String> programmesOf(Household household) {
        Set<String> programmes = new TreeSet<>();
        household.activeEnrolments().keySet().stream().map(Enum::name).filter(HOUSEHOLD_PROGRAMMES::contains)
                .forEach(programmes::add);
        return programmes;
    }

    private void store(Beneficiary beneficiary, boolean isNew) {
        if (!isNew) {
            beneficiaries.save(beneficiary);
            return;
        }
        try {
            beneficiaries.insert(beneficiary);
        } catch (DuplicateKeyException concurrentFiling) {
            throw Refusal.conflict("concurrent-update");
        }
    }

    private Payee payee(PersonDetails details) {
        if (details.payeeAccount() == null) {
            return null;
        }
        return new Payee(details.payeeName(), details.payeeRelation(),
                ProtectedValue.protect(details.payeeAccount(), cipher));
    }
}
