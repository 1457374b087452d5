package cn.minzheng.eldercare.facility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.minzheng.eldercare.facility.messaging.FacilityRated;
import cn.minzheng.eldercare.facility.messaging.FacilityRegistered;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An eldercare facility: what it is, who runs it and how many beds of each type it has. Occupancy lives in
 * {@link BedCounters} (a counter per facility taken by conditional updates), not here, so that concurrent admissions
 * never contend for this document's version; the nursing-bed ratio is derived, never stored.
 */
@Document("facilities")
public class Facility extends OutboxAggregate {

    @Id
    private final String id;
    private final String name;
    private final FacilityType type;
    private final Ownership ownership;
    private final Operator operator;
    private final String filingNumber;
    private final DivisionCode division;
    private final String address;
    private final int totalBeds;
    private final int nursingBeds;
    private final String registeredBy;
    private final Instant registeredAt;
    private final List<Rating> ratings;
    private FireSafety fireSafety;
    private Caregivers caregivers;
    private OperatorSuspension operatorSuspension;

    @PersistenceCreator
    Facility(String id, String name, FacilityType type, Ownership ownership, Operator operator, String filingNumber,
            DivisionCode division, String address, int totalBeds, int nursingBeds, String registeredBy,
            Instant registeredAt, List<Rating> ratings, FireSafety fireSafety, Caregivers caregivers,
            OperatorSuspension operatorSuspension) {
        this.id = id;
        this.name = name;
        this.type = type;
        this.ownership = ownership;
        this.operator = operator;
        this.filingNumber = filingNumber;
        this.division = division;
        this.address = address;
        this.totalBeds = totalBeds;
        this.nursingBeds = nursingBeds;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
        this.ratings = ratings == null ? new ArrayList<>() : new ArrayList<>(ratings);
        this.fireSafety = fireSafety;
        this.caregivers = caregivers;
        this.operatorSuspension = operatorSuspension;
    }

    /**
     * Registers a facility. Nursing beds are part of the total; a public-built private-operated one names its
     * operator (a valid credit code) and the contract's end; only residential types have beds.
     */
    public static Facility register(String id, String name, FacilityType type, Ownership ownership, Operator operator,
            String filingNumber, DivisionCode division, String address, int totalBeds, int nursingBeds, String by,
            Clock clock) {
        if (nursingBeds > totalBeds) {
            throw Refusal.rule("nursing-above-total", nursingBeds, totalBeds).on("beds.nursing");
        }
        if (!type.residential() && totalBeds > 0) {
            throw Refusal.rule("beds-not-residential", Refusal.term("facility." + type)).on("beds.total");
        }
        if (ownership == Ownership.PUBLIC_BUILT_PRIVATE_OPERATED) {
            if (operator == null || operator.creditCode() == null) {
                throw Refusal.rule("operator-required").on("operatorCreditCode");
            }
            if (operator.name() == null || operator.name().isBlank()) {
                throw Refusal.rule("operator-required").on("operatorName");
            }
            if (operator.contractEnds() == null) {
                throw Refusal.rule("operator-required").on("contractEnds");
            }
        }
        Facility facility = new Facility(id == null ? "fac-" + UUID.randomUUID() : id, name, type, ownership,
                operator, filingNumber, division, address, totalBeds, nursingBeds, by, clock.instant(), List.of(),
                new FireSafety(FireSafety.Status.NOT_STARTED, null), null, null);
        facility.register(new FacilityRegistered(facility.id, name, type.name(), ownership.name(), division.value(),
                totalBeds, nursingBeds, operator == null || operator.creditCode() == null ? null
                        : operator.creditCode().value()), clock);
        return facility;
    }

    /** A star rating; the current one is the latest by the day it was rated, and a day is rated once. */
    public void rate(int stars, LocalDate ratedOn, String by, Clock clock) {
        if (stars < 1 || stars > 5) {
            throw Refusal.invalid("invalid-request").as("stars-range").on("stars");
        }
        if (ratedOn.isAfter(LocalDate.now(clock))) {
            throw Refusal.invalid("date-not-past", ratedOn).on("ratedOn");
        }
        if (ratings.stream().anyMatch(r -> r.ratedOn().equals(ratedOn))) {
            throw Refusal.conflict("already-rated", ratedOn);
        }
        ratings.add(new Rating(stars, ratedOn, by, clock.instant()));
        ratings.sort(Comparator.comparing(Rating::ratedOn));
        register(new FacilityRated(id, division.value(), stars, ratedOn), clock);
    }

