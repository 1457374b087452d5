package cn.minzheng.funeral.worklist.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.funeral.worklist.Worklists;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.WorklistCounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "待办 Worklists", description = "殡葬管理科的待办事项及其数量。 A funeral officer's worklists and their lengths.")
@RestController
@RequestMapping("/api/funeral/worklists")
class WorklistController {

    private final Worklists worklists;
    private final Authorization authorization;

    WorklistController(Worklists worklists, Authorization authorization) {
        this.worklists = worklists;
        this.authorization = authorization;
    }

    @Operation(summary = "我的待办 My worklists",
            description = "本区划有部门超时未答复的身后一件事案件数，附其列表地址。\n"
                    + "After-death cases of the division with an office silent past the step timeout, with the list.")
    @GetMapping
    @PreAuthorize("hasRole('funeral-officer')")
    WorklistCounts mine(@AuthenticationPrincipal Jwt jwt) {
        return WorklistCounts.of(worklists.of(authorization.scope(Caller.from(jwt), null, "worklist")),
                worklist -> switch (worklist) {
                    case OVERDUE_CASES -> "/api/funeral/one-thing/cases";
                });
    }
}
