package cn.minzheng.assistance.household;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.assistance.benefit.MeansTest;
import cn.minzheng.assistance.benefit.Residence;
import cn.minzheng.platform.personal.ProtectedValue;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Registers households and applies changes of circumstances, keeping the one-household-per-person rule (claims
 * first, then the household document) and announcing changes so that enrolments are recalculated.
 */
@Service
public class HouseholdRegistry {

    private final Households households;
    private final Memberships memberships;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HouseholdRegistry(Households households, Memberships memberships, ApplicationEventPublisher events, Clock clock) {
        this.households = households;
        this.memberships = memberships;
        this.events = events;
        this.clock = clock;
    }

    public Household register(DivisionCode division, Residence residence, String address, List<Member> members,
            MeansTest.Assets assets, ProtectedValue contactPhone, ProtectedValue paymentAccount, String by) {
        Household household = Household.register("hh-" + UUID.randomUUID(), division, residence, address, members,
                assets, contactPhone, paymentAccount, by, clock.instant());
        memberships.claim(household.id(), household.activeMemberRefs());
        try {
            households.insert(household);
        } catch (RuntimeException failed) {
            household.activeMemberRefs().forEach(ref -> memberships.release(household.id(), ref));
            throw failed;
        }
        return household;
    }

    public Household change(Household household, CircumstanceChangeRequest change, String by) {
        List<String> joining = change.membersJoining().stream().map(Member::personRef).toList();
        memberships.claim(household.id(), joining);
        boolean incomeFromWork = change.memberUpdates().values().stream()
                .anyMatch(update -> Boolean.TRUE.equals(update.employed()) && update.monthlyIncome() != null);
        try {
            household.changeCircumstances(change, by, clock.instant());
            household.recalculationDue(YearMonth.from(change.effectiveOn()), change.reason(), incomeFromWork);
            households.save(household);
        } catch (RuntimeException refused) {
            joining.forEach(ref -> memberships.release(household.id(), ref));
            throw refused;
        }
        change.membersLeaving().forEach(ref -> memberships.release(household.id(), ref));
        events.publishEvent(new HouseholdChanged(household.id()));
        return household;
    }

    /** A member has died or left: from the first day of the next month they no longer count. */
    public boolean memberLeaves(String householdId, String personRef, LocalDate lastDay, String reason, String by) {
        return memberLeaves(households.get(householdId), personRef, lastDay, reason, by);
    }

    /**
     * The same on a household just read (a reaction that found it by the membership claim reads it once, not twice);
     * the save is conditional on the version read, so a change made meanwhile is a conflict, not overwritten.
     */
    public boolean memberLeaves(Household household, String personRef, LocalDate lastDay, String reason, String by) {
        String householdId = household.id();
        LocalDate from = YearMonth.from(lastDay).plusMonths(1).atDay(1);
        if (!household.memberLeaves(personRef, from, reason, by, clock.instant())) {
            return false;
        }
        household.recalculationDue(YearMonth.from(from), reason, false);
        households.save(household);
        memberships.release(householdId, personRef);
        events.publishEvent(new HouseholdChanged(householdId));
        return true;
    }

    /**
     * The death that took the member out was retracted: they count again from the month after the date of death,
     * so the household's active enrolments are recalculated from then (an enrolment the death ended is not reopened
     * here: an officer reinstates it). 409 member-in-other-household when the person has joined another since.
     */
    public boolean memberReturns(String householdId, String personRef, LocalDate dateOfDeath, String by) {
        Household household = households.get(householdId);
        LocalDate from = YearMonth.from(dateOfDeath).plusMonths(1).atDay(1);
        if (!household.memberReturns(personRef, from, by, clock.instant())) {
            return false;
        }
        household.recalculationDue(YearMonth.from(from), "DEATH_RETRACTED", false);
        memberships.claim(householdId, List.of(personRef));
        try {
            households.save(household);
        } catch (RuntimeException failed) {
            memberships.release(householdId, personRef);
            throw failed;
        }
        events.publishEvent(new HouseholdChanged(householdId));
        return true;
    }

    /**
     * The household the person is an active member of, read by {@code _id} through the membership claim (one per
     * person), not found by a query over the households' members.
     */
    public Optional<Household> activeHouseholdOf(String personRef) {
        return memberships.holder(personRef).flatMap(households::find).filter(h -> h.hasActiveMember(personRef));
    }
}
