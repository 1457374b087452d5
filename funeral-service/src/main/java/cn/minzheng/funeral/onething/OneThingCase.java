package cn.minzheng.funeral.onething;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import cn.minzheng.funeral.onething.messaging.CaseOpened;
import cn.minzheng.funeral.onething.messaging.CaseUpdated;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.text.Text;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An after-death one-thing case (collection {@code one_thing_cases}, id {@code case-<personRef>}: one case per
 * death, so a second application for the same person answers with the first case). Holds each office's step; an
 * office's report is applied once (a redelivered report changes nothing, not even the version).
 */
@Document("one_thing_cases")
public class OneThingCase extends OutboxAggregate {

    public enum Status {
        OPEN, COMPLETE,
        /** The death was recorded in error and retracted: the offices reverse what they did. */
        RETRACTED
    }

    @Id
    private final String id;
    private final String personRef;
    private final String deathId;
    private final LocalDate dateOfDeath;
    private final DivisionCode residenceDivision;
    private final String applicantRef;
    private final String applicantName;
    private final String applicantRelation;
    private final String submittedBy;
    private final Instant openedAt;
    private final List<Step> steps;
    private Status status;
    private final String callbackUrl;
    private final String callbackClient;
    private final List<Notification> notifications;

    @PersistenceCreator
    OneThingCase(String id, String personRef, String deathId, LocalDate dateOfDeath, DivisionCode residenceDivision,
            String applicantRef, String applicantName, String applicantRelation, String submittedBy,
            Instant openedAt, List<Step> steps, Status status, String callbackUrl, String callbackClient,
            List<Notification> notifications) {
        this.id = id;
        this.personRef = personRef;
        this.deathId = deathId;
        this.dateOfDeath = dateOfDeath;
        this.residenceDivision = residenceDivision;
        this.applicantRef = applicantRef;
        this.applicantName = applicantName;
        this.applicantRelation = applicantRelation;
        this.submittedBy = submittedBy;
        this.openedAt = openedAt;
        this.steps = new ArrayList<>(steps);
        this.status = status;
        this.callbackUrl = callbackUrl;
        this.callbackClient = callbackClient;
        this.notifications = new ArrayList<>(notifications == null ? List.of() : notifications);
    }

    public static String idFor(String personRef) {
        return "case-" + personRef;
    }

    /** Opens the case: the funeral office's own step (the fee waiver, computed when read) is done at once. */
    public static OneThingCase open(String personRef, String deathId, LocalDate dateOfDeath,
            DivisionCode residenceDivision, String applicantRef, String applicantName, String applicantRelation,
            String by, String callbackUrl, String callbackClient, Clock clock) {
        Instant now = clock.instant();
        List<Step> steps = new ArrayList<>();
        for (Office office : Office.values()) {
            steps.add(office == Office.FUNERAL ? new Step(office, Step.Status.DONE,
                    Text.of(Step.FEE_WAIVER_COMPUTED), now)
                    : new Step(office, Step.Status.PENDING, null, null));
        }
        OneThingCase opened = new OneThingCase(idFor(personRef), personRef, deathId, dateOfDeath, residenceDivision,
                applicantRef, applicantName, applicantRelation, by, now, steps, Status.OPEN, callbackUrl,
                callbackClient, List.of());
        opened.register(new CaseOpened(opened.id, personRef, deathId, dateOfDeath.toString(),
                residenceDivision.value()), personRef, clock);
        opened.notifyClient(clock);
        return opened;
    }

    /**
     * An office's report; false (and nothing changes) when the step already says this. {@code chinese} words a step's
     * detail for the case-updated event (events carry the words a person would read, in Chinese).
     */
    public boolean report(Office office, Step.Status reported, Text detail, Function<Text, String> chinese,
            Clock clock) {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.office() == office) {
                if (step.status() == reported && java.util.Objects.equals(step.detail(), detail)) {
                    return false;
                }
                steps.set(i, new Step(office, reported, detail, clock.instant()));
            }
        }
        if (status != Status.RETRACTED) {
            status = steps.stream().allMatch(Step::finished) ? Status.COMPLETE : Status.OPEN;
        }
        changed(chinese, clock);
        return true;
    }

    /** The death behind the case was retracted; false when the case says so already. */
    public boolean retracted(Function<Text, String> chinese, Clock clock) {
        if (status == Status.RETRACTED) {
            return false;
        }
        status = Status.RETRACTED;
        changed(chinese, clock);
        return true;
    }

    /** case-updated with the case as it now is, and a callback of it. */
    private void changed(Function<Text, String> chinese, Clock clock) {
        register(new CaseUpdated(id, personRef, status.name(), steps.stream().map(s -> new CaseUpdated.StepView(
                s.office().name(), s.status().name(), s.detail() == null ? null : chinese.apply(s.detail())))
                .toList()), personRef, clock);
        notifyClient(clock);
    }

    /** A callback of the case as it now is, when the client asked for callbacks. */
    private void notifyClient(Clock clock) {
        if (callbackUrl != null) {
            Instant now = clock.instant();
            notifications.add(new Notification(id + "-" + (notifications.size() + 1), now.getEpochSecond(),
                    status.name(), steps, Notification.State.PENDING, 0, now, List.of()));
        }
    }

    /** The first callback still to send, if it is due (callbacks go in order: a later one waits for it). */
    public java.util.Optional<Notification> dueNotification(Instant now) {
        return notifications.stream().filter(n -> n.state() != Notification.State.DELIVERED)
                .findFirst().filter(n -> n.due(now));
    }

    public void notificationDelivered(String webhookId, Instant at, int httpStatus) {
        notifications.replaceAll(n -> n.webhookId().equals(webhookId) ? n.delivered(at, httpStatus) : n);
    }

    public void notificationFailed(String webhookId, Instant at, Integer httpStatus, String error) {
        notifications.replaceAll(n -> n.webhookId().equals(webhookId) ? n.failed(at, httpStatus, error) : n);
    }

    /** Pending steps silent for longer than the timeout (true when read). */
    public List<Office> overdue(Duration timeout, Clock clock) {
        Instant limit = clock.instant().minus(timeout);
        return steps.stream().filter(s -> s.status() == Step.Status.PENDING && openedAt.isBefore(limit))
                .map(Step::office).toList();
    }

    @Override
    public String id() {
        return id;
    }

    public String personRef() {
        return personRef;
    }

    public String deathId() {
        return deathId;
    }

    public LocalDate dateOfDeath() {
        return dateOfDeath;
    }

    public DivisionCode residenceDivision() {
        return residenceDivision;
    }

    public String applicantRef() {
        return applicantRef;
    }

    public String applicantName() {
        return applicantName;
    }

    public String applicantRelation() {
        return applicantRelation;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public Status status() {
        return status;
    }

    public String callbackUrl() {
        return callbackUrl;
    }

    public String callbackClient() {
        return callbackClient;
    }

    public List<Notification> notifications() {
        return List.copyOf(notifications);
    }
}
