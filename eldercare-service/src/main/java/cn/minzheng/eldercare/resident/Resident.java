package cn.minzheng.eldercare.resident;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.minzheng.eldercare.facility.BedType;
import cn.minzheng.eldercare.facility.Facility;
import cn.minzheng.eldercare.resident.messaging.ResidentAdmitted;
import cn.minzheng.eldercare.resident.messaging.ResidentDischarged;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person's stay in a care home: admitted on a bed of a type with an ability assessment that sets the care level,
 * reassessed over time, discharged with a reason (DECEASED when a death is recorded).
 */
@Document("residents")
public class Resident extends OutboxAggregate {

    public enum Status {
        ADMITTED, DISCHARGED
    }

    @Id
    private final String id;
    private final String facilityId;
    private final DivisionCode division;
    private final Elder elder;
    private final BedType bedType;
    private final LocalDate admittedOn;
    private final String admittedBy;
    private final List<Reassessment> assessments;
    private Status status;
    private LocalDate dischargedOn;
    private String dischargeReason;
    private String dischargedBy;

    @PersistenceCreator
    Resident(String id, String facilityId, DivisionCode division, Elder elder, BedType bedType, LocalDate admittedOn,
            String admittedBy, List<Reassessment> assessments, Status status, LocalDate dischargedOn,
            String dischargeReason, String dischargedBy) {
        this.id = id;
        this.facilityId = facilityId;
        this.division = division;
        this.elder = elder;
        this.bedType = bedType;
        this.admittedOn = admittedOn;
        this.admittedBy = admittedBy;
        this.assessments = assessments == null ? new ArrayList<>() : new ArrayList<>(assessments);
        this.status = status;
        this.dischargedOn = dischargedOn;
        this.dischargeReason = dischargeReason;
        this.dischargedBy = dischargedBy;
    }

    static Resident admit(Facility facility, Elder elder, AbilityLevel ability, BedType bedType, String by,
            Clock clock) {
        LocalDate today = LocalDate.now(clock);
        Resident resident = new Resident("res-" + UUID.randomUUID(), facility.id(), facility.division(), elder,
                bedType, today, by, List.of(new Reassessment(today, ability, ability.careLevel(), by,
                        clock.instant())), Status.ADMITTED, null, null, null);
        resident.register(new ResidentAdmitted(resident.id, facility.id(), elder.personRef(),
                facility.division().value(), ability.name(), ability.careLevel().name(), bedType.name(), today),
                clock);
        return resident;
    }

    /** A new assessment; the care level follows it. */
    void reassess(AbilityLevel ability, LocalDate assessedOn, String by, Clock clock) {
        requireAdmitted();
        if (assessedOn.isBefore(admittedOn) || assessedOn.isAfter(LocalDate.now(clock))) {
            throw Refusal.invalid("date-outside-stay", assessedOn, admittedOn).on("assessedOn");
        }
        assessments.add(new Reassessment(assessedOn, ability, ability.careLevel(), by, clock.instant()));
    }

    /** Ends the stay; a discharge dated before admission or in the future is refused. */
    void discharge(String reason, LocalDate on, String by, Clock clock) {
        requireAdmitted();
        if (on.isBefore(admittedOn) || on.isAfter(LocalDate.now(clock))) {
            throw Refusal.invalid("date-outside-stay", on, admittedOn).on("date");
        }
        status = Status.DISCHARGED;
        dischargedOn = on;
        dischargeReason = reason;
        dischargedBy = by;
        register(new ResidentDischarged(id, facilityId, elder.personRef(), division.value(), reason, on), clock);
    }

    /** What staff who act on a facility may do with a resident: reassess and discharge while they live there. */
    public enum Action {
        REASSESS, DISCHARGE
    }

    /** The acts the stay allows now, the same check as {@link #requireAdmitted()}. */
    public java.util.List<Action> actions() {
        return status == Status.ADMITTED ? java.util.List.of(Action.values()) : java.util.List.of();
    }

    private void requireAdmitted() {
        if (status != Status.ADMITTED) {
            throw Refusal.conflict("already-discharged", dischargedOn, Refusal.term("discharge." + reasonTerm()));
        }
    }

    private String reasonTerm() {
        return "DECEASED".equals(dischargeReason) ? "DECEASED" : "OTHER";
    }

    public AbilityLevel abilityLevel() {
        return assessments.getLast().abilityLevel();
    }

    public AbilityLevel.CareLevel careLevel() {
        return assessments.getLast().careLevel();
    }

    @Override
    public String id() {
        return id;
    }

    public String facilityId() {
        return facilityId;
    }

    public DivisionCode division() {
        return division;
    }

    public Elder elder() {
        return elder;
    }

    public BedType bedType() {
        return bedType;
    }

    public LocalDate admittedOn() {
        return admittedOn;
    }

    public String admittedBy() {
        return admittedBy;
    }

    public List<Reassessment> assessments() {
        return List.copyOf(assessments);
    }

    public Status status() {
        return status;
    }

    public LocalDate dischargedOn() {
        return dischargedOn;
    }

    public String dischargeReason() {
        return dischargeReason;
    }

    public String dischargedBy() {
        return dischargedBy;
    }
}
