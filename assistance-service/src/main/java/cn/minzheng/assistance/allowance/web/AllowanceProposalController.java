package cn.minzheng.assistance.allowance.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.assistance.allowance.AllowanceProgramme;
import cn.minzheng.assistance.allowance.AllowanceProposal;
import cn.minzheng.assistance.allowance.AllowanceProposals;
import cn.minzheng.assistance.allowance.AllowanceService;
import cn.minzheng.assistance.allowance.Beneficiary;
import cn.minzheng.assistance.allowance.web.AllowanceRequests.Reason;
import cn.minzheng.platform.audit.Auditor;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.problem.ProblemResponses;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.ETags;
import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 免申即享: the enrolments the service proposes, for an officer to confirm with one action or dismiss. */
@Tag(name = "主动发现 Allowance proposals", description = "系统根据已掌握的信息主动提出的纳入建议（免申即享）。 "
        + "Enrolments the service proposes from what it knows (no application needed).")
@RestController
@RequestMapping("/api/assistance/allowance-proposals")
class AllowanceProposalController {

    private static final String OFFICERS = "hasAnyRole('township-officer', 'county-approver')";

    private final AllowanceProposals proposals;
    private final AllowanceService service;
    private final AllowanceViews views;
    private final Authorization authorization;
    private final Auditor auditor;
    private final ProblemResponses problems;

    AllowanceProposalController(AllowanceProposals proposals, AllowanceService service, AllowanceViews views,
            Authorization authorization, Auditor auditor, ProblemResponses problems) {
        this.problems = problems;
        this.proposals = proposals;
        this.service = service;
        this.views = views;
        this.authorization = authorization;
        this.auditor = auditor;
    }

    record ProposalResponse(String id, String personRef, String idNumber, String name, String divisionCode,
            AllowanceProgramme programme, YearMonth startMonth, BigDecimal monthlyAmount, String band,
            int ruleVersion, String criterionId, AllowanceProposal.Trigger trigger, AllowanceProposal.Status status,
            Instant proposedAt, String allowanceId, String decidedBy, Instant decidedAt, String dismissReason,
            long version) {

        static ProposalResponse of(AllowanceProposal p) {
            return new ProposalResponse(p.id(), p.personRef(), p.idNumber().masked(), p.name(), p.division().value(),
                    p.programme(), p.startMonth(), p.amount().amount(), p.band(), p.ruleVersion(), p.criterionId(),
                    p.trigger(), p.status(), p.proposedAt(), p.allowanceId(), p.decidedBy(), p.decidedAt(),
                    p.dismissReason(), p.version());
        }
    }

    @Operation(summary = "纳入建议列表 List proposals",
            description = "按区划、状态和项目分页列出系统提出的纳入建议（工作清单）。\n"
                    + "The proposals of a division by status and programme, paged (the worklist).")
    @GetMapping
    @PreAuthorize(AllowanceController.STAFF)
    PageResponse<ProposalResponse> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division,
            @RequestParam(required = false) AllowanceProposal.Status status,
            @RequestParam(required = false) AllowanceProgramme programme, @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "allowance-proposal");
        return PageResponse.of(proposals.find(scope, status, programme, page.offset(), page.size()), page,
                proposals.count(scope, status, programme), ProposalResponse::of);
    }

    @Operation(summary = "查看纳入建议 Read a proposal", description = "一条纳入建议及其依据。\n"
            + "One proposal and what it rests on.")
    @GetMapping("/{id}")
    @PreAuthorize(AllowanceController.STAFF)
    ResponseEntity<ProposalResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        AllowanceProposal proposal = inDivision(jwt, id);
        return ResponseEntity.ok().eTag(ETags.of(proposal.version())).body(ProposalResponse.of(proposal));
    }

    @Operation(summary = "确认纳入 Confirm a proposal",
            description = "经办人一键确认，按建议的起始月发放（含补发）；重复确认返回同一补贴。\n"
                    + "An officer confirms with one action; paid from the proposed month (arrears included). "
                    + "Confirming again answers with the same allowance.")
    @PostMapping("/{id}/confirmation")
    @PreAuthorize(OFFICERS)
    ResponseEntity<AllowanceResponse> confirm(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        AllowanceProposal proposal = inDivision(jwt, id);
        Beneficiary beneficiary = service.confirm(proposal, Caller.from(jwt).username());
        String allowanceId = proposals.get(id).allowanceId();
        auditor.concerning(allowanceId, List.of(beneficiary.personRef()));
        return ResponseEntity.ok().eTag(ETags.of(beneficiary.version()))
                .body(views.of(beneficiary, beneficiary.allowance(allowanceId)));
    }

    record Confirmations(@NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 100) String> ids) {
    }

    /** One proposal's result in a batch: confirmed with its allowance, or refused with the problem saying why. */
    record ConfirmationResult(String id, String outcome, String allowanceId,
            org.springframework.http.ProblemDetail problem) {
    }

    record ConfirmationResults(int confirmed, int refused, List<ConfirmationResult> results) {
    }

    @Operation(summary = "批量确认纳入 Confirm many proposals",
            description = "一次确认多条纳入建议（最多 100 条），逐条办理、逐条报告结果：已确认的给出补贴编号，未能确认的给出原因"
                    + "（与单条确认的拒绝相同，例如不在本区划、已不予纳入）；一条未能确认不影响其他各条。重复确认返回同一补贴。\n"
                    + "Confirms up to 100 proposals in one call, each on its own, and reports each: the allowance of one "
                    + "confirmed, the problem of one refused (as confirming it alone would answer: another division, "
                    + "dismissed already); one refused does not stop the others. Confirming again answers the same "
                    + "allowance.")
    @PostMapping("/confirmations")
    @PreAuthorize(OFFICERS)
    ConfirmationResults confirmAll(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody Confirmations command,
            jakarta.servlet.http.HttpServletRequest request) {
        String by = Caller.from(jwt).username();
        List<ConfirmationResult> results = new java.util.ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(command.ids())) {
            try {
                AllowanceProposal proposal = inDivision(jwt, id);
                Beneficiary beneficiary = service.confirm(proposal, by);
                String allowanceId = proposals.get(id).allowanceId();
                auditor.concerning(allowanceId, List.of(beneficiary.personRef()));
                results.add(new ConfirmationResult(id, "CONFIRMED", allowanceId, null));
            } catch (Refusal refusal) {
                results.add(new ConfirmationResult(id, "REFUSED", null, problems.refused(refusal, request)));
            }
        }
        int confirmed = (int) results.stream().filter(r -> r.allowanceId() != null).count();
        return new ConfirmationResults(confirmed, results.size() - confirmed, results);
    }

    @Operation(summary = "不予纳入 Dismiss a proposal", description = "经办人写明理由不予纳入。\n"
            + "An officer dismisses it with a reason.")
    @PostMapping("/{id}/dismissal")
    @PreAuthorize(OFFICERS)
    ResponseEntity<ProposalResponse> dismiss(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @Valid @RequestBody Reason command) {
        AllowanceProposal proposal = inDivision(jwt, id);
        service.dismiss(proposal, command.reason(), Caller.from(jwt).username());
        auditor.concerning(id, List.of(proposal.personRef()));
        return ResponseEntity.ok().eTag(ETags.of(proposal.version())).body(ProposalResponse.of(proposal));
    }

    private AllowanceProposal inDivision(Jwt jwt, String id) {
        AllowanceProposal proposal = proposals.get(id);
        authorization.requireDivision(Caller.from(jwt), proposal.division(), "allowance-proposal", id);
        return proposal;
    }
}
