package cn.minzheng.assistance.payroll;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.assistance.payroll.messaging.PayrollCompleted;
import cn.minzheng.platform.events.OutboxAggregate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A county's payroll run for a month (发放): one per county, month and kind, so starting it again finds the same
 * run. Progress is visible while it runs; totals are counted from the payment lines when it completes.
 */
@Document("payrolls")
public class Payroll extends OutboxAggregate {


    public enum Status {
        RUNNING, COMPLETED
    }

    @Id
    private final String id;
    private final String county;
    private final YearMonth month;
    private final Payment.Kind kind;
    private final Holiday holiday;
    private Status status;
    private long processed;
    private long households;
    private Money totalAmount;
    private final String startedBy;
    private final Instant startedAt;
    private Instant completedAt;

    @PersistenceCreator
    Payroll(String id, String county, YearMonth month, Payment.Kind kind, Holiday holiday, Status status,
            long processed, long households, Money totalAmount, String startedBy, Instant startedAt,
            Instant completedAt) {
        this.id = id;
        this.county = county;
        this.month = month;
        this.kind = kind;
        this.holiday = holiday;
        this.status = status;
        this.processed = processed;
        this.households = households;
        this.totalAmount = totalAmount;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.completedAt = completedAt;
    }

    static String idFor(String county, YearMonth month, Holiday holiday) {
        return "payroll-" + county + "-" + month + (holiday == null ? "" : "-holiday-" + holiday.name());
    }

    static Payroll start(String county, YearMonth month, Holiday holiday, String by, Clock clock) {
        return new Payroll(idFor(county, month, holiday), county, month,
                holiday == null ? Payment.Kind.MONTHLY : Payment.Kind.HOLIDAY, holiday, Status.RUNNING, 0, 0,
                Money.ZERO, by, clock.instant(), null);
    }

    void progressed(long processedSoFar) {
        processed = processedSoFar;
    }

    void complete(long paidHouseholds, Money total, Map<String, PayrollCompleted.ProgrammeTotal> perProgramme,
            Clock clock) {
        status = Status.COMPLETED;
        households = paidHouseholds;
        totalAmount = total;
        completedAt = clock.instant();
        register(new PayrollCompleted(id, county, month.toString(), kind.name(), paidHouseholds, total.toString(),
                perProgramme), clock);
    }

    public String id() {
        return id;
    }

    public String county() {
        return county;
    }

    public YearMonth month() {
        return month;
    }

    public Payment.Kind kind() {
        return kind;
    }

    public Holiday holiday() {
        return holiday;
    }

    public Status status() {
        return status;
    }

    public long processed() {
        return processed;
    }

    public long households() {
        return households;
    }

    public Money totalAmount() {
        return totalAmount;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    /** 节日临时生活补助: a fixed amount for every household enrolled in the named programmes. */
    public record Holiday(String name, List<Programme> programmes, Money amountPerHousehold) {
    }
}
