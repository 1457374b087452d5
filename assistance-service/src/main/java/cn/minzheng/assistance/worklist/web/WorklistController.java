package cn.minzheng.assistance.worklist.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;

import cn.minzheng.assistance.worklist.Worklist;
import cn.minzheng.assistance.worklist.Worklists;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.WorklistCounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "待办 Worklists", description = "本人各项待办及其数量。 The caller's worklists and their lengths.")
@RestController
@RequestMapping("/api/assistance/worklists")
class WorklistController {

    private final Worklists worklists;
    private final Authorization authorization;

    WorklistController(Worklists worklists, Authorization authorization) {
        this.worklists = worklists;
        this.authorization = authorization;
    }

    @Operation(summary = "我的待办 My worklists",
            description = "按本人角色列出待办事项及其当前数量（本区划），每项附其列表地址：乡镇经办人有待审核申请、公示中申请、"
                    + "复核到期、走访逾期儿童；区县审批人有公示中申请、复核到期、待确认终止；儿童主任有本人负责的儿童和走访逾期儿童。\n"
                    + "The caller's worklists with their current lengths in the caller's division, each with the list "
                    + "it counts: a township officer's applications to review, applications on notice and reviews due; "
                    + "a county approver's applications on notice, reviews due and terminations to decide; a child director's "
                    + "own children and their overdue visits, an officer's too.")
    @GetMapping
    @PreAuthorize("hasAnyRole('township-officer', 'county-approver', 'child-director')")
    WorklistCounts mine(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.from(jwt);
        Map<Worklist, Long> counts = worklists.of(caller, authorization.scope(caller, null, "worklist"));
        return WorklistCounts.of(counts, this::list);
    }

    private String list(Worklist worklist) {
        return switch (worklist) {
            case APPLICATIONS_TO_REVIEW -> "/api/assistance/applications?status=SUBMITTED";
            case APPLICATIONS_ON_NOTICE -> "/api/assistance/applications?status=PUBLIC_NOTICE";
            case REVIEWS_DUE -> "/api/assistance/enrolments?status=ACTIVE&reviewDueBefore=" + worklists.reviewDueBefore();
            case TERMINATIONS_TO_DECIDE -> "/api/assistance/enrolments?status=TERMINATION_PROPOSED";
            case CHILDREN_ASSIGNED -> "/api/assistance/children";
            case VISITS_OVERDUE -> "/api/assistance/children?overdue=true";
        };
    }
}
