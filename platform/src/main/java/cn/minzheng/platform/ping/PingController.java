package cn.minzheng.platform.ping;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import cn.minzheng.platform.ServiceProperties;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.RequestIdFilter;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The wiring check every service answers: who is calling, as this service understood the token. The POST form
 * that echoes a message ({@link PingEchoController}) exists only where {@code minzheng.ping.echo=true}: tests and
 * the dev stack, never production.
 */
@Tag(name = "连通检查 Ping", description = "调用方身份与辖区检查，供联调使用。 Who is calling and their division, for integration checks.")
@RestController
@RequestMapping("/api/${minzheng.service.name}")
public class PingController {

    private final ServiceProperties service;
    private final Clock clock;

    private final Authorization authorization;

    public PingController(ServiceProperties service, Clock clock, Authorization authorization) {
        this.service = service;
        this.authorization = authorization;
        this.clock = clock;
    }

    @Operation(summary = "查看调用方身份 Who am I",
            description = "返回令牌中的用户、角色和辖区。\n"
                    + "Answers the user, roles and division of the token.")
    @GetMapping("/ping")
    public PingResponse ping(@AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        return respond(jwt, request, null);
    }

    /**
     * Whether the caller may act on records of a division: 200 inside, 403 (audited) outside, 400 for a code
     * that is not one. The wiring check of division scoping, the rule every domain endpoint applies.
     */
    @Operation(summary = "检查辖区权限 Check a division",
            description = "调用方能否处理该区划的记录；越权时 403 并记入审计。\n"
                    + "Whether the caller may act in that division; outside it, 403 and an audit record.")
    @GetMapping("/ping/divisions/{division}")
    public DivisionAccess division(@AuthenticationPrincipal Jwt jwt, @PathVariable DivisionCode division) {
        authorization.requireDivision(Caller.from(jwt), division, "division", division.value());
        return new DivisionAccess(division.value(), division.level(), true);
    }

    public record DivisionAccess(String division, DivisionCode.Level level, boolean inside) {
    }

    PingResponse respond(Jwt jwt, HttpServletRequest request, String echo) {
        Caller caller = Caller.from(jwt);
        return new PingResponse(service.name(), caller.username(), caller.sortedRoles(),
                caller.division().orElse(null), echo, (String) request.getAttribute(RequestIdFilter.ATTRIBUTE),
                OffsetDateTime.now(clock));
    }

    public record PingRequest(@NotBlank @Size(max = 200) String message) {
    }

    /** Deliberately without the caller's ID number: personal data is never echoed. */
    public record PingResponse(String service, String user, List<String> roles, String division, String echo,
            String requestId, OffsetDateTime time) {
    }
}
