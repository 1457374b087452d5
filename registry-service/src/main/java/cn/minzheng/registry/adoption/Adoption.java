package cn.minzheng.registry.adoption;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.registry.adoption.messaging.AdoptionRegistered;
import cn.minzheng.registry.party.Party;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/** A registered adoption, with the facts it was decided on. */
@Document("adoptions")
public class Adoption extends OutboxAggregate {


    /** An adopter as recorded: the person and the children they declared at registration. */
    public record AdopterRecord(Party party, int childrenCount) {
    }

    @Id
    private final String id;
    private final String officeId;
    private final DivisionCode division;
    private final List<AdopterRecord> adopters;
    private final Party child;
    private final ChildStatus childStatus;
    private final boolean childDisabled;
    private final boolean inWelfareInstitution;
    private final boolean childConsented;
    private final LocalDate noticeFrom;
    private final LocalDate registeredOn;
    private final String registeredBy;
    private String certificateNo;

    @PersistenceCreator
    Adoption(String id, String officeId, DivisionCode division, List<AdopterRecord> adopters, Party child,
            ChildStatus childStatus, boolean childDisabled, boolean inWelfareInstitution, boolean childConsented,
            LocalDate noticeFrom, LocalDate registeredOn, String registeredBy, String certificateNo) {
        this.id = id;
        this.officeId = officeId;
        this.division = division;
        this.adopters = List.copyOf(adopters);
        this.child = child;
        this.childStatus = childStatus;
        this.childDisabled = childDisabled;
        this.inWelfareInstitution = inWelfareInstitution;
        this.childConsented = childConsented;
        this.noticeFrom = noticeFrom;
        this.registeredOn = registeredOn;
        this.registeredBy = registeredBy;
        this.certificateNo = certificateNo;
    }

    /** Registers the case once {@link AdoptionRules} accepted it. */
    static Adoption register(String officeId, DivisionCode division, AdoptionCase accepted, List<Integer> declaredChildren,
            String by, Clock clock) {
        List<AdopterRecord> adopters = new java.util.ArrayList<>();
        for (int i = 0; i < accepted.adopters().size(); i++) {
            adopters.add(new AdopterRecord(accepted.adopters().get(i).party(), declaredChildren.get(i)));
        }
        return new Adoption("adp-" + UUID.randomUUID(), officeId, division, adopters, accepted.child(),
                accepted.childStatus(), accepted.childDisabled(), accepted.inWelfareInstitution(),
                accepted.childConsented(), accepted.noticeFrom(), LocalDate.now(clock), by, null);
    }

    void certify(String number, Clock clock) {
        certificateNo = number;
        register(new AdoptionRegistered(id, adopterRefs(), child.personRef(), officeId, division.value(), registeredOn),
                clock);
    }

    public List<String> adopterRefs() {
        return adopters.stream().map(a -> a.party().personRef()).toList();
    }

    public List<String> personRefs() {
        List<String> refs = new java.util.ArrayList<>(adopterRefs());
        refs.add(child.personRef());
        return refs;
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

    public List<AdopterRecord> adopters() {
        return adopters;
    }

    public Party child() {
        return child;
    }

    public ChildStatus childStatus() {
        return childStatus;
    }

    public boolean childDisabled() {
        return childDisabled;
    }

    public boolean inWelfareInstitution() {
        return inWelfareInstitution;
    }

    public boolean childConsented() {
        return childConsented;
    }

    public LocalDate noticeFrom() {
        return noticeFrom;
    }

    public LocalDate registeredOn() {
        return registeredOn;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public String certificateNo() {
        return certificateNo;
    }
}
