package cn.minzheng.eldercare.worklist.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.eldercare.worklist.Worklists;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.WorklistCounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "待办 Worklists", description = "养老服务科的待办事项及其数量。 An eldercare officer's worklists and their lengths.")
@RestController
@RequestMapping("/api/eldercare/worklists")
class WorklistController {

    private final Worklists worklists;
    private final Authorization authorization;

    WorklistController(Worklists worklists, Authorization authorization) {
        this.worklists = worklists;
        this.authorization = authorization;
    }

    @Operation(summary = "我的待办 My worklists",
            description = "本区划 90 天内到期的运营合同、运营方被撤销登记的机构、逾期未整改的检查，各附其列表地址。\n"
                    + "Operator contracts ending within 90 days, facilities whose operator was revoked, and overdue "
                    + "inspection findings in the division, each with the list it counts.")
    @GetMapping
    @PreAuthorize("hasRole('eldercare-officer')")
    WorklistCounts mine(@AuthenticationPrincipal Jwt jwt) {
        var counts = worklists.of(authorization.scope(Caller.from(jwt), null, "worklist"));
        return WorklistCounts.of(counts, worklist -> switch (worklist) {
            case CONTRACTS_ENDING -> "/api/eldercare/facilities/contracts-ending?withinDays=" + Worklists.CONTRACT_DAYS;
            case SUSPENDED_OPERATORS -> "/api/eldercare/facilities/suspended-operators";
            case OVERDUE_INSPECTIONS -> "/api/eldercare/inspections/overdue";
        });
    }
}
