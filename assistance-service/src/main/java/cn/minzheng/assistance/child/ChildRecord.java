package cn.minzheng.assistance.child;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.ProtectedIdNumber;
import cn.minzheng.platform.personal.ProtectedValue;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A child followed by the bureau (collection {@code children}, id {@code child-<personRef>}): the category, the risk
 * level with its reason (each assessment kept), the child director assigned, the entrusted-guardianship agreements
 * and the visits. The next visit is due a number of days after the last one (or the record's opening) that depends
 * on the risk level, and {@code nextVisitDue} is stored so the overdue worklist is one query.
 */
@Document("children")
public class ChildRecord extends OutboxAggregate {

    public enum Category {
        /** 困境儿童. */
        IN_DIFFICULTY,
        /** 农村留守儿童. */
        LEFT_BEHIND,
        /** 孤儿. */
        ORPHAN,
        /** 事实无人抚养儿童. */
        UNSUPPORTED
    }

    /** Visit intervals by risk (county practice: high risk monthly, medium quarterly, low twice a year). */
    public enum Risk {
        HIGH(30), MEDIUM(90), LOW(180);

        private final int visitEveryDays;

        Risk(int visitEveryDays) {
            this.visitEveryDays = visitEveryDays;
        }

        public int visitEveryDays() {
            return visitEveryDays;
        }
    }

    /** 委托监护责任确认书: who is entrusted, until when, signed on which day. */
    public record Agreement(String guardianName, String relation, ProtectedValue guardianPhone, LocalDate validFrom,
            LocalDate validUntil, LocalDate signedOn, String recordedBy) {

        public boolean validOn(LocalDate day) {
            return !validFrom.isAfter(day) && !validUntil.isBefore(day);
        }
    }

    public record Visit(LocalDate on, String by, String note) {
    }

    public record Assessment(Risk risk, String reason, String by, Instant at) {
    }

    @Id
    private final String id;
    private final ProtectedIdNumber idNumber;
    private final String name;
    private final LocalDate birthDate;
    private final DivisionCode division;
    private final Category category;
    private Risk risk;
    private String riskReason;
    private String directorUsername;
    private final List<Assessment> assessments;
    private final List<Agreement> agreements;
    private final List<Visit> visits;
    private LocalDate nextVisitDue;
    private final LocalDate openedOn;

    @PersistenceCreator
    ChildRecord(String id, ProtectedIdNumber idNumber, String name, LocalDate birthDate, DivisionCode division,
            Category category, Risk risk, String riskReason, String directorUsername, List<Assessment> assessments,
            List<Agreement> agreements, List<Visit> visits, LocalDate nextVisitDue, LocalDate openedOn) {
        this.id = id;
        this.idNumber = idNumber;
        this.name = name;
        this.birthDate = birthDate;
        this.division = division;
        this.category = category;
        this.risk = risk;
        this.riskReason = riskReason;
        this.directorUsername = directorUsername;
        this.assessments = new ArrayList<>(assessments == null ? List.of() : assessments);
        this.agreements = new ArrayList<>(agreements == null ? List.of() : agreements);
        this.visits = new ArrayList<>(visits == null ? List.of() : visits);
        this.nextVisitDue = nextVisitDue;
        this.openedOn = openedOn;
    }

    public static String idFor(String personRef) {
        return "child-" + personRef;
    }

    public static ChildRecord open(ProtectedIdNumber idNumber, String name, LocalDate birthDate, DivisionCode village,
            Category category, Risk risk, String reason, String directorUsername, String by, Clock clock) {
        if (village.level() != DivisionCode.Level.VILLAGE) {
            throw Refusal.invalid("invalid-division-code").as("child-record-division").on("divisionCode");
        }
        LocalDate today = LocalDate.now(clock);
        if (!birthDate.plusYears(18).isAfter(today)) {
            throw Refusal.rule("not-a-minor");
        }
        ChildRecord record = new ChildRecord(idFor(idNumber.personRef()), idNumber, name, birthDate, village,
                category, risk, reason, directorUsername, List.of(new Assessment(risk, reason, by, clock.instant())),
                List.of(), List.of(), today.plusDays(risk.visitEveryDays()), today);
        return record;
    }

    /** A new risk level with its reason; the next visit is due by the new level's interval from the last visit. */
    public void assess(Risk newRisk, String reason, String by, Clock clock) {
        risk = newRisk;
        riskReason = reason;
        assessments.add(new Assessment(newRisk, reason, by, clock.instant()));
        nextVisitDue = lastSeen().plusDays(newRisk.visitEveryDays());
    }

    public void assign(String director) {
        directorUsername = director;
    }

    public void sign(Agreement agreement, Clock clock) {
        if (agreement.validUntil().isBefore(agreement.validFrom())) {
            throw Refusal.invalid("invalid-request").as("agreement-period-reversed").on("validUntil");
        }
        if (agreement.signedOn().isAfter(LocalDate.now(clock))) {
            throw Refusal.invalid("invalid-request").as("date-in-future").on("signedOn");
        }
        agreements.add(agreement);
    }

    public void visited(Visit visit, Clock clock) {
        if (visit.on().isAfter(LocalDate.now(clock))) {
            throw Refusal.invalid("invalid-request").as("date-in-future").on("on");
        }
        if (visit.on().isBefore(openedOn)) {
            throw Refusal.invalid("invalid-request").as("visit-before-record").on("on");
        }
        visits.add(visit);
        nextVisitDue = lastSeen().plusDays(risk.visitEveryDays());
    }

    private LocalDate lastSeen() {
        return visits.stream().map(Visit::on).max(LocalDate::compareTo).orElse(openedOn);
    }

    /** True when read: overdue is the day after the due day, not when a job notices. */
    public boolean visitOverdue(LocalDate today) {
        return nextVisitDue.isBefore(today);
    }

    public boolean assignedTo(String username) {
        return username != null && username.equals(directorUsername);
    }

    @Override
    public String id() {
        return id;
    }

    public ProtectedIdNumber idNumber() {
        return idNumber;
    }

    public String name() {
        return name;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public DivisionCode division() {
        return division;
    }

    public Category category() {
        return category;
    }

    public Risk risk() {
        return risk;
    }

    public String riskReason() {
        return riskReason;
    }

    public String directorUsername() {
        return directorUsername;
    }

    public List<Assessment> assessments() {
        return List.copyOf(assessments);
    }

    public List<Agreement> agreements() {
        return List.copyOf(agreements);
    }

    public List<Visit> visits() {
        return List.copyOf(visits);
    }

    public LocalDate nextVisitDue() {
        return nextVisitDue;
    }

    public LocalDate openedOn() {
        return openedOn;
    }
}
