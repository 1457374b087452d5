package cn.minzheng.platform.ping;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "连通检查 Ping", description = "调用方身份与辖区检查，供联调使用。 Who is calling and their division, for integration checks.")
@RestController
@RequestMapping("/api/${minzheng.service.name}")
@ConditionalOnProperty(name = "minzheng.ping.echo", havingValue = "true")
public class PingEchoController {

    private final PingController ping;

    public PingEchoController(PingController ping) {
        this.ping = ping;
    }

    @Operation(summary = "回显请求体 Echo a body",
            description = "仅开发与测试环境：原样返回请求体，用于检查请求处理。\n"
                    + "Dev and test stacks only: answers the body it got, to check request handling.")
    @PostMapping("/ping")
    public PingController.PingResponse echo(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody PingController.PingRequest body, HttpServletRequest request) {
        return ping.respond(jwt, request, body.message());
    }
}
