package cn.minzheng.eldercare.serviceorder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.minzheng.eldercare.resident.Elder;
import cn.minzheng.eldercare.serviceorder.messaging.ServiceOrderCompleted;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A home-care service order for an eligible older person: ordered by an officer for a provider (a registered
 * organisation), proved by the provider's own staff (check-in, check-out, place, the elder's confirmation, a photo
 * hash), and reimbursed only with that proof. Hours reimbursed are the hours proved, up to the hours ordered.
 */
@Document("service_orders")
public class ServiceOrder extends OutboxAggregate {

    public enum Status {
        ORDERED, SERVED, REIMBURSED, CANCELLED
    }

    /** Why the person may have the service: the grounds the county's rules accepted. */
    public enum Ground {
        AGE_80, ASSISTANCE, DISABILITY
    }

    @Id
    private final String id;
    private final Elder elder;
    private final DivisionCode division;
    private final CreditCode provider;
    private final String providerName;
    private final ServiceType serviceType;
    private final LocalDate plannedOn;
    private final BigDecimal hoursOrdered;
    private final BigDecimal subsidyPerHour;
    private final List<Ground> grounds;
    private final String orderedBy;
    private Status status;
    private Proof proof;
    private BigDecimal subsidy;
    private String reimbursedBy;
    private Instant reimbursedAt;
    private String cancelReason;

    @PersistenceCreator
    ServiceOrder(String id, Elder elder, DivisionCode division, CreditCode provider, String providerName,
            ServiceType serviceType, LocalDate plannedOn, BigDecimal hoursOrdered, BigDecimal subsidyPerHour,
            List<Ground> grounds, String orderedBy, Status status, Proof proof, BigDecimal subsidy,
            String reimbursedBy, Instant reimbursedAt, String cancelReason) {
        this.id = id;
        this.elder = elder;
        this.division = division;
        this.provider = provider;
        this.providerName = providerName;
        this.serviceType = serviceType;
        this.plannedOn = plannedOn;
        this.hoursOrdered = hoursOrdered;
        this.subsidyPerHour = subsidyPerHour;
        this.grounds = List.copyOf(grounds);
        this.orderedBy = orderedBy;
        this.status = status;
        this.proof = proof;
        this.subsidy = subsidy;
        this.reimbursedBy = reimbursedBy;
        this.reimbursedAt = reimbursedAt;
        this.cancelReason = cancelReason;
    }

    static ServiceOrder order(Elder elder, DivisionCode division, CreditCode provider, String providerName,
            ServiceType type, LocalDate plannedOn, BigDecimal hours, BigDecimal subsidyPerHour, List<Ground> grounds,
            String by) {
        if (grounds.isEmpty()) {
            throw Refusal.rule("service-not-eligible").on("idNumber");
        }
        return new ServiceOrder("so-" + UUID.randomUUID(), elder, division, provider, providerName, type, plannedOn,
                hours, subsidyPerHour, grounds, by, Status.ORDERED, null, null, null, null, null);
    }

    /** The provider's staff prove the service; the subsidy is for the hours proved, at most those ordered. */
    void prove(Instant checkIn, Instant checkOut, String place, boolean elderConfirmed, String photoSha256, String by,
            Clock clock) {
        requireStatus(Status.ORDERED);
        if (!checkOut.isAfter(checkIn)) {
            throw Refusal.invalid("check-out-before-check-in", checkIn, checkOut).on("checkOut");
        }
        if (checkOut.isAfter(clock.instant())) {
            throw Refusal.invalid("date-not-past", checkOut).on("checkOut");
        }
        if (!elderConfirmed) {
            throw Refusal.rule("elder-confirmation-required").on("elderConfirmed");
        }
        proof = new Proof(checkIn, checkOut, place, true, photoSha256, by, clock.instant());
        BigDecimal hours = hoursProved();
        subsidy = subsidyPerHour.multiply(hours).setScale(2, RoundingMode.HALF_UP);
        status = Status.SERVED;
        register(new ServiceOrderCompleted(id, elder.personRef(), division.value(), provider.value(),
                serviceType.name(), LocalDate.ofInstant(checkIn, clock.getZone()),
                hours.toPlainString(), subsidy.toPlainString()),
                clock);
    }

    public enum Action {
        PROVE, REIMBURSE
    }

    /**
     * By the rules {@link #prove} and {@link #reimburse} keep: the provider's own staff prove an order still
     * ordered; an officer reimburses one served.
     */
    public List<Action> actions(boolean officer, boolean providerStaff) {
        if (status == Status.ORDERED && providerStaff) {
            return List.of(Action.PROVE);
        }
        if (status == Status.SERVED && officer) {
            return List.of(Action.REIMBURSE);
        }
        return List.of();
    }

    /** Paid to the provider: only with proof. */
    void reimburse(String by, Clock clock) {
        if (status == Status.ORDERED) {
            throw Refusal.conflict("proof-required", id);
        }
        requireStatus(Status.SERVED);
        status = Status.REIMBURSED;
        reimbursedBy = by;
        reimbursedAt = clock.instant();
    }

    /** The person died or the order was withdrawn; only an order not yet served. False when already closed. */
    boolean cancel(String reason) {
        if (status != Status.ORDERED) {
            return false;
        }
        status = Status.CANCELLED;
        cancelReason = reason;
        return true;
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            throw Refusal.conflict("wrong-status", Refusal.term("order." + status)).as("wrong-status.order");
        }
    }

    /** The hours proved, to the hundredth below, at most those ordered; zero before the proof. */
    public BigDecimal hoursProved() {
        if (proof == null) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(proof.served().toMinutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.DOWN)
                .min(hoursOrdered);
    }

    @Override
    public String id() {
        return id;
    }

    public Elder elder() {
        return elder;
    }

    public DivisionCode division() {
        return division;
    }

    public CreditCode provider() {
        return provider;
    }

    public String providerName() {
        return providerName;
    }

    public ServiceType serviceType() {
        return serviceType;
    }

    public LocalDate plannedOn() {
        return plannedOn;
    }

    public BigDecimal hoursOrdered() {
        return hoursOrdered;
    }

    public BigDecimal subsidyPerHour() {
        return subsidyPerHour;
    }

    public List<Ground> grounds() {
        return grounds;
    }

    public String orderedBy() {
        return orderedBy;
    }

    public Status status() {
        return status;
    }

    public Proof proof() {
        return proof;
    }

    public BigDecimal subsidy() {
        return subsidy;
    }

    public Instant reimbursedAt() {
        return reimbursedAt;
    }

    public String cancelReason() {
        return cancelReason;
    }
}
