package cn.minzheng.orgs.worklist.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.orgs.worklist.Worklists;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.WorklistCounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "待办 Worklists", description = "社会组织管理的待办事项及其数量。 The worklists of the social-organisation "
        + "office and their lengths.")
@RestController
@RequestMapping("/api/orgs/worklists")
class WorklistCountsController {

    private final Worklists worklists;
    private final Authorization authorization;

    WorklistCountsController(Worklists worklists, Authorization authorization) {
        this.worklists = worklists;
        this.authorization = authorization;
    }

    @Operation(summary = "我的待办 My worklists",
            description = "调用者的待办及其数量（本区划），每项附其列表地址：登记管理人员和审计人员为撤销清单、信用记录待录入、未办结的举报；"
                    + "检查人员为抽中分配给本人、尚未录入结果的检查对象。\n"
                    + "The caller's worklists and their lengths in their division, each with its list: the revocation "
                    + "worklist, credit records due and open tips for officers and auditors; an inspector's targets "
                    + "still without a result.")
    @GetMapping
    @PreAuthorize("hasAnyRole('orgs-officer', 'auditor', 'inspector')")
    WorklistCounts mine(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.from(jwt);
        return WorklistCounts.of(worklists.of(caller, authorization.scope(caller, null, "worklist")),
                worklist -> switch (worklist) {
                    case REVOCATIONS_DUE -> "/api/orgs/worklists/revocation";
                    case CREDIT_RECORDS_DUE -> "/api/orgs/worklists/credit-records";
                    case OPEN_TIPS -> "/api/orgs/tips?open=true";
                    case INSPECTIONS_TO_ENTER -> "/api/orgs/inspections/assigned?open=true";
                });
    }
}
