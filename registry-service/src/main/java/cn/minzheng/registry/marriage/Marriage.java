package cn.minzheng.registry.marriage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.registry.marriage.messaging.MarriageBackEntered;
import cn.minzheng.registry.marriage.messaging.MarriageRegistered;
import cn.minzheng.platform.identity.Sex;
import cn.minzheng.registry.party.Party;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A marriage as the registry records it, from registration to its end by divorce or death. The legal conditions
 * of Civil Code arts. 1046-1049 are checked here, each refusal naming the party and the reason; "not married
 * already" spans records and is kept by {@link MarriageService} with a claim per person.
 */
@Document("marriages")
public class Marriage extends OutboxAggregate {

    static final int MIN_AGE_MAN = 22;
    static final int MIN_AGE_WOMAN = 20;

    public enum Status {
        MARRIED, DIVORCED, ENDED_BY_DEATH
    }

    /** What a registrar may do with the record (the affordances its read answers). */
    public enum Action {
        APPLY_DIVORCE, REISSUE
    }

    @Id
    private final String id;
    private final String officeId;
    private final DivisionCode division;
    private final Party partyA;
    private final Party partyB;
    private final LocalDate registeredOn;
    private final String registeredBy;
    private final boolean declarationSigned;
    private final BackEntry backEntry;
    private final List<Certificate> certificates;
    private Status status;
    private LocalDate endedOn;
    private String divorceId;
    private String deceasedRef;

    @PersistenceCreator
    Marriage(String id, String officeId, DivisionCode division, Party partyA, Party partyB, LocalDate registeredOn,
            String registeredBy, boolean declarationSigned, BackEntry backEntry, List<Certificate> certificates,
            Status status, LocalDate endedOn, String divorceId, String deceasedRef) {
        this.id = id;
        this.officeId = officeId;
        this.division = division;
        this.partyA = partyA;
        this.partyB = partyB;
        this.registeredOn = registeredOn;
        this.registeredBy = registeredBy;
        this.declarationSigned = declarationSigned;
        this.backEntry = backEntry;
        this.certificates = certificates == null ? new ArrayList<>() : new ArrayList<>(certificates);
        this.status = status;
        this.endedOn = endedOn;
        this.divorceId = divorceId;
        this.deceasedRef = deceasedRef;
    }

    /** A registration today at the office: refused with 422 when a legal condition is not met. */
    static Marriage register(String officeId, DivisionCode division, Party partyA, Party partyB, boolean declarationSigned,
            String by, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        checkParties(partyA, partyB, today);
        if (!declarationSigned) {
            throw Refusal.rule("declaration-required").on("declarationSigned");
        }
        return new Marriage("mar-" + UUID.randomUUID(), officeId, division, partyA, partyB, today, by, true, null,
                List.of(), Status.MARRIED, null, null, null);
    }

    /**
     * A marriage registered long ago, entered from the archives with its original number and date; the same legal
     * conditions held then (the age rule dates from 1981). Its status may already be past (divorced, ended).
     */
    static Marriage backEntered(String officeId, DivisionCode division, Party partyA, Party partyB, LocalDate registeredOn,
            String certificateNo, Status status, BackEntry provenance) {
        checkParties(partyA, partyB, registeredOn);
        return new Marriage("mar-" + UUID.randomUUID(), officeId, division, partyA, partyB, registeredOn,
                provenance.enteredBy(), true, provenance,
                List.of(new Certificate(certificateNo, registeredOn, null, "BACK_ENTRY", provenance.enteredBy())),
                status, null, null, null);
    }

    private static void checkParties(Party partyA, Party partyB, LocalDate on) {
        if (partyA.samePerson(partyB)) {
            throw Refusal.rule("same-person").on("partyB.idNumber");
        }
        if (partyA.sex() == partyB.sex()) {
            throw Refusal.rule("same-sex", Refusal.term("sex." + partyA.sex())).on("partyB.idNumber");
        }
        checkAge("partyA", partyA, on);
        checkAge("partyB", partyB, on);
    }

