package cn.minzheng.orgs.tip;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * One tip-off: what the informant says, about which (suspected) organisation, where, and how to reach them if they
 * chose to say. The text and the informant are personal: they are shown to officers of the division only (the
 * informant's name and phone masked, the clear contact only through an audited reveal), and never echoed to the informant's own login-free request. An outcome
 * closes it: dissuaded (劝散), banned (取缔) or referred to another authority (移交).
 */
public class Tip extends OutboxAggregate {

    /** How an investigation ended. */
    public enum Outcome {
        DISSUADED, BANNED, REFERRED
    }

    @Id
    private final String id;
    private final String suspectedName;
    private final String text;
    private final Informant informant;
    private final DivisionCode division;
    private final Instant receivedAt;
    private Outcome outcome;
    private String outcomeNote;
    private String closedBy;
    private Instant closedAt;

    @PersistenceCreator
    Tip(String id, String suspectedName, String text, Informant informant, DivisionCode division, Instant receivedAt,
            Outcome outcome, String outcomeNote, String closedBy, Instant closedAt, long version) {
        this.version = version;
        this.id = id;
        this.suspectedName = suspectedName;
        this.text = text;
        this.informant = informant;
        this.division = division;
        this.receivedAt = receivedAt;
        this.outcome = outcome;
        this.outcomeNote = outcomeNote;
        this.closedBy = closedBy;
        this.closedAt = closedAt;
    }

    public static Tip file(String suspectedName, String text, Informant informant, DivisionCode division,
            Clock clock) {
        return new Tip("tip-" + UUID.randomUUID(), suspectedName.strip(), text.strip(), informant, division,
                clock.instant(), null, null, null, null, 0);
    }

    /** What a registry officer may do on the tip now (the read answers them; the acts refuse the rest). */
    public enum Action {
        RECORD_OUTCOME, REVEAL_INFORMANT
    }

    /** An officer records the outcome while the tip is open, and reads the informant's contact if one was left. */
    public java.util.List<Action> actions(boolean officer) {
        if (!officer) {
            return java.util.List.of();
        }
        java.util.List<Action> actions = new java.util.ArrayList<>(2);
        if (outcome == null) {
            actions.add(Action.RECORD_OUTCOME);
        }
        if (informant != null) {
            actions.add(Action.REVEAL_INFORMANT);
        }
        return actions;
    }

    /** Closes the investigation with its outcome; an outcome is recorded once. */
    public void close(Outcome outcome, String note, String by, Clock clock) {
        if (this.outcome != null) {
            throw Refusal.conflict("tip-closed", Refusal.term("tip-outcome." + this.outcome));
        }
        this.outcome = outcome;
        this.outcomeNote = note == null ? null : note.strip();
        this.closedBy = by;
        this.closedAt = clock.instant();
    }

    @Override
    public String id() {
        return id;
    }

    public String suspectedName() {
        return suspectedName;
    }

    public String text() {
        return text;
    }

    public Informant informant() {
        return informant;
    }

    public DivisionCode division() {
        return division;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String outcomeNote() {
        return outcomeNote;
    }

    public String closedBy() {
        return closedBy;
    }

    public Instant closedAt() {
        return closedAt;
    }
}
