package cn.minzheng.funeral.subscription;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import cn.minzheng.funeral.callback.SignedPost;
import cn.minzheng.platform.store.ConcurrentWrites;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the subscriptions' pending notices, in order per subscription, signed; a failure is retried with the same
 * backoff as the cases' callbacks, and every attempt is logged on the notice. The result is a conditional write: on
 * a concurrent change the notice is sent again later with the same webhook-id, which receivers de-duplicate.
 */
@Component
class NoticeDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NoticeDispatcher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DeathSubscriptions subscriptions;
    private final SignedPost post;
    private final Clock clock;

    NoticeDispatcher(DeathSubscriptions subscriptions, SignedPost post, Clock clock) {
        this.subscriptions = subscriptions;
        this.post = post;
        this.clock = clock;
    }

    /** The body a subscriber gets (DCI notify: the event type, the subscription and the record). */
    record Payload(String type, String eventType, String subscriptionCode, String change, String deathId,
            String personRef, String idNumber, String name, String dateOfDeath, String residenceDivision,
            long timestamp) {
    }

    @Scheduled(fixedDelayString = "${minzheng.funeral.callbacks.interval:PT0.5S}")
    void dispatch() {
        Instant now = clock.instant();
        for (DeathSubscription subscription : subscriptions.withDueNotices(now, 50)) {
            var due = subscription.due(now);
            while (due.isPresent()) {
                DeathSubscription recorded = send(subscription, due.get());
                if (recorded == null) {
                    break;
                }
                subscription = recorded;
                due = subscription.due(clock.instant());
            }
        }
    }

    /** The subscription as stored with the attempt recorded, or null when it could not be (sent again later). */
    private DeathSubscription send(DeathSubscription subscription, DeathSubscription.DeathNotice notice) {
        var delivery = notice.delivery();
        String body = JSON.writeValueAsString(new Payload("death.notification", subscription.eventType(),
                subscription.id(), notice.change(), notice.deathId(), notice.personRef(), notice.maskedIdNumber(),
                notice.name(), notice.dateOfDeath(), notice.residenceDivision(), delivery.timestamp()));
        SignedPost.Outcome outcome = post.send(subscription.notifyUrl(), subscription.clientId(), delivery.webhookId(),
                delivery.timestamp(), body);
        if (outcome == null) {
            return null;
        }
        Instant now = clock.instant();
        try {
            return ConcurrentWrites.retry(() -> {
                DeathSubscription current = subscriptions.get(subscription.id());
                if (outcome.delivered()) {
                    current.delivered(delivery.webhookId(), now, outcome.httpStatus());
                } else {
                    current.failed(delivery.webhookId(), now, outcome.httpStatus(), outcome.error());
                }
                subscriptions.save(current);
                return current;
            });
        } catch (RuntimeException notRecorded) {
            log.warn("Notice {} sent, its result not recorded; it is sent again with the same id",
                    delivery.webhookId());
            return null;
        }
    }
}
