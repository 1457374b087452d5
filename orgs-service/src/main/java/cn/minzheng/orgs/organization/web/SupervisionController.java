package cn.minzheng.orgs.organization.web;

import java.time.Clock;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.minzheng.orgs.organization.MajorMatter;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.time.LegalCalendar;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The registry's supervision of a registered organisation, each step on the version read (If-Match). */
@Tag(name = "社会组织监管 Supervision", description = "慈善组织认定、重大事项报告、注销、僵尸型社会组织撤销（双人复核）、信用记录。 "
        + "Charity recognition, major matters, deregistration, the zombie clean-up (four-eyes), credit records.")
@RestController
@RequestMapping("/api/orgs/organizations/{id}")
@PreAuthorize("hasRole('orgs-officer')")
class SupervisionController {

    private final OrgChanges changes;
    private final LegalCalendar calendar;
    private final Clock clock;

    SupervisionController(OrgChanges changes, LegalCalendar calendar, Clock clock) {
        this.changes = changes;
        this.calendar = calendar;
        this.clock = clock;
    }

    record CharityRecognition(@NotNull LocalDate recognizedOn) {
    }

    @Operation(summary = "慈善组织认定 Charity recognition", description = "认定为慈善组织及认定日期，只认定一次。发布 org.changed。"
            + "带 If-Match。\nRecognises the organisation as a charity from a day, once. Publishes org.changed. "
            + "Send If-Match.")
    @PostMapping("/charity-recognition")
    ResponseEntity<OrganizationResponse> recognize(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CharityRecognition command) {
        return changes.change(jwt, id, ifMatch, org -> org.recognizeAsCharity(command.recognizedOn(),
                Caller.from(jwt).username(), clock));
    }

    record MajorMatterBody(@NotNull MajorMatter.Kind kind, @NotBlank @Size(max = 2000) String summary,
            LocalDate occursOn, @NotNull LocalDate reportedOn) {
    }

    @Operation(summary = "重大事项报告 Major-matter report", description = "登记社会组织报告的重大事项：类别、内容、发生日期和报告日期。"
            + "带 If-Match。\nRecords a major matter the organisation reported: kind, summary, when it happens and "
            + "when it was reported. Send If-Match.")
    @PostMapping("/major-matters")
    ResponseEntity<OrganizationResponse> majorMatter(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody MajorMatterBody command) {
        return changes.change(jwt, id, ifMatch, org -> org.reportMajorMatter(command.kind(), command.summary(),
                command.occursOn(), command.reportedOn(), Caller.from(jwt).username(), clock));
    }

    record DeregistrationApplication(@NotNull LocalDate appliedOn, @NotBlank @Size(max = 500) String reason) {
    }

    @Operation(summary = "注销申请 Apply for deregistration", description = "注销第一步：受理注销申请。之后报送清算报告，再核准注销。"
            + "带 If-Match。\nDeregistration step 1: the application; then the liquidation report, then approval. "
            + "Send If-Match.")
    @PostMapping("/deregistration")
    ResponseEntity<OrganizationResponse> applyForDeregistration(@AuthenticationPrincipal Jwt jwt,
            @PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody DeregistrationApplication command) {
        return changes.change(jwt, id, ifMatch, org -> org.applyForDeregistration(command.appliedOn(),
                command.reason(), Caller.from(jwt).username(), clock));
    }

    record LiquidationReport(@NotNull LocalDate reportedOn, @NotBlank @Size(max = 2000) String summary) {
    }

    @Operation(summary = "清算报告 Liquidation report", description = "注销第二步：清算报告，须在申请之后。带 If-Match。\n"
            + "Step 2: the liquidation report, after the application. Send If-Match.")
    @PostMapping("/deregistration/liquidation-report")
    ResponseEntity<OrganizationResponse> liquidation(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody LiquidationReport command) {
        return changes.change(jwt, id, ifMatch, org -> org.fileLiquidationReport(command.reportedOn(),
                command.summary(), Caller.from(jwt).username(), clock));
    }

    record DeregistrationApproval(@NotNull LocalDate approvedOn) {
    }

    @Operation(summary = "核准注销 Approve deregistration", description = "注销第三步：核准注销，登记终止（DEREGISTERED）。"
            + "发布 org.changed。带 If-Match。\nStep 3: approval; the registration ends (DEREGISTERED). Publishes "
            + "org.changed. Send If-Match.")
    @PostMapping("/deregistration/approval")
    ResponseEntity<OrganizationResponse> approveDeregistration(@AuthenticationPrincipal Jwt jwt,
            @PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody DeregistrationApproval command) {
        return changes.change(jwt, id, ifMatch, org -> org.approveDeregistration(command.approvedOn(),
                Caller.from(jwt).username(), clock));
    }

    record RevocationProposalBody(@NotBlank @Size(max = 500) String reason,
            @NotBlank @Size(max = 200) String legalBasis, @NotNull LocalDate effectiveOn) {
    }

    @Operation(summary = "提出撤销（僵尸型清理） Propose revocation",
            description = "对连续两年未参加年检、列入撤销工作清单的社会组织提出撤销登记；须由另一名登记管理人员确认。带 If-Match。\n"
                    + "Proposes revoking an organisation on the clean-up worklist (two consecutive years without annual "
                    + "inspection); another officer must confirm. Send If-Match.")
    @PostMapping("/revocation-proposal")
    ResponseEntity<OrganizationResponse> propose(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody RevocationProposalBody command) {
        return changes.change(jwt, id, ifMatch, org -> org.proposeZombieRevocation(command.reason(), command.legalBasis(),
                command.effectiveOn(), Caller.from(jwt).username(), clock, calendar));
    }

    @Operation(summary = "确认撤销 Confirm revocation",
            description = "另一名登记管理人员确认撤销（提出人本人确认的 403）：登记撤销，发布 org.revoked。带 If-Match。\n"
                    + "A second officer confirms (the proposer gets 403): the registration is revoked and org.revoked "
                    + "published. Send If-Match.")
    @PostMapping("/revocation-proposal/confirmation")
    ResponseEntity<OrganizationResponse> confirm(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return changes.change(jwt, id, ifMatch, org -> org.confirmRevocation(Caller.from(jwt).username(), clock));
    }

    record CreditRecord(@NotNull @Min(0) @Max(10_000) Integer change, @NotNull LocalDate recordedOn) {
    }

    @Operation(summary = "录入信用记录 Credit record entered",
            description = "记录列入或移出名录的决定已录入信用信息系统（应在决定后 5 个工作日内）；change 为状态记录的序号（从 0 起）。带 If-Match。\n"
                    + "Records that a list decision (entered or left) was entered in the credit record, due within 5 "
                    + "working days; change is its place in the status history (from 0). Send If-Match.")
    @PostMapping("/credit-records")
    ResponseEntity<OrganizationResponse> creditRecord(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CreditRecord command) {
        return changes.change(jwt, id, ifMatch, org -> org.recordCredit(command.change(), command.recordedOn(),
                Caller.from(jwt).username(), clock));
    }
}
