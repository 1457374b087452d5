package cn.minzheng.assistance.application.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.minzheng.assistance.application.Application;
import cn.minzheng.assistance.application.ApplicationService;
import cn.minzheng.assistance.application.Applications;
import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.assistance.household.Household;
import cn.minzheng.assistance.household.Households;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.platform.audit.Auditor;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.PersonRefs;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.ETags;
import cn.minzheng.platform.web.IdempotencyFilter;
import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;
import cn.minzheng.platform.text.Texts;

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

@Tag(name = "救助申请 Applications", description = "从申请、乡镇审核、公示到县级审批。 From application through township review and public notice to county approval.")
@RestController
@RequestMapping("/api/assistance/applications")
class ApplicationController {

    private final ApplicationService service;
    private final Applications applications;
    private final Households households;
    private final Authorization authorization;
    private final Auditor auditor;
    private final PersonalDataCipher cipher;
    private final LegalCalendar calendar;
    private final Texts texts;
    private final java.time.Clock clock;

    ApplicationController(ApplicationService service, Applications applications, Households households,
            Authorization authorization, Auditor auditor, PersonalDataCipher cipher, LegalCalendar calendar,
            Texts texts, java.time.Clock clock) {
        this.texts = texts;
        this.clock = clock;
        this.service = service;
        this.calendar = calendar;
        this.applications = applications;
        this.households = households;
        this.authorization = authorization;
        this.auditor = auditor;
        this.cipher = cipher;
    }

    record NewApplication(@NotBlank String householdId, @NotNull Programme programme,
            @NotBlank @Size(max = 1000) String reason,
            @DecimalMin("0.01") @Digits(integer = 7, fraction = 2) BigDecimal requestedAmount) {
    }

    record Review(@NotNull Application.Decision decision, @Size(max = 2000) String opinion) {
    }

    record NewObjection(@NotBlank @Size(max = 2000) String text) {
    }

    record Resolution(@NotNull @Pattern(regexp = "UPHELD|DISMISSED") String outcome,
            @NotBlank @Size(max = 2000) String note) {
    }

    /**
     * 一门受理 / online: a township officer for a household of their township, a citizen for their own household
     * (mobile), the provincial platform for households in its division.
     */
    @Operation(summary = "提交救助申请 Submit an application",
            description = "为家庭申请低保、特困、临时救助或低保边缘，随即进行家庭经济状况核对。\n"
                    + "Applies for dibao, extreme-poverty support, temporary assistance or marginal status for a household; the means test runs at once.")
    @PostMapping
    @PreAuthorize("hasAnyRole('township-officer', 'citizen', 'integration')")
    ResponseEntity<ApplicationResponse> submit(@AuthenticationPrincipal Jwt jwt,
            @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String requestKey,
            @Valid @RequestBody NewApplication command) {
        Caller caller = Caller.from(jwt);
        Household household = households.get(command.householdId());
        String channel;
        if (caller.hasRole("township-officer") || caller.hasRole("integration")) {
            authorization.requireDivision(caller, household.division(), "household",
                    household.id());
            channel = caller.hasRole("township-officer") ? "TOWNSHIP_WINDOW" : "ONE_THING_PLATFORM";
        } else {
            authorization.requireOwnRecord(PersonRefs.ofCitizen(caller, cipher), household.activeMemberRefs(),
                    "household", household.id());
            channel = "MOBILE";
        }
        Application application = service.submit(household, command.programme(), command.reason(),
                command.requestedAmount() == null ? null : Money.of(command.requestedAmount()), caller.username(),
                channel, caller.hasRole("township-officer"), requestKey);
        auditor.concerning(application.id(), application.memberRefs());
        return ResponseEntity.created(URI.create("/api/assistance/applications/" + application.id()))
                .eTag(ETags.of(application.version())).body(view(jwt, application));
    }

