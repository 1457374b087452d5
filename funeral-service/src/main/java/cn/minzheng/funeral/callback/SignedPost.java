package cn.minzheng.funeral.callback;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.stereotype.Component;

/**
 * One signed POST the Standard Webhooks way ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}
 * with the client's secret), to a target checked again just before (DNS may now point elsewhere), never following a
 * redirect. Shared by the cases' callbacks and the death subscriptions' notices.
 */
@Component
public class SignedPost {

    /** The receiver's status, or why it could not be reached. */
    public record Outcome(Integer httpStatus, String error) {

        public boolean delivered() {
            return httpStatus != null && httpStatus / 100 == 2;
        }
    }

    private final CallbackClients clients;
    private final CallbackTargets targets;
    private final PersonalDataCipher cipher;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    SignedPost(CallbackClients clients, CallbackTargets targets, PersonalDataCipher cipher) {
        this.clients = clients;
        this.targets = targets;
        this.cipher = cipher;
    }

    /** Null when the thread was interrupted (the caller stops; the message stays pending). */
    public Outcome send(String url, String clientId, String webhookId, long timestamp, String body) {
        try {
            targets.requirePublic(url);
            CallbackClient client = clients.get(clientId);
            byte[] key = CallbackClient.keyOf(cipher.open(client.secret()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json").header("webhook-id", webhookId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(key, webhookId, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return new Outcome(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), null);
        } catch (Refusal refused) {
            return new Outcome(null, refused.code());
        } catch (java.io.IOException | RuntimeException unreachable) {
            return new Outcome(null, unreachable.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
