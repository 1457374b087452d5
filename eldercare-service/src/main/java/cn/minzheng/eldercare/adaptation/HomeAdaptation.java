package cn.minzheng.eldercare.adaptation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.minzheng.eldercare.resident.Elder;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 适老化改造 for a poor older person's home: assessed, built, accepted, subsidised, in that order and no other. The
 * subsidy is the accepted cost up to the county's cap; a failed acceptance sends the work back to construction.
 */
@Document("home_adaptations")
public class HomeAdaptation extends OutboxAggregate {

    public enum Status {
        ASSESSED, UNDER_CONSTRUCTION, ACCEPTED
    }

    @Id
    private final String id;
    private final Elder elder;
    private final DivisionCode division;
    private final String address;
    private final List<String> items;
    private final LocalDate assessedOn;
    private final BigDecimal estimatedCost;
    private final String assessedBy;
    private Status status;
    private LocalDate constructionStartedOn;
    private String contractor;
    private LocalDate acceptedOn;
    private BigDecimal finalCost;
    private BigDecimal subsidy;
    private String acceptanceNote;

    @PersistenceCreator
    HomeAdaptation(String id, Elder elder, DivisionCode division, String address, List<String> items,
            LocalDate assessedOn, BigDecimal estimatedCost, String assessedBy, Status status,
            LocalDate constructionStartedOn, String contractor, LocalDate acceptedOn, BigDecimal finalCost,
            BigDecimal subsidy, String acceptanceNote) {
        this.id = id;
        this.elder = elder;
        this.division = division;
        this.address = address;
        this.items = List.copyOf(items);
        this.assessedOn = assessedOn;
        this.estimatedCost = estimatedCost;
        this.assessedBy = assessedBy;
        this.status = status;
        this.constructionStartedOn = constructionStartedOn;
        this.contractor = contractor;
        this.acceptedOn = acceptedOn;
        this.finalCost = finalCost;
        this.subsidy = subsidy;
        this.acceptanceNote = acceptanceNote;
    }

    static HomeAdaptation assess(Elder elder, DivisionCode division, String address, List<String> items,
            LocalDate assessedOn, BigDecimal estimatedCost, String by, Clock clock) {
        notAfterToday(assessedOn, "assessedOn", clock);
        return new HomeAdaptation("ha-" + UUID.randomUUID(), elder, division, address, items, assessedOn,
                estimatedCost, by, Status.ASSESSED, null, null, null, null, null, null);
    }

    public enum Action {
        START_CONSTRUCTION, ACCEPT
    }

    /** By the order the steps keep ({@code wrong-status} otherwise): construction after the assessment, then acceptance. */
    public java.util.List<Action> actions(boolean officer) {
        if (!officer || status == Status.ACCEPTED) {
            return java.util.List.of();
        }
        return java.util.List.of(status == Status.ASSESSED ? Action.START_CONSTRUCTION : Action.ACCEPT);
    }

    void startConstruction(LocalDate startedOn, String contractor, Clock clock) {
        requireStatus(Status.ASSESSED);
        notAfterToday(startedOn, "startedOn", clock);
        if (startedOn.isBefore(assessedOn)) {
            throw Refusal.invalid("date-before-step", startedOn, assessedOn).on("startedOn");
        }
        status = Status.UNDER_CONSTRUCTION;
        constructionStartedOn = startedOn;
        this.contractor = contractor;
    }

    /** Acceptance (验收): passed, the subsidy is the final cost up to the cap; failed, the work goes on. */
    void accept(LocalDate on, boolean passed, BigDecimal cost, String note, BigDecimal cap, Clock clock) {
        requireStatus(Status.UNDER_CONSTRUCTION);
        notAfterToday(on, "acceptedOn", clock);
        if (on.isBefore(constructionStartedOn)) {
            throw Refusal.invalid("date-before-step", on, constructionStartedOn).on("acceptedOn");
        }
        acceptanceNote = note;
        if (!passed) {
            return;
        }
        status = Status.ACCEPTED;
        acceptedOn = on;
        finalCost = cost;
        subsidy = cost.min(cap);
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            throw Refusal.conflict("wrong-status", Refusal.term("adaptation." + status)).as("wrong-status.adaptation");
        }
    }

    private static void notAfterToday(LocalDate day, String field, Clock clock) {
        if (day.isAfter(LocalDate.now(clock))) {
            throw Refusal.invalid("date-not-past", day).on(field);
        }
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

    public String address() {
        return address;
    }

    public List<String> items() {
        return items;
    }

    public LocalDate assessedOn() {
        return assessedOn;
    }

    public BigDecimal estimatedCost() {
        return estimatedCost;
    }

    public Status status() {
        return status;
    }

    public LocalDate constructionStartedOn() {
        return constructionStartedOn;
    }

    public String contractor() {
        return contractor;
    }

    public LocalDate acceptedOn() {
        return acceptedOn;
    }

    public BigDecimal finalCost() {
        return finalCost;
    }

    public BigDecimal subsidy() {
        return subsidy;
    }

    public String acceptanceNote() {
        return acceptanceNote;
    }
}
