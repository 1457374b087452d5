package cn.minzheng.orgs.inspection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.minzheng.orgs.organization.messaging.OrgInspected;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * The inspection of one drawn target: the result one of its two assigned inspectors entered, and, when the
 * findings need rectification, the deadline and the follow-up visits (跟踪回访) until it is rectified. Whether a
 * rectification is overdue is read from the day, never stored.
 */
public class Inspection extends OutboxAggregate {

    public enum Outcome {
        COMPLIANT, RECTIFICATION_REQUIRED, REFERRED
    }

    public enum Rectification {
        NONE, DUE, OVERDUE, RECTIFIED
    }

    /** What a person may do on a target now (the plan's read answers them; the acts refuse the rest). */
    public enum Action {
        ENTER_RESULT, FOLLOW_UP
    }

    public record FollowUp(LocalDate visitedOn, boolean rectified, String note, String by, Instant at) {
    }

    @Id
    private final String id;
    private final String planId;
    private final int drawNumber;
    private final String creditCode;
    private final DivisionCode division;
    private final List<String> inspectors;
    private final Outcome outcome;
    private final String findings;
    private final LocalDate inspectedOn;
    private final LocalDate rectificationDeadline;
    private final String enteredBy;
    private final Instant enteredAt;
    private final List<FollowUp> followUps;

    @PersistenceCreator
    Inspection(String id, String planId, int drawNumber, String creditCode, DivisionCode division,
            List<String> inspectors, Outcome outcome, String findings, LocalDate inspectedOn,
            LocalDate rectificationDeadline, String enteredBy, Instant enteredAt, List<FollowUp> followUps,
            long version) {
        this.id = id;
        this.planId = planId;
        this.drawNumber = drawNumber;
        this.creditCode = creditCode;
        this.division = division;
        this.inspectors = List.copyOf(inspectors);
        this.outcome = outcome;
        this.findings = findings;
        this.inspectedOn = inspectedOn;
        this.rectificationDeadline = rectificationDeadline;
        this.enteredBy = enteredBy;
        this.enteredAt = enteredAt;
        this.followUps = new ArrayList<>(followUps == null ? List.of() : followUps);
        this.version = version;
    }

    /**
     * The result of a target's inspection, entered by one of the inspectors the draw in force assigned to it and
     * by no one else. Findings that need rectification need a deadline after the inspection.
     */
    public static Inspection enter(InspectionPlan plan, String creditCode, String inspector, Outcome outcome,
            String findings, LocalDate inspectedOn, LocalDate deadline, Clock clock) {
        RandomDraw.Assignment assignment = plan.assignment(creditCode)
                .orElseThrow(() -> Refusal.notFound("not-a-target", creditCode));
        if (!assignment.inspectors().contains(inspector)) {
            throw Refusal.forbidden("not-assigned-inspector", creditCode);
        }
        LocalDate drawnOn = LocalDate.ofInstant(plan.current().drawnAt(), clock.getZone());
        if (inspectedOn.isBefore(drawnOn) || inspectedOn.isAfter(LocalDate.now(clock))) {
            throw Refusal.rule("inspected-out-of-range", inspectedOn, drawnOn).on("inspectedOn");
        }
        if (outcome != Outcome.COMPLIANT && (findings == null || findings.isBlank())) {
            throw Refusal.invalid("findings-required").on("findings");
        }
        if (outcome == Outcome.RECTIFICATION_REQUIRED && (deadline == null || !deadline.isAfter(inspectedOn))) {
            throw Refusal.rule("rectification-deadline-required", inspectedOn).on("rectificationDeadline");
        }
        Inspection inspection = new Inspection(plan.inspectionId(creditCode), plan.id(), plan.current().number(),
                creditCode, plan.division(), assignment.inspectors(), outcome,
                findings == null || findings.isBlank() ? null : findings.strip(), inspectedOn,
                outcome == Outcome.RECTIFICATION_REQUIRED ? deadline : null, inspector, clock.instant(), List.of(), 0);
        inspection.register(new OrgInspected("org-" + creditCode, creditCode, "RANDOM_INSPECTION", plan.year(),
                plan.id(), outcome.name(), inspectedOn), "org-" + creditCode, clock);
        return inspection;
    }

    /**
     * A follow-up visit, by an assigned inspector or a registry officer ({@code officer}), while rectification is
     * open; a visit that finds it done closes it.
     */
    public void followUp(LocalDate visitedOn, boolean rectified, String note, String by, boolean officer,
            Clock clock) {
        if (!officer && !inspectors.contains(by)) {
            throw Refusal.forbidden("not-assigned-inspector", creditCode);
        }
        if (outcome != Outcome.RECTIFICATION_REQUIRED) {
            throw Refusal.conflict("no-rectification-required");
        }
        if (rectifiedOn() != null) {
            throw Refusal.conflict("rectification-closed", rectifiedOn());
        }
        if (visitedOn.isBefore(inspectedOn) || visitedOn.isAfter(LocalDate.now(clock))) {
            throw Refusal.rule("visited-out-of-range", visitedOn, inspectedOn).on("visitedOn");
        }
        followUps.add(new FollowUp(visitedOn, rectified, note == null ? null : note.strip(), by, clock.instant()));
    }

    /**
     * What a person may do on a target of the draw in force, by the rules of {@link #enter} and {@link #followUp}:
     * an assigned inspector enters the result once; while rectification is open, an assigned inspector or a
     * registry officer records the follow-up visits.
     */
    public static List<Action> actions(InspectionPlan plan, String creditCode, Inspection result, String username,
            boolean inspector, boolean officer) {
        if (result == null) {
            return inspector && plan.assigned(creditCode, username) ? List.of(Action.ENTER_RESULT) : List.of();
        }
        boolean mayVisit = officer || inspector && result.inspectors.contains(username);
        return mayVisit && result.outcome == Outcome.RECTIFICATION_REQUIRED && result.rectifiedOn() == null
                ? List.of(Action.FOLLOW_UP) : List.of();
    }

    /** The day a follow-up visit found the findings rectified, if one did. */
    public LocalDate rectifiedOn() {
        return followUps.stream().filter(FollowUp::rectified).map(FollowUp::visitedOn).findFirst().orElse(null);
    }

    /** As of a day: DUE until the deadline (inclusive), OVERDUE after it, RECTIFIED once a visit found it done. */
    public Rectification rectification(LocalDate day) {
        if (outcome != Outcome.RECTIFICATION_REQUIRED) {
            return Rectification.NONE;
        }
        if (rectifiedOn() != null) {
            return Rectification.RECTIFIED;
        }
        return day.isAfter(rectificationDeadline) ? Rectification.OVERDUE : Rectification.DUE;
    }

    @Override
    public String id() {
        return id;
    }

    public String planId() {
        return planId;
    }

    public int drawNumber() {
        return drawNumber;
    }

    public String creditCode() {
        return creditCode;
    }

    public DivisionCode division() {
        return division;
    }

    public List<String> inspectors() {
        return inspectors;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String findings() {
        return findings;
    }

    public LocalDate inspectedOn() {
        return inspectedOn;
    }

    public LocalDate rectificationDeadline() {
        return rectificationDeadline;
    }

    public String enteredBy() {
        return enteredBy;
    }

    public Instant enteredAt() {
        return enteredAt;
    }

    public List<FollowUp> followUps() {
        return List.copyOf(followUps);
    }
}
