package cn.minzheng.assistance.household;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.minzheng.assistance.benefit.BenefitMember;
import cn.minzheng.assistance.benefit.MeansTest;
import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.assistance.benefit.Residence;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.ProtectedValue;
import cn.minzheng.platform.text.Text;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A household (家庭) as the assistance office knows it: where it lives, who belongs to it, what it owns, every change
 * of circumstances with who made it and why, and which programmes it is enrolled in. At most one active enrolment
 * per programme: the claim is made on this document, so two approvals racing for the same household cannot both
 * win.
 */
@Document("households")
public class Household extends OutboxAggregate {

    @Id
    private final String id;
    private final DivisionCode division;
    private final Residence residence;
    private String address;
    private List<Member> members;
    private MeansTest.Assets assets;
    /** Where to reach the household and where subsidies are paid (一卡通): encrypted, masked for display. */
    private ProtectedValue contactPhone;
    private ProtectedValue paymentAccount;
    private final List<CircumstanceChange> changes;
    private final List<ReviewFlag> reviewFlags;
    private final Map<Programme, String> activeEnrolments;
    /** ENROLLED while any enrolment is active, else REGISTERED; kept in step with the claims for list filters. */
    private Status status;
    private final String createdBy;
    private final Instant createdAt;

    @PersistenceCreator
    Household(String id, DivisionCode division, Residence residence, String address, List<Member> members,
            MeansTest.Assets assets, ProtectedValue contactPhone, ProtectedValue paymentAccount,
            List<CircumstanceChange> changes, List<ReviewFlag> reviewFlags, Map<Programme, String> activeEnrolments,
            Status status, String createdBy, Instant createdAt) {
        this.id = id;
        this.division = division;
        this.residence = residence;
        this.address = address;
        this.members = new ArrayList<>(members);
        this.assets = assets;
        this.contactPhone = contactPhone;
        this.paymentAccount = paymentAccount;
        this.changes = changes == null ? new ArrayList<>() : new ArrayList<>(changes);
        this.reviewFlags = reviewFlags == null ? new ArrayList<>() : new ArrayList<>(reviewFlags);
        this.activeEnrolments = activeEnrolments == null || activeEnrolments.isEmpty()
                ? new EnumMap<>(Programme.class) : new EnumMap<>(activeEnrolments);
        this.status = status == null ? Status.REGISTERED : status;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public enum Status {
        REGISTERED, ENROLLED
    }

    /**
     * A new household lives in one village or community (where the township's officers know it), is URBAN or
     * RURAL (the standard differs), has exactly one head and no person twice.
     */
    public static Household register(String id, DivisionCode division, Residence residence, String address,
            List<Member> members, MeansTest.Assets assets, ProtectedValue contactPhone, ProtectedValue paymentAccount,
            String by, Instant at) {
        if (division.level() != DivisionCode.Level.VILLAGE) {
            throw Refusal.invalid("invalid-request").as("household-division").on("divisionCode");
        }
        if (residence == Residence.ALL) {
            throw Refusal.invalid("invalid-request").as("household-residence").on("residence");
        }
        if (members.stream().filter(m -> m.relation() == Relation.HEAD).count() != 1) {
            throw Refusal.rule("one-head-required").on("members");
        }
        if (members.stream().map(Member::personRef).distinct().count() != members.size()) {
            throw Refusal.rule("duplicate-member").on("members");
        }
        return new Household(id, division, residence, address, members, assets, contactPhone, paymentAccount,
                List.of(new CircumstanceChange(at, by, "registered", Text.of("household.change.registered",
                        members.size()))), List.of(), Map.of(), Status.REGISTERED, by, at);
    }

    /** Applies a change of circumstances; the caller recalculates enrolments from the month it takes effect. */
    public void changeCircumstances(CircumstanceChangeRequest change, String by, Instant at) {
        if (!change.memberUpdates().keySet().stream().allMatch(this::hasActiveMember)) {
            throw Refusal.invalid("invalid-request").as("not-a-member").on("memberChanges");
        }
        List<Member> updated = new ArrayList<>();
        for (Member member : members) {
            var update = change.memberUpdates().get(member.personRef());
            updated.add(update == null || !member.isActive() ? member
                    : member.withCircumstances(update.employed(), update.monthlyIncome(), update.disabilityGrade(),
                            update.selfCare()));
        }
        for (String left : change.membersLeaving()) {
            int index = indexOfActive(left).orElseThrow(() -> Refusal.rule("not-a-member")
                    .on("memberChanges"));
            updated.set(index, updated.get(index).leaving(change.effectiveOn(), change.reason()));
        }
        updated.addAll(change.membersJoining());
        if (updated.stream().filter(Member::isActive).noneMatch(m -> m.relation() == Relation.HEAD)
                && updated.stream().anyMatch(Member::isActive)) {
            throw Refusal.rule("one-head-required").as("one-head-required.leaving");
        }
        members = updated;
        if (change.assets() != null) {
            assets = change.assets();
        }
        if (change.address() != null) {
            address = change.address();
        }
        changes.add(new CircumstanceChange(at, by, change.reason(), change.summary()));
    }

    /** A member's death or departure, e.g. from a death recorded by the funeral service; repeating it is a no-op. */
    public boolean memberLeaves(String personRef, LocalDate from, String reason, String by, Instant at) {
        Optional<Integer> index = indexOfActive(personRef);
        if (index.isEmpty()) {
            return false;
        }
        members.set(index.get(), members.get(index.get()).leaving(from, reason));
        changes.add(new CircumstanceChange(at, by, reason, Text.of("household.change.member-leaves", from)));
        return true;
    }

    /**
     * A member who left by a death that was then retracted returns from the day they left ({@code from}); false when
     * no such departure is on record (already returned, or left for another reason).
     */
    public boolean memberReturns(String personRef, LocalDate from, String by, Instant at) {
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            if (member.personRef().equals(personRef) && from.equals(member.leftOn())
                    && "DECEASED".equals(member.leftReason()) && !hasActiveMember(personRef)) {
                members.set(i, member.returning());
                changes.add(new CircumstanceChange(at, by, "DEATH_RETRACTED",
                        Text.of("household.change.member-returns", from)));
                return true;
            }
        }
        return false;
    }

