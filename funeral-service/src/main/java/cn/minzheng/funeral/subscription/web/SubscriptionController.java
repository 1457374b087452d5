package cn.minzheng.funeral.subscription.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.funeral.callback.CallbackClient;
import cn.minzheng.funeral.callback.CallbackDispatcher;
import cn.minzheng.funeral.callback.CallbackTargets;
import cn.minzheng.funeral.callback.IntegrationClients;
import cn.minzheng.funeral.subscription.DeathSubscription;
import cn.minzheng.funeral.subscription.DeathSubscriptions;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Death notifications for the provincial platform (DCI civil-registry subscribe/notify): an integration client
 * subscribes for divisions it is registered for, with a notify URL on its allow-list, and sees only its own.
 */
@Tag(name = "死亡信息订阅 Death subscriptions", description = "省级平台按区划订阅死亡信息推送（签名回调）。 "
        + "The provincial platform's subscription to death notifications for its divisions (signed callbacks).")
@RestController
class SubscriptionController {

    private final DeathSubscriptions subscriptions;
    private final IntegrationClients integrations;
    private final CallbackTargets targets;
    private final Clock clock;

    SubscriptionController(DeathSubscriptions subscriptions, IntegrationClients integrations,
            CallbackTargets targets, Clock clock) {
        this.subscriptions = subscriptions;
        this.integrations = integrations;
        this.targets = targets;
        this.clock = clock;
    }

    record NewSubscription(@NotNull @Pattern(regexp = "DEATH") String eventType,
            @NotEmpty @Size(max = 50) List<@NotNull DivisionCode> divisions,
            @NotBlank @Size(max = 300) String notifyUrl) {
    }

    record SubscriptionResponse(String subscriptionCode, String eventType, List<String> divisions, String notifyUrl,
            DeathSubscription.Status status, Instant createdAt, long notices) {

        static SubscriptionResponse of(DeathSubscription s) {
            return new SubscriptionResponse(s.id(), s.eventType(), s.divisions().stream().map(DivisionCode::value)
                    .toList(), s.notifyUrl(), s.status(), s.createdAt(), s.notices().size());
        }
    }

    @Operation(summary = "订阅死亡信息 Subscribe to death notifications",
            description = "仅限已登记的对接系统，区划须在其登记范围内（否则 403），推送地址须在其允许列表内且为公网地址（否则 400）。"
                    + "此后在这些户籍区划登记或撤销的每一条死亡信息都以签名回调推送。\n"
                    + "For a registered integration client, for divisions within its registration (403 otherwise), "
                    + "to a notify URL on its allow-list and a public address (400 otherwise). Each death recorded "
                    + "or retracted in those household-registration divisions is then sent, signed.")
    @PostMapping("/api/funeral/subscriptions")
    @PreAuthorize("hasRole('integration')")
    ResponseEntity<SubscriptionResponse> subscribe(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody NewSubscription command) {
        String clientId = jwt.getClaimAsString("azp");
        CallbackClient client = null;
        for (DivisionCode division : command.divisions()) {
            client = integrations.requireActsFor(clientId, division, "subscription");
        }
        if (client == null || client.secret() == null) {
            throw Refusal.invalid("invalid-request").as("callback-not-allowed").on("notifyUrl");
        }
        targets.requireAllowed(command.notifyUrl(), client, "notifyUrl");
        DeathSubscription subscription = DeathSubscription.subscribe("sub-" + UUID.randomUUID(), clientId,
                command.divisions(), command.notifyUrl(), jwt.getSubject(), clock);
        subscriptions.insert(subscription);
        return ResponseEntity.created(URI.create("/api/funeral/subscriptions/" + subscription.id()))
                .body(SubscriptionResponse.of(subscription));
    }

    @Operation(summary = "我的订阅 The client's subscriptions", description = "调用方自己的订阅。\n"
            + "The calling client's own subscriptions.")
    @GetMapping("/api/funeral/subscriptions")
    @PreAuthorize("hasRole('integration')")
    List<SubscriptionResponse> list(@AuthenticationPrincipal Jwt jwt) {
        return subscriptions.ofClient(jwt.getClaimAsString("azp")).stream().map(SubscriptionResponse::of).toList();
    }

    @Operation(summary = "退订 Unsubscribe", description = "不再推送；已排队的通知仍会送达。\n"
            + "Nothing new is sent; notices already queued are still delivered.")
    @DeleteMapping("/api/funeral/subscriptions/{code}")
    @PreAuthorize("hasRole('integration')")
    SubscriptionResponse unsubscribe(@AuthenticationPrincipal Jwt jwt, @PathVariable String code) {
        DeathSubscription subscription = own(jwt, code);
        subscription.cancel();
        subscriptions.save(subscription);
        return SubscriptionResponse.of(subscription);
    }

    @Operation(summary = "推送记录 Delivery log", description = "每条通知的 webhook-id、状态和每次投递结果。\n"
            + "Each notice's webhook-id, state and every delivery attempt.")
    @GetMapping("/api/funeral/subscriptions/{code}/deliveries")
    @PreAuthorize("hasRole('integration')")
    List<Map<String, Object>> deliveries(@AuthenticationPrincipal Jwt jwt, @PathVariable String code) {
        return own(jwt, code).notices().stream().map(n -> CallbackDispatcher.summary(n.delivery())).toList();
    }

    /** Another client's subscription answers 404, as an unknown one does: its existence is not disclosed. */
    private DeathSubscription own(Jwt jwt, String code) {
        DeathSubscription subscription = subscriptions.get(code);
        if (!subscription.clientId().equals(jwt.getClaimAsString("azp"))) {
            throw Refusal.notFound("not-found", Refusal.term("death-subscription"), code).as("not-found.id");
        }
        return subscription;
    }
}
