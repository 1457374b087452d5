package cn.minzheng.funeral.callback;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import cn.minzheng.funeral.onething.Notification;
import cn.minzheng.funeral.onething.OneThingCase;
import cn.minzheng.funeral.onething.OneThingCases;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.refusal.Refusal;

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
    private final CallbackClients clients;
    private final CallbackTargets targets;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    CallbackDispatcher(OneThingCases cases, CallbackClients clients, CallbackTargets targets,
            PersonalDataCipher cipher, Clock clock) {
        this.cases = cases;
        this.clients = clients;
        this.targets = targets;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The body a receiver gets: the case's status and steps at that change. */
    record Payload(String type, String caseId, String status, Object steps, long timestamp) {
    }

    @Scheduled(fixedDelayString = "${minzheng.funeral.callbacks.interval:PT0.5S}")
    public void dispatch() {
        Instant now = clock.instant();
        for (OneThingCase kase : cases.withDueCallbacks(now, 50)) {
            kase.dueNotification(now).ifPresent(notification -> send(kase, notification));
        }
    }

    private void send(OneThingCase kase, Notification notification) {
        Instant now = clock.instant();
        String body = JSON.writeValueAsString(new Payload("one-thing.case-updated", kase.id(), notification.status(),
                notification.steps(), notification.timestamp()));
        try {
            targets.requirePublic(kase.callbackUrl());
            CallbackClient client = clients.get(kase.callbackClient());
            byte[] key = CallbackClient.keyOf(cipher.open(client.secret()));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(kase.callbackUrl()))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                    .header("webhook-id", notification.webhookId())
                    .header("webhook-timestamp", Long.toString(notification.timestamp()))
                    .header("webhook-signature", WebhookSignature.sign(key, notification.webhookId(),
                            notification.timestamp(), body))
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                kase.notificationDelivered(notification.webhookId(), now, response.statusCode());
            } else {
                kase.notificationFailed(notification.webhookId(), now, response.statusCode(), null);
            }
        } catch (Refusal refused) {
            kase.notificationFailed(notification.webhookId(), now, null, refused.code());
        } catch (java.io.IOException | RuntimeException unreachable) {
            kase.notificationFailed(notification.webhookId(), now, null, unreachable.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            cases.save(kase);
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            log.info("Case {} changed while calling back; the callback is sent again with the same id", kase.id());
        }
    }

    /** For the case's delivery log. */
    public static Map<String, Object> summary(Notification n) {
        return Map.of("webhookId", n.webhookId(), "status", n.status(), "state", n.state(), "attempts", n.attempts(),
                "log", n.log());
    }
}