    public void fireSafety(FireSafety.Status status, LocalDate since, Clock clock) {
        if (since.isAfter(LocalDate.now(clock))) {
            throw Refusal.invalid("date-not-past", since).on("since");
        }
        fireSafety = new FireSafety(status, since);
    }

    public void caregivers(int total, int certified, LocalDate reportedOn, Clock clock) {
        if (certified > total) {
            throw Refusal.rule("certified-above-total", certified, total).on("certified");
        }
        if (reportedOn.isAfter(LocalDate.now(clock))) {
            throw Refusal.invalid("date-not-past", reportedOn).on("reportedOn");
        }
        caregivers = new Caregivers(total, certified, reportedOn);
    }

    /**
     * The operator's registration was revoked: the facility is flagged for the officers. False when it already is
     * (a redelivered event) or when this facility has another operator.
     */
    public boolean operatorRevoked(String creditCode, LocalDate revokedOn, String reason, String eventId) {
        if (operator == null || operator.creditCode() == null || !operator.creditCode().value().equals(creditCode)
                || operatorSuspension != null) {
            return false;
        }
        operatorSuspension = new OperatorSuspension(revokedOn, reason, eventId);
        return true;
    }

    public OperatorSuspension operatorSuspension() {
        return operatorSuspension;
    }

    /** The current rating: the latest one rated. */
    public Optional<Rating> rating() {
        return ratings.isEmpty() ? Optional.empty() : Optional.of(ratings.getLast());
    }

    public List<Rating> ratings() {
        return List.copyOf(ratings);
    }

    public FireSafety fireSafety() {
        return fireSafety;
    }

    public Caregivers caregivers() {
        return caregivers;
    }

    /** Beds of a type: nursing-type ones, and the rest as general beds. */
    public int beds(BedType type) {
        return type == BedType.NURSING ? nursingBeds : totalBeds - nursingBeds;
    }

    /** 护理型床位占比, to the hundredth of a percent; null for a facility without beds. */
    public BigDecimal nursingBedRatio() {
        return totalBeds == 0 ? null : BigDecimal.valueOf(nursingBeds * 100L).divide(BigDecimal.valueOf(totalBeds), 2,
                RoundingMode.HALF_UP);
    }

    /** What staff may do with a facility now (its read answers them; the acts refuse the rest). */
    public enum Action {
        ADMIT, REPORT_CAREGIVERS, RECORD_MEAL, RATE, RECORD_FIRE_SAFETY, INSPECT
    }

    /**
     * The acts the facility allows this person: admission where people live ({@link #requireResidential()}; full
     * or not, admission says), and meals where they are served, by its own staff or an eldercare officer; caregivers
     * reported by either; the star
     * rating, fire safety and safety inspections are the officer's.
     */
    public java.util.List<Action> actions(boolean officer, boolean ownStaff) {
        java.util.List<Action> actions = new java.util.ArrayList<>();
        if (officer || ownStaff) {
            if (type.residential()) {
                actions.add(Action.ADMIT);
            }
            actions.add(Action.REPORT_CAREGIVERS);
            if (type.servesMeals()) {
                actions.add(Action.RECORD_MEAL);
            }
        }
        if (officer) {
            actions.addAll(java.util.List.of(Action.RATE, Action.RECORD_FIRE_SAFETY, Action.INSPECT));
        }
        return actions;
    }

    public void requireResidential() {
        if (!type.residential()) {
            throw Refusal.rule("not-residential", name, Refusal.term("facility." + type));
        }
    }

    /** True when its operator's contract ends on or before the day (a worklist item for officers). */
    public boolean contractEndsBy(LocalDate day) {
        return operator != null && operator.contractEnds() != null && !operator.contractEnds().isAfter(day);
    }

    @Override
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public FacilityType type() {
        return type;
    }

    public Ownership ownership() {
        return ownership;
    }

    public Operator operator() {
        return operator;
    }

    public String filingNumber() {
        return filingNumber;
    }

    public DivisionCode division() {
        return division;
    }

    public String address() {
        return address;
    }

    public int totalBeds() {
        return totalBeds;
    }

    public int nursingBeds() {
        return nursingBeds;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
