package cn.minzheng.funeral.callback.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.funeral.callback.CallbackClient;
import cn.minzheng.funeral.callback.CallbackClients;
import cn.minzheng.funeral.callback.CallbackTargets;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.security.Caller;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import cn.minzheng.platform.web.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** An admin registers an integration client's callback secret and allowed URL prefixes. */
@Tag(name = "身后一件事 After-death one thing")
@RestController
class CallbackClientController {

    private final CallbackClients clients;
    private final CallbackTargets targets;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    CallbackClientController(CallbackClients clients, CallbackTargets targets, PersonalDataCipher cipher,
            Clock clock) {
        this.clients = clients;
        this.targets = targets;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * {@code divisions}: where the client acts; {@code secret} ("whsec_" and base64 of at least 24 bytes) and
     * {@code allowList} (URL prefixes) only for a client that wants callbacks.
     */
    record Registration(@NotEmpty @Size(max = 50) List<@NotNull DivisionCode> divisions, @Size(min = 1, max = 200) String secret,
            @Size(max = 10) List<@NotBlank @Size(max = 300) @Pattern(regexp = "https?://.+") String> allowList) {
    }

    record RegistrationView(String clientId, List<String> divisions, List<String> allowList, boolean secretSet,
            String updatedBy, Instant updatedAt) {

        static RegistrationView of(CallbackClient c) {
            return new RegistrationView(c.id(), c.divisions(), c.allowList(), c.secret() != null, c.updatedBy(),
                    c.updatedAt());
        }
    }

    @Operation(summary = "登记回调 Register a client's callbacks",
            description = "管理员登记对接系统代办的区划、签名密钥（加密保存，不再返回）和允许的回调地址前缀；地址须解析为公网地址。"
                    + "未登记的对接系统不能提交。\n"
                    + "An admin registers an integration client's divisions, signing secret (stored encrypted, never "
                    + "returned) and allowed callback URL prefixes, each resolving to public addresses. An "
                    + "unregistered client cannot submit.")
    @PutMapping("/api/funeral/integration-clients/{clientId}")
    @PreAuthorize("hasRole('admin')")
    ResponseEntity<RegistrationView> register(@AuthenticationPrincipal Jwt jwt,
            @PathVariable @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String clientId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody Registration command) {
        List<String> allowList = command.allowList() == null ? List.of() : command.allowList();
        if (!allowList.isEmpty() && command.secret() == null) {
            throw cn.minzheng.platform.refusal.Refusal.invalid("invalid-request").as("webhook-secret").on("secret");
        }
        if (command.secret() != null) {
            CallbackClient.checkSecret(command.secret());
        }
        for (int i = 0; i < allowList.size(); i++) {
            targets.requirePublic(allowList.get(i), "allowList[" + i + "]");
        }
        var sealed = command.secret() == null ? null : cipher.seal(command.secret());
        String by = Caller.from(jwt).username();
        CallbackClient client = clients.find(clientId).orElse(null);
        if (client != null) {
            ETags.requireMatch(ifMatch, client);
        }
        if (client == null) {
            client = CallbackClient.register(clientId, sealed, allowList, divisions(command), by, clock);
            clients.insert(client);
        } else {
            client.update(sealed, allowList, divisions(command), by, clock);
            clients.save(client);
        }
        return ETags.ok(client, RegistrationView.of(client));
    }

    private static List<String> divisions(Registration command) {
        return command.divisions().stream().map(DivisionCode::value).toList();
    }

    @Operation(summary = "查看回调登记 Read a client's callbacks", description = "不含密钥。\nWithout the secret.")
    @GetMapping("/api/funeral/integration-clients/{clientId}")
    @PreAuthorize("hasRole('admin')")
    ResponseEntity<RegistrationView> get(@PathVariable String clientId) {
        CallbackClient client = clients.get(clientId);
        return ETags.ok(client, RegistrationView.of(client));
    }
}
