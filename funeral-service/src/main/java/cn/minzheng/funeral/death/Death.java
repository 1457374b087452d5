package cn.minzheng.funeral.death;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.minzheng.funeral.death.messaging.BurialCompleted;
import cn.minzheng.funeral.death.messaging.CremationCompleted;
import cn.minzheng.funeral.death.messaging.DeathRecorded;
import cn.minzheng.funeral.death.messaging.DeathRetracted;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.ProtectedIdNumber;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One person's death (collection {@code deaths}, id {@code death-<personRef>}: a person dies once, so a second
 * record for the same person is refused by the store itself). Holds where the person's household registration
 * (户籍) is, as recorded (the ID number's first six digits say where it was issued, not where the person lives),
 * the funeral home that handled it, the services given, the cremation and the burial.
 */
@Document("deaths")
public class Death extends OutboxAggregate {

    @Id
    private final String id;
    private final ProtectedIdNumber idNumber;
    private final String name;
    private final LocalDate dateOfDeath;
    private final String place;
    private final CauseCategory cause;
    private final DivisionCode residenceDivision;
    private final DivisionCode funeralHomeDivision;
    private final String funeralHome;
    private final String caseId;
    private final String recordedBy;
    private final Instant recordedAt;
    private final List<ServiceRecord> services;
    private Cremation cremation;
    private Burial burial;
    private Retraction retraction;

    /** The cremation certificate (火化证明) number and day. */
    public record Cremation(String certificateNo, LocalDate on, String recordedBy) {
    }

    @PersistenceCreator
    Death(String id, ProtectedIdNumber idNumber, String name, LocalDate dateOfDeath, String place, CauseCategory cause,
            DivisionCode residenceDivision, DivisionCode funeralHomeDivision, String funeralHome, String caseId,
            String recordedBy, Instant recordedAt, List<ServiceRecord> services, Cremation cremation, Burial burial,
            Retraction retraction) {
        this.id = id;
        this.idNumber = idNumber;
        this.name = name;
        this.dateOfDeath = dateOfDeath;
        this.place = place;
        this.cause = cause;
        this.residenceDivision = residenceDivision;
        this.funeralHomeDivision = funeralHomeDivision;
        this.funeralHome = funeralHome;
        this.caseId = caseId;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.services = new ArrayList<>(services == null ? List.of() : services);
        this.cremation = cremation;
        this.burial = burial;
        this.retraction = retraction;
    }

    public static String idFor(String personRef) {
        return "death-" + personRef;
    }

    /** Recorded by a funeral home (its division) or the provincial platform; a death in the future is refused. */
    public static Death record(ProtectedIdNumber idNumber, String name, LocalDate dateOfDeath, String place,
            CauseCategory cause, DivisionCode residenceDivision, DivisionCode funeralHomeDivision, String funeralHome,
            String caseId, String by, Clock clock) {
        if (dateOfDeath.isAfter(LocalDate.now(clock))) {
            throw Refusal.invalid("invalid-request").as("death-in-future").on("dateOfDeath");
        }
        Death death = new Death(idFor(idNumber.personRef()), idNumber, name, dateOfDeath, place, cause,
                residenceDivision, funeralHomeDivision, funeralHome, caseId, by, clock.instant(), List.of(), null,
                null, null);
        death.register(new DeathRecorded(death.id, idNumber.personRef(), dateOfDeath.toString(),
                residenceDivision.value(), caseId), idNumber.personRef(), clock);
        return death;
    }

    public void serve(ServiceRecord service, Clock clock) {
        requireStanding();
        if (service.on().isBefore(dateOfDeath) || service.on().isAfter(LocalDate.now(clock))) {
            throw Refusal.invalid("invalid-request").as("service-date").on("on");
        }
        if (service.item() == ServiceItem.CREMATION) {
            throw Refusal.invalid("invalid-request").as("cremation-by-certificate").on("item");
        }
        services.add(service);
    }

    /** Cremated once; the certificate number's uniqueness across deaths is claimed before this is saved. */
    public void cremated(String certificateNo, LocalDate on, String by, Clock clock) {
        requireStanding();
        if (cremation != null) {
            throw Refusal.conflict("already-cremated", cremation.certificateNo());
        }
        if (on.isBefore(dateOfDeath) || on.isAfter(LocalDate.now(clock))) {
            throw Refusal.invalid("invalid-request").as("service-date").on("date");
        }
        cremation = new Cremation(certificateNo, on, by);
        services.add(new ServiceRecord(ServiceItem.CREMATION, 1, on, by));
        register(new CremationCompleted(id, personRef(), certificateNo, on.toString(), funeralHomeDivision.value()),
                personRef(), clock);
    }

    /** Laid to rest once; an eco type earns the county's reward (paid once per death: this is the once). */
    public void buried(Burial.BurialType type, String cemeteryId, String plotId, LocalDate on, BigDecimal reward,
            String by, Clock clock) {
        requireStanding();
        if (burial != null) {
            throw Refusal.conflict("already-buried", burial.type().name());
        }
        if (on.isBefore(dateOfDeath) || on.isAfter(LocalDate.now(clock))) {
            throw Refusal.invalid("invalid-request").as("service-date").on("date");
        }
        boolean rewarded = type.eco() && reward.signum() > 0;
        burial = new Burial(type, cemeteryId, plotId, on, rewarded, by);
        register(new BurialCompleted(id, personRef(), type.name(), cemeteryId, on.toString(), type.eco(),
                rewarded ? reward.setScale(2).toPlainString() : null, residenceDivision.value()), personRef(), clock);
    }

    /**
     * A funeral officer proposes to retract a death recorded in error; nothing is published until a second officer
     * confirms. One proposal at a time; a retracted death is not retracted again.
     */
    public void proposeRetraction(String reason, String by, Clock clock) {
        requireStanding();
        if (retraction != null) {
            throw Refusal.conflict("retraction-pending", retraction.proposedBy());
        }
        retraction = Retraction.proposed(reason, by, clock.instant());
    }

    /** The second officer (four eyes) confirms: death.retracted is published and every office reverses what it can. */
    public void confirmRetraction(String by, String linkedCaseId, Clock clock) {
        requireStanding();
        if (retraction == null) {
            throw Refusal.conflict("no-retraction-proposed");
        }
        if (retraction.proposedBy().equals(by)) {
            throw Refusal.forbidden("four-eyes").as("four-eyes.retraction");
        }
        retraction = retraction.confirmed(by, clock.instant());
        register(new DeathRetracted(id, personRef(), dateOfDeath.toString(), residenceDivision.value(),
                linkedCaseId, retraction.reason()), personRef(), clock);
    }

    /** An office's report of what it reversed and what needs a person; false when it was already applied. */
    public boolean reversalReported(Retraction.OfficeReversal report) {
        if (!isRetracted() || retraction.offices().stream().anyMatch(r -> r.office().equals(report.office()))) {
            return false;
        }
        retraction = retraction.with(report);
        return true;
    }

    /** What a person may do on the death now (the read answers them; the acts refuse the rest). */
    public enum Action {
        RECORD_SERVICE, RECORD_CREMATION, PROPOSE_RETRACTION, CONFIRM_RETRACTION
    }

    /**
     * By the rules the acts keep: nothing is done on a retracted death; the funeral home records services and one
     * cremation; a funeral officer proposes a retraction once, and another officer confirms it.
     */
    public List<Action> actions(String username, boolean funeralHome, boolean officer) {
        if (isRetracted()) {
            return List.of();
        }
        List<Action> actions = new java.util.ArrayList<>();
        if (funeralHome) {
            actions.add(Action.RECORD_SERVICE);
            if (cremation == null) {
                actions.add(Action.RECORD_CREMATION);
            }
        }
        if (officer) {
            if (retraction == null) {
                actions.add(Action.PROPOSE_RETRACTION);
            } else if (!retraction.proposedBy().equals(username)) {
                actions.add(Action.CONFIRM_RETRACTION);
            }
        }
        return actions;
    }

    public boolean isRetracted() {
        return retraction != null && retraction.confirmedBy() != null;
    }

    private void requireStanding() {
        if (isRetracted()) {
            throw Refusal.conflict("death-retracted", id);
        }
    }

    public String personRef() {
        return idNumber.personRef();
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

    public LocalDate dateOfDeath() {
        return dateOfDeath;
    }

    public String place() {
        return place;
    }

    public CauseCategory cause() {
        return cause;
    }

    public DivisionCode residenceDivision() {
        return residenceDivision;
    }

    public DivisionCode funeralHomeDivision() {
        return funeralHomeDivision;
    }

    public String funeralHome() {
        return funeralHome;
    }

    public String caseId() {
        return caseId;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public List<ServiceRecord> services() {
        return List.copyOf(services);
    }

    public Cremation cremation() {
        return cremation;
    }

    public Burial burial() {
        return burial;
    }

    public Retraction retraction() {
        return retraction;
    }
}
