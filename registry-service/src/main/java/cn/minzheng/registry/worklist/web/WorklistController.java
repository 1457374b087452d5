package cn.minzheng.registry.worklist.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.WorklistCounts;
import cn.minzheng.registry.worklist.Worklists;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "待办 Worklists", description = "登记员的待办事项及其数量。 A registrar's worklists and their lengths.")
@RestController
@RequestMapping("/api/registry/worklists")
class WorklistController {

    private final Worklists worklists;
    private final Authorization authorization;

    WorklistController(Worklists worklists, Authorization authorization) {
        this.worklists = worklists;
        this.authorization = authorization;
    }

    @Operation(summary = "我的待办 My worklists",
            description = "本区划今日预约数和 7 日内登记期届满的离婚申请数，每项附其列表地址。\n"
                    + "Today's bookings at the division's offices and the divorce applications whose registration "
                    + "window ends within 7 days, each with the list it counts.")
    @GetMapping
    @PreAuthorize("hasRole('registrar')")
    WorklistCounts mine(@AuthenticationPrincipal Jwt jwt) {
        var counts = worklists.of(authorization.scope(Caller.from(jwt), null, "worklist"));
        return WorklistCounts.of(counts, worklist -> switch (worklist) {
            case BOOKINGS_TODAY -> "/api/registry/appointments";
            case DIVORCE_WINDOWS_ENDING -> "/api/registry/divorces?windowEndsWithinDays=" + Worklists.WINDOW_DAYS;
        });
    }
}
