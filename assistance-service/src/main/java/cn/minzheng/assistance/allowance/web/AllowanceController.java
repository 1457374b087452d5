package cn.minzheng.assistance.allowance.web;

import java.net.URI;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.assistance.allowance.Allowance;
import cn.minzheng.assistance.allowance.AllowanceProgramme;
import cn.minzheng.assistance.allowance.AllowanceService;
import cn.minzheng.assistance.allowance.Beneficiaries;
import cn.minzheng.assistance.allowance.Beneficiary;
import cn.minzheng.assistance.allowance.CitizenHousehold;
import cn.minzheng.assistance.allowance.web.AllowanceRequests.Decision;
import cn.minzheng.assistance.allowance.web.AllowanceRequests.NewAllowance;
import cn.minzheng.assistance.allowance.web.AllowanceRequests.Reason;
import cn.minzheng.assistance.payroll.Payments;
import cn.minzheng.platform.audit.Auditor;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Category allowances of individual people: filing, decisions, reading and ending them. */
@Tag(name = "分类补贴 Allowances", description = "残疾人两项补贴、孤儿和事实无人抚养儿童基本生活费、高龄津贴。 "
        + "Disability subsidies, orphans' and unsupported children's allowances, old-age allowance.")
@RestController
@RequestMapping("/api/assistance/allowances")
class AllowanceController {

    static final String STAFF = "hasAnyRole('township-officer', 'county-approver', 'auditor', 'admin')";

    private final Beneficiaries beneficiaries;
    private final Payments payments;
    private final AllowanceService service;
    private final AllowanceViews views;
    private final CitizenHousehold citizens;
    private final Authorization authorization;
    private final Auditor auditor;

    AllowanceController(Beneficiaries beneficiaries, Payments payments, AllowanceService service, AllowanceViews views,
            CitizenHousehold citizens, Authorization authorization, Auditor auditor) {
        this.beneficiaries = beneficiaries;
        this.payments = payments;
        this.service = service;
        this.views = views;
        this.citizens = citizens;
        this.authorization = authorization;
        this.auditor = auditor;
    }

    @Operation(summary = "申请或核定分类补贴 File for an allowance",
            description = "乡镇经办人核定（符合当期规则即从下月起发放，否则 422 并说明依据的规则版本）；"
                    + "公民为本人或同户未成年人申请，待经办人审核。无须家庭经济状况核对。\n"
                    + "A township officer's filing is the decision (paid from next month, or 422 naming the rule "
                    + "version); a citizen applies for themselves or a minor of their household, for an officer to "
                    + "decide. No means test.")
    @PostMapping
    @PreAuthorize("hasAnyRole('township-officer', 'citizen')")
    ResponseEntity<AllowanceResponse> file(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody NewAllowance command) {
        Caller caller = Caller.from(jwt);
        boolean officer = caller.hasRole("township-officer");
        if (officer) {
            authorization.requireDivision(caller, command.divisionCode(), "allowance", null);
        } else {
            citizens.requireSelfOrMinor(caller, command.idNumber());
        }
        Beneficiary beneficiary = service.file(command.details(), command.programme(), caller.username(), officer);
        Allowance filed = beneficiary.allowances().stream().filter(a -> a.programme() == command.programme()
                && a.isOpen()).findFirst().orElseThrow();
        auditor.concerning(filed.id(), List.of(beneficiary.personRef()));
        return ResponseEntity.created(URI.create("/api/assistance/allowances/" + filed.id()))
                .eTag(ETags.of(beneficiary.version())).body(view(beneficiary, filed));
    }

