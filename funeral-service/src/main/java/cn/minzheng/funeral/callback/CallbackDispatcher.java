package cn.minzheng.funeral.callback;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import cn.minzheng.funeral.onething.Notification;
import cn.minzheng.funeral.onething.OneThingCase;
import cn.minzheng.funeral.onething.OneThingCases;
import cn.minzheng.platform.store.ConcurrentWrites;
import cn.minzheng.platform.text.Texts;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the cases' pending callbacks, in order per case, signed the Standard Webhooks way ({@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature}); a failure is retried with backoff and every attempt is
 * logged on the case. The target is checked again before each send (DNS may now point elsewhere), and redirects are
 * never followed. The result is a conditional write of the case: on a concurrent change it is sent again later,
 * with the same webhook-id, which receivers de-duplicate.
 */
@Component
public class CallbackDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CallbackDispatcher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OneThingCases cases;
    private final SignedPost post;
    private final Texts texts;
    private final Clock clock;

    CallbackDispatcher(OneThingCases cases, SignedPost post, Texts texts, Clock clock) {
        this.texts = texts;
        this.cases = cases;
        this.post = post;
        this.clock = clock;
    }

    /** The body a receiver gets: the case's status and steps at that change. */
    record Payload(String type, String caseId, String status, Object steps, long timestamp) {
    }

    @Scheduled(fixedDelayString = "${minzheng.funeral.callbacks.interval:PT0.5S}")
    public void dispatch() {
        Instant now = clock.instant();
        for (OneThingCase kase : cases.withDueCallbacks(now, 50)) {
            // All of a case's due callbacks in this pass, in order (a failed one waits for its backoff).
            var due = kase.dueNotification(now);
            while (due.isPresent()) {
                OneThingCase recorded = send(kase, due.get());
                if (recorded == null) {
                    break;
                }
                kase = recorded;
                due = kase.dueNotification(clock.instant());
            }
        }
    }

    /** The case as stored with the attempt recorded, or null when it could not be (sent again later). */
    private OneThingCase send(OneThingCase kase, Notification notification) {
        // The provincial platform shows the steps to people: their details in Chinese.
        String body = JSON.writeValueAsString(new Payload("one-thing.case-updated", kase.id(), notification.status(),
                notification.steps().stream().map(s -> s.worded(texts::inChinese)).toList(),
                notification.timestamp()));
        SignedPost.Outcome outcome = post.send(kase.callbackUrl(), kase.callbackClient(), notification.webhookId(),
                notification.timestamp(), body);
        if (outcome == null) {
            return null;
        }
        Instant now = clock.instant();
        try {
            // Recorded on the case in hand; if an office's report was written meanwhile, on the case as stored now.
            record(kase, notification, outcome, now);
            cases.save(kase);
            return kase;
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            return recordAgain(kase.id(), notification, outcome, now);
        }
    }

    private OneThingCase recordAgain(String caseId, Notification notification, SignedPost.Outcome outcome,
            Instant now) {
        try {
            return ConcurrentWrites.retry(() -> {
                OneThingCase current = cases.get(caseId);
                record(current, notification, outcome, now);
                cases.save(current);
                return current;
            });
        } catch (RuntimeException notRecorded) {
            log.warn("Callback {} of case {} sent, its result not recorded; it is sent again with the same id",
                    notification.webhookId(), caseId);
            return null;
        }
    }

    private static void record(OneThingCase kase, Notification notification, SignedPost.Outcome outcome,
            Instant now) {
        if (outcome.delivered()) {
            kase.notificationDelivered(notification.webhookId(), now, outcome.httpStatus());
        } else {
            kase.notificationFailed(notification.webhookId(), now, outcome.httpStatus(), outcome.error());
        }
    }

    /** For the case's delivery log. */
    public static Map<String, Object> summary(Notification n) {
        return Map.of("webhookId", n.webhookId(), "status", n.status(), "state", n.state(), "attempts", n.attempts(),
                "log", n.log());
    }
}