    /** False when this event flagged the household already: nothing changed, so there is nothing to save. */
    public boolean flagForReview(String reason, String sourceEventId, Instant at) {
        if (reviewFlags.stream().anyMatch(flag -> flag.sourceEventId().equals(sourceEventId))) {
            return false;
        }
        reviewFlags.add(new ReviewFlag(at, reason, sourceEventId, false));
        return true;
    }

    /** The one-active-enrolment-per-programme rule; claiming again for the same enrolment is a no-op (retries). */
    public void claimEnrolment(Programme programme, String enrolmentId) {
        String current = activeEnrolments.get(programme);
        if (current != null && !current.equals(enrolmentId)) {
            throw Refusal.conflict("already-enrolled", Refusal.term("programme." + programme));
        }
        activeEnrolments.put(programme, enrolmentId);
        status = Status.ENROLLED;
    }

    public void releaseEnrolment(Programme programme, String enrolmentId) {
        activeEnrolments.remove(programme, enrolmentId);
        status = activeEnrolments.isEmpty() ? Status.REGISTERED : Status.ENROLLED;
    }

    public Optional<String> activeEnrolment(Programme programme) {
        return Optional.ofNullable(activeEnrolments.get(programme));
    }

    public List<BenefitMember> benefitMembers(YearMonth month) {
        return members.stream().filter(m -> m.countsIn(month)).map(Member::forBenefit).toList();
    }

    public boolean hasWorkingAgeMember(LocalDate day) {
        return members.stream().filter(Member::isActive).anyMatch(m -> m.isWorkingAge(day));
    }

    public boolean hasActiveMember(String personRef) {
        return indexOfActive(personRef).isPresent();
    }

    private Optional<Integer> indexOfActive(String personRef) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).isActive() && members.get(i).personRef().equals(personRef)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    public List<String> activeMemberRefs() {
        return members.stream().filter(Member::isActive).map(Member::personRef).toList();
    }

    public Optional<Member> head() {
        return members.stream().filter(m -> m.isActive() && m.relation() == Relation.HEAD).findFirst();
    }

    public String id() {
        return id;
    }

    public DivisionCode division() {
        return division;
    }

    public Residence residence() {
        return residence;
    }

    public String address() {
        return address;
    }

    public List<Member> members() {
        return List.copyOf(members);
    }

    public MeansTest.Assets assets() {
        return assets;
    }

    public ProtectedValue contactPhone() {
        return contactPhone;
    }

    public ProtectedValue paymentAccount() {
        return paymentAccount;
    }

    public List<CircumstanceChange> changes() {
        return List.copyOf(changes);
    }

    public List<ReviewFlag> reviewFlags() {
        return List.copyOf(reviewFlags);
    }

    public Map<Programme, String> activeEnrolments() {
        return Map.copyOf(activeEnrolments);
    }

    /**
     * The household's enrolments must be recalculated from a month: recorded in the same write as the change that
     * makes it so, and removed only once done ({@code Households.recalculationsDone}), so that a crash in between
     * leaves it to be finished, never skipped.
     * Not in the persistence constructor: households stored before have none.
     */
    private List<PendingRecalculation> pendingRecalculations = new ArrayList<>();

    /** A recalculation owed from {@code fromMonth}, for {@code reason}; {@code id} tells it from a later one. */
    public record PendingRecalculation(String id, YearMonth fromMonth, String reason, boolean incomeFromWork) {
    }

    /** Records that the enrolments are to be recalculated from this month; saved with the change that needs it. */
    public PendingRecalculation recalculationDue(YearMonth fromMonth, String reason, boolean incomeFromWork) {
        var pending = new PendingRecalculation(java.util.UUID.randomUUID().toString(), fromMonth, reason,
                incomeFromWork);
        pendingRecalculations.add(pending);
        return pending;
    }

    public List<PendingRecalculation> pendingRecalculations() {
        return pendingRecalculations == null ? List.of() : List.copyOf(pendingRecalculations);
    }

    public Status status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Who changed what and why (变更记录). */
    /** One change of the household's record: {@code reason} the code or the officer's words, the summary a text. */
    public record CircumstanceChange(Instant at, String by, String reason, Text summary) {
    }

    /** A reason to review the household early, e.g. a marriage registered for one of its members. */
    public record ReviewFlag(Instant at, String reason, String sourceEventId, boolean cleared) {
    }
}