    @Operation(summary = "查看申请 Read an application",
            description = "申请的完整过程：谁在何时因何审核、异议、审批。\n"
                    + "The whole path: who reviewed, objected and decided, when and why.")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('township-officer', 'county-approver', 'auditor', 'admin')")
    ResponseEntity<ApplicationResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Application application = inDivision(jwt, id);
        return ResponseEntity.ok().eTag(ETags.of(application.version())).body(view(jwt, application));
    }

    /** The work queue. */
    @Operation(summary = "申请列表 List applications",
            description = "按区划和状态分页列出的待办事项。\n"
                    + "The work queue by division and status, paged.")
    @GetMapping
    @PreAuthorize("hasAnyRole('township-officer', 'county-approver', 'auditor', 'admin')")
    PageResponse<ApplicationResponse> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division,
            @RequestParam(required = false) Application.Status status, @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "application");
        return PageResponse.of(applications.find(scope, status, page.offset(), page.size()), page,
                applications.count(scope, status), a -> view(jwt, a));
    }

    /** 乡镇审核: PASS opens the 7-day public notice, REJECT needs a written opinion. */
    @Operation(summary = "乡镇审核 Township review",
            description = "通过则进入 7 天公示（按法定期间计算），不通过须写明理由。\n"
                    + "PASS opens the 7-day public notice (a legal period); REJECT needs a written reason.")
    @PostMapping("/{id}/review")
    @PreAuthorize("hasRole('township-officer')")
    ResponseEntity<ApplicationResponse> review(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody Review command) {
        Application application = inDivision(jwt, id);
        ETags.requireMatch(ifMatch, application.version());
        Application reviewed = service.review(application, command.decision(), command.opinion(),
                Caller.from(jwt).username());
        return respond(jwt, reviewed);
    }

    /**
     * Citizens and township officers of the division (API.md); auditors and admins are read-only roles and never
     * object (an objection blocks the approval). Anyone else objects through the notice page, without login.
     */
    @Operation(summary = "提出异议 Raise an objection",
            description = "公示期间由本区划的居民或乡镇经办人提出异议；审计员和管理员不能提出。\n"
                    + "An objection during the public notice, by a citizen or township officer of the division; never by an auditor or admin.")
    @PostMapping("/{id}/objections")
    @PreAuthorize("hasAnyRole('citizen', 'township-officer')")
    ResponseEntity<ApplicationResponse> object(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @Valid @RequestBody NewObjection command) {
        Application application = inDivision(jwt, id);
        return respond(jwt, service.object(application, command.text(), Caller.from(jwt).username()));
    }

    @Operation(summary = "处理异议 Resolve an objection",
            description = "经办人或审批人对异议作出结论。\n"
                    + "An officer or approver concludes an objection.")
    @PostMapping("/{id}/objections/{objectionId}/resolution")
    @PreAuthorize("hasAnyRole('township-officer', 'county-approver')")
    ResponseEntity<ApplicationResponse> resolve(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @PathVariable String objectionId, @Valid @RequestBody Resolution command) {
        Application application = inDivision(jwt, id);
        return respond(jwt, service.resolveObjection(application, objectionId, command.outcome(), command.note(),
                Caller.from(jwt).username()));
    }

    /** 区县审批, by someone other than the township reviewer (four-eyes: the application refuses it itself). */
    @Operation(summary = "县级审批 County approval",
            description = "公示期满且无未决异议后审批；审批人不能是审核人。\n"
                    + "Approval after the notice has ended with no open objection; the approver is not the reviewer.")
    @PostMapping("/{id}/approval")
    @PreAuthorize("hasRole('county-approver')")
    ResponseEntity<ApplicationResponse> approve(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody Review command) {
        Caller caller = Caller.from(jwt);
        Application application = inDivision(jwt, id);
        ETags.requireMatch(ifMatch, application.version());
        return respond(jwt, service.decide(application, command.decision(), command.opinion(), caller.username()));
    }


    private ResponseEntity<ApplicationResponse> respond(Jwt jwt, Application application) {
        auditor.concerning(application.id(), application.memberRefs());
        return ResponseEntity.ok().eTag(ETags.of(application.version())).body(view(jwt, application));
    }

    /** The application with what this caller may do on it now, by the application's own checks. */
    private ApplicationResponse view(Jwt jwt, Application application) {
        Caller caller = Caller.from(jwt);
        return ApplicationResponse.of(application, calendar, texts, application.actions(caller.username(),
                caller.hasRole("township-officer"), caller.hasRole("county-approver"), clock));
    }

    private Application inDivision(Jwt jwt, String id) {
        Application application = applications.get(id);
        authorization.requireDivision(Caller.from(jwt), application.division(), "application", id);
        return application;
    }
}