    private static void checkAge(String field, Party party, LocalDate on) {
        int minimum = party.sex() == Sex.MALE ? MIN_AGE_MAN : MIN_AGE_WOMAN;
        if (party.ageOn(on) < minimum) {
            throw Refusal.rule("under-age", Refusal.term("party." + party.sex()), party.ageOn(on), on, minimum,
                    party.birthDate().plusYears(minimum)).on(field + ".idNumber");
        }
    }

    /** A back-entered marriage is announced as such once stored (never as a new registration). */
    void announceBackEntry(Clock clock) {
        register(new MarriageBackEntered(id, List.of(partyA.personRef(), partyB.personRef()), officeId,
                division.value(), registeredOn, status.name()), clock);
    }

    /** The first certificate, numbered once the registration is sure; announces the marriage. */
    void certify(String number, Clock clock) {
        certificates.add(new Certificate(number, registeredOn, null, "REGISTRATION", registeredBy));
        register(new MarriageRegistered(id, List.of(partyA.personRef(), partyB.personRef()), officeId, division.value(),
                registeredOn), clock);
    }

    /** 补领: a new number linked to the one it replaces, which is no longer valid. */
    void reissue(String number, String reason, String by, Clock clock) {
        certificates.add(new Certificate(number, LocalDate.now(clock), certificateNo(), reason, by));
    }

    /** Registered divorce; repeating it for the same divorce changes nothing. */
    void divorced(String divorceId, LocalDate on) {
        if (status == Status.DIVORCED && divorceId.equals(this.divorceId)) {
            return;
        }
        requireMarried();
        this.status = Status.DIVORCED;
        this.divorceId = divorceId;
        this.endedOn = on;
    }

    /** A spouse died: the survivor is free to marry again. Repeating it changes nothing. */
    boolean endedByDeath(String personRef, LocalDate dateOfDeath) {
        if (status != Status.MARRIED || !personRefs().contains(personRef)) {
            return false;
        }
        this.status = Status.ENDED_BY_DEATH;
        this.deceasedRef = personRef;
        this.endedOn = dateOfDeath;
        return true;
    }

    /** The death that ended this marriage was retracted: married again, as if it had never ended. */
    boolean deathRetracted(String personRef) {
        if (status != Status.ENDED_BY_DEATH || !personRef.equals(deceasedRef)) {
            return false;
        }
        this.status = Status.MARRIED;
        this.deceasedRef = null;
        this.endedOn = null;
        return true;
    }

    /**
     * While the marriage lasts, a divorce application may be taken and its certificate reissued; once it has ended,
     * nothing: both acts refuse on {@link #requireMarried()}, the check this mirrors.
     */
    public List<Action> actions() {
        return status == Status.MARRIED ? List.of(Action.values()) : List.of();
    }

    public void requireMarried() {
        if (status != Status.MARRIED) {
            throw Refusal.conflict("not-married", Refusal.term("marriage." + status),
                    endedOn == null ? "-" : endedOn);
        }
    }

    public List<String> personRefs() {
        return List.of(partyA.personRef(), partyB.personRef());
    }

    public String certificateNo() {
        return certificates.isEmpty() ? null : certificates.getLast().number();
    }

    @Override
    public String id() {
        return id;
    }

    public String officeId() {
        return officeId;
    }

    public DivisionCode division() {
        return division;
    }

    public Party partyA() {
        return partyA;
    }

    public Party partyB() {
        return partyB;
    }

    public LocalDate registeredOn() {
        return registeredOn;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public boolean declarationSigned() {
        return declarationSigned;
    }

    public BackEntry backEntry() {
        return backEntry;
    }

    public List<Certificate> certificates() {
        return List.copyOf(certificates);
    }

    public Status status() {
        return status;
    }

    public String deceasedRef() {
        return deceasedRef;
    }

    public LocalDate endedOn() {
        return endedOn;
    }

    public String divorceId() {
        return divorceId;
    }
}
