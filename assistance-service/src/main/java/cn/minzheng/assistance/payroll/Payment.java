package cn.minzheng.assistance.payroll;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.assistance.payroll.messaging.SubsidyPaid;
import cn.minzheng.platform.events.OutboxAggregate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One payment line: an amount paid to a household for a month (regular), a holiday one-off or a temporary
 * assistance payment. Its id is derived from what it pays for, so paying the same thing twice is impossible; it
 * carries its own subsidy.paid event.
 */
@Document("payments")
public class Payment extends OutboxAggregate {


    public enum Kind {
        MONTHLY, HOLIDAY, TEMPORARY,
        /** A category allowance for the payroll's month. */
        ALLOWANCE,
        /** A category allowance for an earlier month that no payroll could pay before the decision (补发). */
        ALLOWANCE_ARREARS,
        /** A village child director's monthly stipend. */
        STIPEND
    }

    @Id
    private final String id;
    private final String payrollId;
    private final Kind kind;
    private final String householdId;
    private final String enrolmentId;
    private final DivisionCode division;
    /** A household programme (DIBAO...), an allowance programme (OLD_AGE...) or CHILD_DIRECTOR. */
    private final String programme;
    /** The person paid, for allowance and stipend lines (household lines name the household). */
    private final String personRef;
    private final YearMonth month;
    private final Money amount;
    private final Instant paidAt;

    @PersistenceCreator
    Payment(String id, String payrollId, Kind kind, String householdId, String enrolmentId, DivisionCode division,
            String programme, String personRef, YearMonth month, Money amount, Instant paidAt) {
        this.id = id;
        this.payrollId = payrollId;
        this.kind = kind;
        this.householdId = householdId;
        this.enrolmentId = enrolmentId;
        this.division = division;
        this.programme = programme;
        this.personRef = personRef;
        this.month = month;
        this.amount = amount;
        this.paidAt = paidAt;
    }

    static Payment of(String id, String payrollId, Kind kind, String householdId, String enrolmentId,
            DivisionCode division, Programme programme, YearMonth month, Money amount, Clock clock) {
        Payment payment = new Payment(id, payrollId, kind, householdId, enrolmentId, division, programme.name(), null,
                month, amount, clock.instant());
        payment.register(new SubsidyPaid(id, payrollId == null ? "" : payrollId, kind.name(), householdId,
                programme.name(), division.value(), month.toString(), amount.toString(), null, null), householdId,
                clock);
        return payment;
    }

    /**
     * A line paid to one person (a category allowance, arrears of one, a child director's stipend): the key of its
     * event is the personRef, so a person's payments stay in order.
     */
    public static Payment toPerson(String id, String payrollId, Kind kind, String personRef, String allowanceId,
            DivisionCode division, String programme, YearMonth month, Money amount, Clock clock) {
        Payment payment = new Payment(id, payrollId, kind, null, allowanceId, division, programme, personRef, month,
                amount, clock.instant());
        payment.register(new SubsidyPaid(id, payrollId, kind.name(), null, programme, division.value(),
                month.toString(), amount.toString(), personRef, allowanceId), personRef, clock);
        return payment;
    }

    public String id() {
        return id;
    }

    public String payrollId() {
        return payrollId;
    }

    public Kind kind() {
        return kind;
    }

    public String householdId() {
        return householdId;
    }

    public String enrolmentId() {
        return enrolmentId;
    }

    public DivisionCode division() {
        return division;
    }

    public String programme() {
        return programme;
    }

    public String personRef() {
        return personRef;
    }

    public YearMonth month() {
        return month;
    }

    public Money amount() {
        return amount;
    }

    public Instant paidAt() {
        return paidAt;
    }
}
