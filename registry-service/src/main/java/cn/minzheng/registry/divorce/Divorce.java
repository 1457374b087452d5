package cn.minzheng.registry.divorce;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.registry.divorce.messaging.DivorceDatesChanged;
import cn.minzheng.registry.divorce.messaging.DivorceRegistered;
import cn.minzheng.registry.office.Office;
import cn.minzheng.platform.time.LegalCalendar;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A divorce application and its clock. Both periods are legal periods of days (Civil Code arts. 201-203): they
 * start the day after, and one that ends on a holiday or rest day ends on the next working day. Cooling-off ends
 * {@code coolingOffEnds}; registration is possible from the day after until {@code certificateDeadline}; after that
 * the application is deemed withdrawn (by {@link DivorceService#deemWithdrawnWherePast}).
 */
@Document("divorces")
public class Divorce extends OutboxAggregate {

    static final int COOLING_OFF_DAYS = 30;
    static final int REGISTRATION_DAYS = 30;

    public enum Status {
        COOLING_OFF, WITHDRAWN, DEEMED_WITHDRAWN, REGISTERED, ENDED_BY_DEATH
    }

    public enum Party {
        A, B
    }

    @Id
    private final String id;
    private final String marriageId;
    private final String officeId;
    private final DivisionCode division;
    private final List<String> personRefs;
    private final LocalDate appliedOn;
    private final String appliedBy;
    private LocalDate coolingOffEnds;
    private LocalDate certificateDeadline;
    private final List<CounsellingSession> counselling;
    private final List<DateChange> dateChanges;
    private Status status;
    private LocalDate closedOn;
    private String closedBy;
    private Party withdrawnBy;
    private String certificateNo;

    @PersistenceCreator
    Divorce(String id, String marriageId, String officeId, DivisionCode division, List<String> personRefs,
            LocalDate appliedOn, String appliedBy, LocalDate coolingOffEnds, LocalDate certificateDeadline,
            List<CounsellingSession> counselling, Status status, LocalDate closedOn, String closedBy,
            Party withdrawnBy, String certificateNo, List<DateChange> dateChanges) {
        this.id = id;
        this.marriageId = marriageId;
        this.officeId = officeId;
        this.division = division;
        this.personRefs = List.copyOf(personRefs);
        this.appliedOn = appliedOn;
        this.appliedBy = appliedBy;
        this.coolingOffEnds = coolingOffEnds;
        this.certificateDeadline = certificateDeadline;
        this.counselling = counselling == null ? new ArrayList<>() : new ArrayList<>(counselling);
        this.status = status;
        this.closedOn = closedOn;
        this.closedBy = closedBy;
        this.withdrawnBy = withdrawnBy;
        this.certificateNo = certificateNo;
        this.dateChanges = dateChanges == null ? new ArrayList<>() : new ArrayList<>(dateChanges);
    }

    static Divorce apply(Office office, String marriageId, List<String> personRefs, String by,
            LegalCalendar calendar, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        LocalDate coolingOffEnds = coolingOffEnds(today, calendar);
        return new Divorce("div-" + UUID.randomUUID(), marriageId, office.id(), office.division(), personRefs, today,
                by, coolingOffEnds, certificateDeadline(coolingOffEnds, office, calendar), List.of(),
                Status.COOLING_OFF, null, null, null, null, List.of());
    }

    private static LocalDate coolingOffEnds(LocalDate appliedOn, LegalCalendar calendar) {
        return calendar.periodOfDays(appliedOn, COOLING_OFF_DAYS).date();
    }

    /**
     * The last day to register: a legal period of days from the end of cooling-off, and, because the couple must be
     * able to come that day, moved on to the office's next registration day when the office does not register then.
     */
    private static LocalDate certificateDeadline(LocalDate coolingOffEnds, Office office, LegalCalendar calendar) {
        LocalDate legalEnd = calendar.periodOfDays(coolingOffEnds, REGISTRATION_DAYS).date();
        return office == null ? legalEnd : office.nextRegistrationDay(legalEnd, calendar).orElse(legalEnd);
    }

    /**
     * Recalculates both dates on the calendar and office as they are now. A date only ever moves later: a shorter
     * result leaves the date the couple was given and says so in the history (once per result). Applications no
     * longer open on {@code today} are left alone. When a date moved, the event tells the couple's apps.
     */
    Recalculated recalculate(LegalCalendar calendar, Office office, String reason, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (!isOpenOn(today)) {
            return Recalculated.NOTHING;
        }
        int history = dateChanges.size();
        LocalDate previousCoolingOff = coolingOffEnds;
        LocalDate previousDeadline = certificateDeadline;
        coolingOffEnds = recalculated("coolingOffEnds", coolingOffEnds, coolingOffEnds(appliedOn, calendar), reason,
                clock);
        certificateDeadline = recalculated("certificateDeadline", certificateDeadline,
                certificateDeadline(coolingOffEnds, office, calendar), reason, clock);
        certificateDeadline = onAnOpenDay(certificateDeadline, office, calendar, reason, clock);
        boolean moved = !coolingOffEnds.equals(previousCoolingOff) || !certificateDeadline.equals(previousDeadline);
        if (moved) {
            register(new DivorceDatesChanged(id, personRefs, officeId, coolingOffEnds, certificateDeadline,
                    previousCoolingOff, previousDeadline, reason), clock);
            return Recalculated.MOVED;
        }
        return dateChanges.size() > history ? Recalculated.KEPT : Recalculated.NOTHING;
    }

    /**
     * Whatever its origin (calculated now, or kept from an earlier, longer result), the last day must be one the
     * couple can come: on a day the office does not register it moves to the office's next registration day.
     */
    private LocalDate onAnOpenDay(LocalDate deadline, Office office, LegalCalendar calendar, String reason,
            Clock clock) {
        LocalDate open = office == null ? deadline : office.nextRegistrationDay(deadline, calendar).orElse(deadline);
        if (open.isAfter(deadline)) {
            dateChanges.add(new DateChange(clock.instant(), "certificateDeadline", deadline, open, open, reason));
        }
        return open;
    }

    /** What a recalculation did: nothing, only noted that a shorter result was not applied, or moved a date. */
    enum Recalculated {
        NOTHING, KEPT, MOVED
    }

    private LocalDate recalculated(String date, LocalDate given, LocalDate calculated, String reason, Clock clock) {
        if (calculated.isAfter(given)) {
            dateChanges.add(new DateChange(clock.instant(), date, given, calculated, calculated, reason));
            return calculated;
        }
        boolean keptBefore = dateChanges.stream().anyMatch(change -> change.date().equals(date) && change.kept()
                && change.calculated().equals(calculated) && change.from().equals(given));
        if (calculated.isBefore(given) && !keptBefore) {
            dateChanges.add(new DateChange(clock.instant(), date, given, given, calculated, reason));
        }
        return given;
    }

    /** Either party may withdraw while cooling-off lasts (art. 1077, first paragraph). */
    void withdraw(Party party, String by, Clock clock) {
        requireStatus(Status.COOLING_OFF);
        LocalDate today = LocalDate.now(clock);
        if (today.isAfter(coolingOffEnds)) {
            throw Refusal.conflict("cooling-off-over", coolingOffEnds, certificateDeadline);
        }
        status = Status.WITHDRAWN;
        withdrawnBy = party;
        closedOn = today;
        closedBy = by;
    }

    /** Refuses with the dates unless today lies after cooling-off and on or before the deadline. */
    void requireRegistrable(Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (statusOn(today) == Status.DEEMED_WITHDRAWN) {
            throw Refusal.conflict("deemed-withdrawn", certificateDeadline, coolingOffEnds);
        }
        requireStatus(Status.COOLING_OFF);
        if (!today.isAfter(coolingOffEnds)) {
            throw Refusal.conflict("cooling-off", coolingOffEnds, appliedOn, coolingOffEnds.plusDays(1),
                    certificateDeadline);
        }
    }

    void registered(String number, String by, Clock clock) {
        requireRegistrable(clock);
        status = Status.REGISTERED;
        certificateNo = number;
        closedOn = LocalDate.now(clock);
        closedBy = by;
        register(new DivorceRegistered(id, marriageId, personRefs, officeId, division.value(), closedOn), clock);
    }

    /** A spouse died while the application was open: there is no marriage left to dissolve. False if closed. */
    boolean endedByDeath(LocalDate dateOfDeath, String by) {
        if (status != Status.COOLING_OFF) {
            return false;
        }
        status = Status.ENDED_BY_DEATH;
        closedOn = dateOfDeath;
        closedBy = by;
        return true;
    }

    /** True when the deadline has passed without registration and the application now lapses. */
    boolean lapseIfPast(Clock clock) {
        if (status != Status.COOLING_OFF || !LocalDate.now(clock).isAfter(certificateDeadline)) {
            return false;
        }
        status = Status.DEEMED_WITHDRAWN;
        closedOn = certificateDeadline.plusDays(1);
        closedBy = "system:deadline";
        return true;
    }

    CounsellingSession offerCounselling(String counsellor, String by, Clock clock) {
        requireStatus(Status.COOLING_OFF);
        CounsellingSession session = new CounsellingSession("cs-" + UUID.randomUUID(), counsellor, clock.instant(),
                by, CounsellingSession.Response.OFFERED, null, null);
        counselling.add(session);
        return session;
    }

    void answerCounselling(String sessionId, boolean accepted) {
        int index = session(sessionId);
        if (counselling.get(index).response() != CounsellingSession.Response.OFFERED) {
            throw Refusal.conflict("already-answered",
                    Refusal.term("counselling." + counselling.get(index).response()));
        }
        counselling.set(index, counselling.get(index).answered(accepted ? CounsellingSession.Response.ACCEPTED
                : CounsellingSession.Response.DECLINED));
    }

    void concludeCounselling(String sessionId, String outcome, String note) {
        int index = session(sessionId);
        if (counselling.get(index).response() != CounsellingSession.Response.ACCEPTED) {
            throw Refusal.conflict("not-accepted");
        }
        counselling.set(index, counselling.get(index).concluded(outcome, note));
    }

    private int session(String sessionId) {
        for (int i = 0; i < counselling.size(); i++) {
            if (counselling.get(i).id().equals(sessionId)) {
                return i;
            }
        }
        throw Refusal.notFound("not-found", Refusal.term("counselling"), sessionId).as("not-found.id");
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            throw Refusal.conflict("wrong-status", Refusal.term("divorce." + status),
                    closedOn == null ? "-" : closedOn).as("wrong-status.divorce");
        }
    }

    /**
     * The status as the law has it on that day, whether or not the lapse job has written it yet: past its
     * certificate deadline an unregistered application is deemed withdrawn at once (art. 1077).
     */
    public Status statusOn(LocalDate day) {
        return status == Status.COOLING_OFF && day.isAfter(certificateDeadline) ? Status.DEEMED_WITHDRAWN : status;
    }

    /** The day it closed, as of that day (the day after the deadline for one deemed withdrawn by time). */
    public LocalDate closedOnAsOf(LocalDate day) {
        return closedOn == null && statusOn(day) == Status.DEEMED_WITHDRAWN ? certificateDeadline.plusDays(1)
                : closedOn;
    }

    /** Where an open application stands within its status COOLING_OFF (the status API.md keeps). */
    public enum Phase {
        /** Within the 30 days of art. 1077: either party may withdraw, nobody may register. */
        COOLING_OFF,
        /** Cooling-off over: registrable until the certificate deadline. */
        REGISTRABLE
    }

    /** What a registrar may do on an open application. */
    public enum Action { WITHDRAW, REGISTER }

    /**
     * The acts the application accepts on that day, by the rules {@link #withdraw} and {@link #requireRegistrable}
     * apply: withdrawal during cooling-off, registration after it until the deadline (the affordances a read
     * answers, so a workbench shows those buttons and no others).
     */
    public java.util.Set<Action> actionsOn(LocalDate day) {
        return phaseOn(day).map(phase -> phase == Phase.COOLING_OFF ? java.util.Set.of(Action.WITHDRAW)
                : java.util.Set.of(Action.REGISTER)).orElse(java.util.Set.of());
    }

    /** The phase on that day, read when asked; empty once the application is closed (or lapsed by time). */
    public Optional<Phase> phaseOn(LocalDate day) {
        if (!isOpenOn(day)) {
            return Optional.empty();
        }
        return Optional.of(day.isAfter(coolingOffEnds) ? Phase.REGISTRABLE : Phase.COOLING_OFF);
    }

    /** Open on that day: in cooling-off or waiting for registration, and not past the deadline. */
    public boolean isOpenOn(LocalDate day) {
        return statusOn(day) == Status.COOLING_OFF;
    }

    @Override
    public String id() {
        return id;
    }

    public String marriageId() {
        return marriageId;
    }

    public String officeId() {
        return officeId;
    }

    public DivisionCode division() {
        return division;
    }

    public List<String> personRefs() {
        return personRefs;
    }

    public LocalDate appliedOn() {
        return appliedOn;
    }

    public String appliedBy() {
        return appliedBy;
    }

    public LocalDate coolingOffEnds() {
        return coolingOffEnds;
    }

    public LocalDate certificateDeadline() {
        return certificateDeadline;
    }

    public List<CounsellingSession> counselling() {
        return List.copyOf(counselling);
    }

    public List<DateChange> dateChanges() {
        return List.copyOf(dateChanges);
    }

    public Status status() {
        return status;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public Party withdrawnBy() {
        return withdrawnBy;
    }

    public String certificateNo() {
        return certificateNo;
    }
}
