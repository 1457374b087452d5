package cn.minzheng.assistance.allowance;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;

import cn.minzheng.assistance.money.Money;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.ProtectedIdNumber;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 免申即享: an enrolment the service proposes from what it already knows (a person turning 80, a disabled member of
 * a newly enrolled dibao household, a widening of the rules), for an officer to confirm with one action. Nothing is
 * paid until then. One proposal per person and programme (id {@code prop-<PROGRAMME>-<personRef>}), so the daily
 * job proposing again changes nothing; a dismissed one is reconsidered only under a newer rule version.
 */
@Document("allowance_proposals")
public class AllowanceProposal extends OutboxAggregate {

    public enum Status {
        OPEN, CONFIRMED, DISMISSED
    }

    /** Why the service proposed it. */
    public enum Trigger {
        AGE_REACHED, HOUSEHOLD_PROGRAMME, RULES_CHANGED, ELIGIBLE
    }

    @Id
    private final String id;
    private final String personRef;
    private ProtectedIdNumber idNumber;
    private String name;
    private DivisionCode division;
    private PersonFacts facts;
    private final AllowanceProgramme programme;
    private YearMonth startMonth;
    private int ruleVersion;
    private String criterionId;
    private Money amount;
    private String band;
    private Trigger trigger;
    private Status status;
    private Instant proposedAt;
    private String allowanceId;
    private String decidedBy;
    private Instant decidedAt;
    private String dismissReason;

    @PersistenceCreator
    AllowanceProposal(String id, String personRef, ProtectedIdNumber idNumber, String name, DivisionCode division,
            PersonFacts facts, AllowanceProgramme programme, YearMonth startMonth, int ruleVersion, String criterionId,
            Money amount, String band, Trigger trigger, Status status, Instant proposedAt, String allowanceId,
            String decidedBy, Instant decidedAt, String dismissReason) {
        this.id = id;
        this.personRef = personRef;
        this.idNumber = idNumber;
        this.name = name;
        this.division = division;
        this.facts = facts;
        this.programme = programme;
        this.startMonth = startMonth;
        this.ruleVersion = ruleVersion;
        this.criterionId = criterionId;
        this.amount = amount;
        this.band = band;
        this.trigger = trigger;
        this.status = status;
        this.proposedAt = proposedAt;
        this.allowanceId = allowanceId;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.dismissReason = dismissReason;
    }

    public static String idFor(AllowanceProgramme programme, String personRef) {
        return "prop-" + programme.name() + "-" + personRef;
    }

    static AllowanceProposal of(ProtectedIdNumber idNumber, String name, DivisionCode division, PersonFacts facts,
            Eligibility judged, Trigger trigger, Clock clock) {
        return new AllowanceProposal(idFor(judged.programme(), idNumber.personRef()), idNumber.personRef(), idNumber,
                name, division, facts, judged.programme(), judged.month(), judged.ruleVersion(), judged.criterionId(),
                judged.amount(), judged.band(), trigger, Status.OPEN, clock.instant(), null, null, null, null);
    }

    /** A newer rule version makes a dismissed (or long confirmed and since ended) proposal worth asking again. */
    boolean reconsider(AllowanceProposal fresh) {
        if (status == Status.OPEN || fresh.ruleVersion <= ruleVersion) {
            return false;
        }
        idNumber = fresh.idNumber;
        name = fresh.name;
        division = fresh.division;
        facts = fresh.facts;
        startMonth = fresh.startMonth;
        ruleVersion = fresh.ruleVersion;
        criterionId = fresh.criterionId;
        amount = fresh.amount;
        band = fresh.band;
        trigger = fresh.trigger;
        status = Status.OPEN;
        proposedAt = fresh.proposedAt;
        allowanceId = null;
        decidedBy = null;
        decidedAt = null;
        dismissReason = null;
        return true;
    }

    /** Confirming again answers with the same allowance (idempotent); a dismissed proposal cannot be confirmed. */
    boolean confirm(String granted, String by, Clock clock) {
        if (status == Status.CONFIRMED) {
            return false;
        }
        requireOpen();
        status = Status.CONFIRMED;
        allowanceId = granted;
        decidedBy = by;
        decidedAt = clock.instant();
        return true;
    }

    void dismiss(String reason, String by, Clock clock) {
        requireOpen();
        status = Status.DISMISSED;
        dismissReason = reason;
        decidedBy = by;
        decidedAt = clock.instant();
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw Refusal.conflict("proposal-decided", Refusal.term("proposal.status." + status));
        }
    }

    @Override
    public String id() {
        return id;
    }

    public String personRef() {
        return personRef;
    }

    public ProtectedIdNumber idNumber() {
        return idNumber;
    }

    public String name() {
        return name;
    }

    public DivisionCode division() {
        return division;
    }

    public PersonFacts facts() {
        return facts;
    }

    public AllowanceProgramme programme() {
        return programme;
    }

    public YearMonth startMonth() {
        return startMonth;
    }

    public int ruleVersion() {
        return ruleVersion;
    }

    public String criterionId() {
        return criterionId;
    }

    public Money amount() {
        return amount;
    }

    public String band() {
        return band;
    }

    public Trigger trigger() {
        return trigger;
    }

    public Status status() {
        return status;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public String allowanceId() {
        return allowanceId;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String dismissReason() {
        return dismissReason;
    }
}
