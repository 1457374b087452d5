package cn.minzheng.orgs.support;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * A donation pledged to a recognised charity (慈善捐赠), and what of it was received, in instalments: never more
 * than was pledged. The donor is named by kind and, for a person, not at all (a person's name is theirs).
 */
public class Donation extends OutboxAggregate {

    public enum DonorKind {
        PERSON, ENTERPRISE, ORGANIZATION
    }

    public record Receipt(BigDecimal amount, LocalDate receivedOn, String by) {
    }

    @Id
    private final String id;
    private final String orgId;
    private final DivisionCode division;
    private final DonorKind donorKind;
    private final String donorName;
    private final String purpose;
    private final BigDecimal pledged;
    private final LocalDate pledgedOn;
    private final List<Receipt> receipts;

    @PersistenceCreator
    Donation(String id, String orgId, DivisionCode division, DonorKind donorKind, String donorName, String purpose,
            BigDecimal pledged, LocalDate pledgedOn, List<Receipt> receipts, long version) {
        this.id = id;
        this.orgId = orgId;
        this.division = division;
        this.donorKind = donorKind;
        this.donorName = donorName;
        this.purpose = purpose;
        this.pledged = pledged;
        this.pledgedOn = pledgedOn;
        this.receipts = new ArrayList<>(receipts == null ? List.of() : receipts);
        this.version = version;
    }

    /** A pledge to an organisation that is a recognised charity ({@code charity} as of the pledge). */
    public static Donation pledge(String orgId, boolean charity, DivisionCode division, DonorKind kind,
            String donorName, String purpose, BigDecimal amount, LocalDate on, Clock clock) {
        if (!charity) {
            throw Refusal.rule("not-a-charity").on("organizationId");
        }
        if (amount.signum() <= 0) {
            throw Refusal.invalid("donation-amount-positive").on("pledged");
        }
        if (on.isAfter(LocalDate.now(clock))) {
            throw Refusal.rule("date-in-future", on).on("pledgedOn");
        }
        return new Donation("don-" + UUID.randomUUID(), orgId, division, kind,
                kind == DonorKind.PERSON || donorName == null ? null : donorName.strip(),
                purpose == null ? null : purpose.strip(), amount, on, List.of(), 0);
    }

    public enum Action {
        RECEIVE
    }

    /** By the rule {@link #receive} keeps: an officer enters receipts until the pledge is received in full. */
    public List<Action> actions(boolean officer) {
        return officer && received().compareTo(pledged) < 0 ? List.of(Action.RECEIVE) : List.of();
    }

    public void receive(BigDecimal amount, LocalDate on, String by, Clock clock) {
        if (amount.signum() <= 0) {
            throw Refusal.invalid("donation-amount-positive").on("amount");
        }
        if (on.isBefore(pledgedOn) || on.isAfter(LocalDate.now(clock))) {
            throw Refusal.rule("received-out-of-range", on, pledgedOn).on("receivedOn");
        }
        if (received().add(amount).compareTo(pledged) > 0) {
            throw Refusal.rule("received-exceeds-pledge", pledged, received()).on("amount");
        }
        receipts.add(new Receipt(amount, on, by));
    }

    public BigDecimal received() {
        return receipts.stream().map(Receipt::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public String id() {
        return id;
    }

    public String orgId() {
        return orgId;
    }

    public DivisionCode division() {
        return division;
    }

    public DonorKind donorKind() {
        return donorKind;
    }

    public String donorName() {
        return donorName;
    }

    public String purpose() {
        return purpose;
    }

    public BigDecimal pledged() {
        return pledged;
    }

    public LocalDate pledgedOn() {
        return pledgedOn;
    }

    public List<Receipt> receipts() {
        return List.copyOf(receipts);
    }
}
