package cn.minzheng.orgs.support;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * A project an organisation carries out with public money: a government-purchased service (政府购买服务) or a
 * venture-philanthropy grant (公益创投), with its amount and period, and the evaluation once it ended (evaluated
 * once, not before its period began).
 */
public class Project extends OutboxAggregate {

    public enum Kind {
        GOVERNMENT_PURCHASE, VENTURE_PHILANTHROPY
    }

    public enum Rating {
        EXCELLENT, GOOD, PASS, FAIL
    }

    public record Evaluation(Rating rating, LocalDate evaluatedOn, String note, String by, Instant at) {
    }

    @Id
    private final String id;
    private final Kind kind;
    private final String title;
    private final String orgId;
    private final String creditCode;
    private final String purchaser;
    private final BigDecimal amount;
    private final LocalDate startsOn;
    private final LocalDate endsOn;
    private final DivisionCode division;
    private final String enteredBy;
    private Evaluation evaluation;

    @PersistenceCreator
    Project(String id, Kind kind, String title, String orgId, String creditCode, String purchaser, BigDecimal amount,
            LocalDate startsOn, LocalDate endsOn, DivisionCode division, String enteredBy, Evaluation evaluation,
            long version) {
        this.id = id;
        this.kind = kind;
        this.title = title;
        this.orgId = orgId;
        this.creditCode = creditCode;
        this.purchaser = purchaser;
        this.amount = amount;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.division = division;
        this.enteredBy = enteredBy;
        this.evaluation = evaluation;
        this.version = version;
    }

    public static Project award(Kind kind, String title, String orgId, String creditCode, String purchaser,
            BigDecimal amount, LocalDate startsOn, LocalDate endsOn, DivisionCode division, String by) {
        if (endsOn.isBefore(startsOn)) {
            throw Refusal.invalid("invalid-request").as("project-period-reversed").on("endsOn");
        }
        if (amount.signum() <= 0) {
            throw Refusal.invalid("project-amount-positive").on("amount");
        }
        return new Project("proj-" + UUID.randomUUID(), kind, title.strip(), orgId, creditCode, purchaser.strip(),
                amount, startsOn, endsOn, division, by, null, 0);
    }

    public enum Action {
        EVALUATE
    }

    /** By the rule {@link #evaluate} keeps: an officer evaluates a project once. */
    public List<Action> actions(boolean officer) {
        return officer && evaluation == null ? List.of(Action.EVALUATE) : List.of();
    }

    public void evaluate(Rating rating, LocalDate on, String note, String by, Clock clock) {
        if (evaluation != null) {
            throw Refusal.conflict("project-evaluated", evaluation.evaluatedOn());
        }
        if (on.isBefore(startsOn) || on.isAfter(LocalDate.now(clock))) {
            throw Refusal.rule("evaluated-out-of-range", on, startsOn).on("evaluatedOn");
        }
        evaluation = new Evaluation(rating, on, note == null ? null : note.strip(), by, clock.instant());
    }

    @Override
    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public String orgId() {
        return orgId;
    }

    public String creditCode() {
        return creditCode;
    }

    public String purchaser() {
        return purchaser;
    }

    public BigDecimal amount() {
        return amount;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public DivisionCode division() {
        return division;
    }

    public String enteredBy() {
        return enteredBy;
    }

    public Evaluation evaluation() {
        return evaluation;
    }
}
