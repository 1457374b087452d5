package cn.minzheng.platform.ping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /ping echoes a message, so that body handling (JSON, content type, size, validation, unknown fields) is
 * tested end to end by every service's contract test and the system tests. Test and dev stacks only: production
 * has no endpoint that only repeats what it is sent.
 */
@RestController
@RequestMapping("/api/${minzheng.service.name}")
@ConditionalOnProperty(name = "minzheng.ping.echo", havingValue = "true")
public class PingEchoController {

    private final PingController ping;

    public PingEchoController(PingController ping) {
        this.ping = ping;
    }

    @PostMapping("/ping")
    public PingController.PingResponse echo(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody PingController.PingRequest body, HttpServletRequest request) {
        return ping.respond(jwt, request, body.message());
    }
}
