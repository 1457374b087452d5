package cn.minzheng.funeral.subscription;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.minzheng.funeral.onething.Notification;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One client's subscription to death notifications for its divisions (collection {@code death_subscriptions}, id
 * the subscription code). Its notices are kept in the document (an outbox for webhooks, like the case's callbacks):
 * one per death and change, so a redelivered event adds nothing; delivered ones beyond the last hundred are let go.
 */
@Document("death_subscriptions")
public class DeathSubscription extends OutboxAggregate {

    public enum Status {
        ACTIVE, CANCELLED
    }

    static final int DELIVERED_KEPT = 100;

    /** A death notice: the change and the death, with its delivery (the same record as a case's callback). */
    public record DeathNotice(String change, String deathId, String personRef, String maskedIdNumber, String name,
            String dateOfDeath, String residenceDivision, Notification delivery) {

        DeathNotice with(Notification next) {
            return new DeathNotice(change, deathId, personRef, maskedIdNumber, name, dateOfDeath, residenceDivision,
                    next);
        }
    }

    @Id
    private final String id;
    private final String clientId;
    private final String eventType;
    private final List<DivisionCode> divisions;
    private final String notifyUrl;
    private Status status;
    private final String createdBy;
    private final Instant createdAt;
    private final List<DeathNotice> notices;

    @PersistenceCreator
    DeathSubscription(String id, String clientId, String eventType, List<DivisionCode> divisions, String notifyUrl,
            Status status, String createdBy, Instant createdAt, List<DeathNotice> notices) {
        this.id = id;
        this.clientId = clientId;
        this.eventType = eventType;
        this.divisions = List.copyOf(divisions);
        this.notifyUrl = notifyUrl;
        this.status = status;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.notices = new ArrayList<>(notices == null ? List.of() : notices);
    }

    public static DeathSubscription subscribe(String id, String clientId, List<DivisionCode> divisions,
            String notifyUrl, String by, Clock clock) {
        return new DeathSubscription(id, clientId, "DEATH", divisions, notifyUrl, Status.ACTIVE, by, clock.instant(),
                List.of());
    }

    public void cancel() {
        if (status == Status.CANCELLED) {
            throw Refusal.conflict("subscription-cancelled", id);
        }
        status = Status.CANCELLED;
    }

    public boolean covers(DivisionCode residence) {
        return status == Status.ACTIVE && divisions.stream().anyMatch(d -> d.contains(residence));
    }

    /** A notice of the change for the death, once (false when it is there already or the death is not covered). */
    public boolean notice(String change, String deathId, String personRef, String maskedIdNumber, String name,
            String dateOfDeath, DivisionCode residence, Clock clock) {
        String webhookId = id + "-" + deathId + "-" + change.toLowerCase();
        if (!covers(residence) || notices.stream().anyMatch(n -> n.delivery().webhookId().equals(webhookId))) {
            return false;
        }
        Instant now = clock.instant();
        notices.add(new DeathNotice(change, deathId, personRef, maskedIdNumber, name, dateOfDeath, residence.value(),
                Notification.pending(webhookId, now.getEpochSecond(), change, now)));
        return true;
    }

    public Optional<DeathNotice> due(Instant now) {
        return notices.stream().filter(n -> n.delivery().state() != Notification.State.DELIVERED).findFirst()
                .filter(n -> n.delivery().due(now));
    }

    public void delivered(String webhookId, Instant at, int httpStatus) {
        notices.replaceAll(n -> n.delivery().webhookId().equals(webhookId)
                ? n.with(n.delivery().delivered(at, httpStatus)) : n);
        long delivered = notices.stream().filter(n -> n.delivery().state() == Notification.State.DELIVERED).count();
        for (int i = 0; i < notices.size() && delivered > DELIVERED_KEPT; ) {
            if (notices.get(i).delivery().state() == Notification.State.DELIVERED) {
                notices.remove(i);
                delivered--;
            } else {
                i++;
            }
        }
    }

    public void failed(String webhookId, Instant at, Integer httpStatus, String error) {
        notices.replaceAll(n -> n.delivery().webhookId().equals(webhookId)
                ? n.with(n.delivery().failed(at, httpStatus, error)) : n);
    }

    @Override
    public String id() {
        return id;
    }

    public String clientId() {
        return clientId;
    }

    public String eventType() {
        return eventType;
    }

    public List<DivisionCode> divisions() {
        return divisions;
    }

    public String notifyUrl() {
        return notifyUrl;
    }

    public Status status() {
        return status;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<DeathNotice> notices() {
        return List.copyOf(notices);
    }
}