    @Operation(summary = "查看分类补贴 Read an allowance",
            description = "本月金额（就高时显示被哪项补贴替代）、各期金额及所依据的规则版本和条件。\n"
                    + "This month's amount (or which allowance an exclusive group pays instead), and every period "
                    + "with the rule version and criterion it was computed under.")
    @GetMapping("/{id}")
    @PreAuthorize(STAFF)
    ResponseEntity<AllowanceResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Beneficiary beneficiary = inDivision(jwt, id);
        return ResponseEntity.ok().eTag(ETags.of(beneficiary.version()))
                .body(view(beneficiary, beneficiary.allowance(id)));
    }

    @Operation(summary = "分类补贴列表 List allowances",
            description = "按区划、项目和状态分页列出享受分类补贴的人员及其补贴。\n"
                    + "People with allowances by division, programme and status, paged.")
    @GetMapping
    @PreAuthorize(STAFF)
    PageResponse<AllowanceResponse> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division,
            @RequestParam(required = false) AllowanceProgramme programme,
            @RequestParam(required = false) Allowance.Status status, @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "allowance");
        List<AllowanceResponse> items = beneficiaries.find(scope, programme, status, page.offset(), page.size())
                .stream().flatMap(b -> b.allowances().stream()
                        .filter(a -> (programme == null || a.programme() == programme)
                                && (status == null || a.status() == status))
                        .map(a -> view(b, a)))
                .toList();
        return PageResponse.of(items, page, beneficiaries.count(scope, programme, status), item -> item);
    }

    /** One payment line of an allowance. */
    record LineResponse(String id, String payrollId, String kind, YearMonth month, java.math.BigDecimal amount,
            java.time.Instant paidAt) {
    }

    @Operation(summary = "补贴发放明细 Payments of an allowance",
            description = "该补贴每月的发放记录，含补发。\n"
                    + "Every payment of the allowance by month, arrears included.")
    @GetMapping("/{id}/payments")
    @PreAuthorize(STAFF)
    List<LineResponse> payments(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        inDivision(jwt, id).allowance(id);
        return payments.ofAllowance(id).stream().map(p -> new LineResponse(p.id(), p.payrollId(), p.kind().name(),
                p.month(), p.amount().amount(), p.paidAt())).toList();
    }

    @Operation(summary = "审核公民申请 Decide an application",
            description = "乡镇经办人批准（按当期规则从下月起发放）或不予批准（须写明理由）。\n"
                    + "A township officer approves (paid from next month under the rules in force) or refuses, "
                    + "with a reason.")
    @PostMapping("/{id}/decision")
    @PreAuthorize("hasRole('township-officer')")
    ResponseEntity<AllowanceResponse> decide(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody Decision command) {
        Beneficiary beneficiary = inDivision(jwt, id);
        ETags.requireMatch(ifMatch, beneficiary.version());
        boolean approve = "APPROVE".equals(command.decision());
        if (!approve && (command.opinion() == null || command.opinion().isBlank())) {
            throw Refusal.invalid("invalid-request").as("opinion-required")
                    .on("opinion");
        }
        service.decide(beneficiary, id, approve, command.opinion(), Caller.from(jwt).username());
        return respond(beneficiary, id);
    }

    @Operation(summary = "终止分类补贴 End an allowance",
            description = "经办人或审批人写明理由终止，发放至本月。\n"
                    + "An officer or approver ends it with a reason; paid through the current month.")
    @PostMapping("/{id}/termination")
    @PreAuthorize("hasAnyRole('township-officer', 'county-approver')")
    ResponseEntity<AllowanceResponse> terminate(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody Reason command) {
        Beneficiary beneficiary = inDivision(jwt, id);
        ETags.requireMatch(ifMatch, beneficiary.version());
        service.terminate(beneficiary, id, command.reason(), Caller.from(jwt).username());
        return respond(beneficiary, id);
    }

    private ResponseEntity<AllowanceResponse> respond(Beneficiary beneficiary, String id) {
        auditor.concerning(id, List.of(beneficiary.personRef()));
        return ResponseEntity.ok().eTag(ETags.of(beneficiary.version())).body(view(beneficiary,
                beneficiary.allowance(id)));
    }

    private Beneficiary inDivision(Jwt jwt, String allowanceId) {
        Beneficiary beneficiary = beneficiaries.find(Beneficiary.personRefOf(allowanceId))
                .orElseThrow(() -> Refusal.notFound("not-found",
                        Refusal.term("allowance"), allowanceId).as("not-found.id"));
        authorization.requireDivision(Caller.from(jwt), beneficiary.division(), "allowance", allowanceId);
        beneficiary.allowance(allowanceId);
        return beneficiary;
    }

    private AllowanceResponse view(Beneficiary beneficiary, Allowance allowance) {
        return views.of(beneficiary, allowance);
    }
}
