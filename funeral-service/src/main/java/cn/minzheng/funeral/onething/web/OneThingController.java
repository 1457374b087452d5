package cn.minzheng.funeral.onething.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.funeral.callback.CallbackClient;
import cn.minzheng.funeral.callback.IntegrationClients;
import cn.minzheng.funeral.callback.CallbackDispatcher;
import cn.minzheng.funeral.callback.CallbackTargets;
import cn.minzheng.funeral.death.CauseCategory;
import cn.minzheng.funeral.onething.CaseService;
import cn.minzheng.funeral.onething.Office;
import cn.minzheng.funeral.onething.OneThingCase;
import cn.minzheng.funeral.onething.OneThingCases;
import cn.minzheng.funeral.onething.Step;
import cn.minzheng.platform.audit.Auditor;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonRefs;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.ProtectedIdNumber;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.text.Texts;

import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 身后一件事: one application after a death; each office's step, reported by events. */
@Tag(name = "身后一件事 After-death one thing", description = "一次申请，民政各业务联动办理。 "
        + "One application after a death; every office's step.")
@RestController
class OneThingController {

    private final CaseService service;
    private final IntegrationClients integrations;
    private final CallbackTargets targets;
    private final OneThingCases cases;
    private final Authorization authorization;
    private final Auditor auditor;
    private final PersonalDataCipher cipher;
    private final Duration stepTimeout;
    private final Texts texts;
    private final Clock clock;

    OneThingController(CaseService service, IntegrationClients integrations, CallbackTargets targets, OneThingCases cases, Authorization authorization, Auditor auditor,
            PersonalDataCipher cipher, @Value("${minzheng.funeral.one-thing.step-timeout:PT10M}") Duration stepTimeout,
            Texts texts, Clock clock) {
        this.texts = texts;
        this.service = service;
        this.integrations = integrations;
        this.targets = targets;
        this.cases = cases;
        this.authorization = authorization;
        this.auditor = auditor;
        this.cipher = cipher;
        this.stepTimeout = stepTimeout;
        this.clock = clock;
    }

    /** {@code divisionCode}: the deceased's household-registration (户籍) division, as recorded. */
    record Deceased(@NotNull ResidentIdNumber idNumber, @NotBlank @Size(max = 50) String name,
            @NotNull LocalDate dateOfDeath, @NotBlank @Size(max = 200) String place, CauseCategory cause,
            @NotNull DivisionCode divisionCode) {
    }

    /** The family member applying (seen in their /me/one-thing-cases). */
    record Applicant(@NotNull ResidentIdNumber idNumber, @NotBlank @Size(max = 50) String name,
            @NotBlank @Size(max = 20) String relation) {
    }

    /** {@code callbackUrl}: where each status change is sent, signed; must be on the client's allow-list. */
    record NewCase(@Valid @NotNull Deceased deceased, @Valid @NotNull Applicant applicant,
            @Size(max = 300) String callbackUrl) {
    }

    record CaseResponse(String id, String personRef, String deathId, LocalDate dateOfDeath, String residenceDivision,
            String applicantName, String applicantRelation, String submittedBy, Instant openedAt,
            OneThingCase.Status status, List<Step.Worded> steps, List<Office> overdue, long version) {

        /** Each step's detail worded in the caller's language. */
        static CaseResponse of(OneThingCase c, List<Office> overdue, Texts texts) {
            return new CaseResponse(c.id(), c.personRef(), c.deathId(), c.dateOfDeath(), c.residenceDivision()
                    .value(), c.applicantName(), c.applicantRelation(), c.submittedBy(), c.openedAt(), c.status(),
                    c.steps().stream().map(s -> s.worded(texts::word)).toList(), overdue, c.version());
        }
    }

    @Operation(summary = "申请身后一件事 Open an after-death case",
            description = "省级一件事平台或殡葬经办人提交；登记（或关联已登记的）死亡，答复 202 和案件编号。"
                    + "同一逝者再次申请返回同一案件。\n"
                    + "By the provincial platform or a funeral officer: records (or links) the death and answers 202 "
                    + "with the case id. A second application for the same person answers the same case.")
    @PostMapping("/api/funeral/one-thing/after-death")
    @PreAuthorize("hasAnyRole('integration', 'funeral-officer')")
    ResponseEntity<CaseResponse> open(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody NewCase command) {
        Caller caller = Caller.from(jwt);
        if (caller.hasRole("funeral-officer")) {
            authorization.requireDivision(caller, command.deceased().divisionCode(), "one-thing-case", null);
        }
        String client = null;
        if (caller.hasRole("integration")) {
            // The token's client (azp): registered, for the deceased's division, and the one called back.
            client = jwt.getClaimAsString("azp");
            CallbackClient registered = integrations.requireActsFor(client, command.deceased().divisionCode(),
                    "one-thing-case");
            if (command.callbackUrl() != null) {
                targets.requireAllowed(command.callbackUrl(), registered);
            }
        } else if (command.callbackUrl() != null) {
            targets.requireAllowed(command.callbackUrl(), null);
        }
        ProtectedIdNumber deceased = ProtectedIdNumber.protect(command.deceased().idNumber(), cipher);
        OneThingCase opened = service.open(new CaseService.Deceased(deceased, command.deceased().name(),
                command.deceased().dateOfDeath(), command.deceased().place(), command.deceased().cause() == null
                        ? CauseCategory.OTHER : command.deceased().cause(), command.deceased().divisionCode()),
                PersonRefs.of(command.applicant().idNumber(), cipher), command.applicant().name(),
                command.applicant().relation(), caller.username(), command.callbackUrl(), client);
        auditor.concerning(opened.id(), List.of(opened.personRef(), opened.applicantRef()));
        return ResponseEntity.accepted().location(URI.create("/api/funeral/one-thing/cases/" + opened.id()))
                .body(view(opened));
    }

    @Operation(summary = "查看案件 Read a case", description = "各部门办理环节：已办结、办理中、不予办理（附理由）或不涉及。\n"
            + "Each office's step: DONE, PENDING, REFUSED (with the reason) or NOT_APPLICABLE.")
    @GetMapping("/api/funeral/one-thing/cases/{id}")
    @PreAuthorize("hasAnyRole('integration', 'funeral-officer', 'auditor', 'admin')")
    ResponseEntity<CaseResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        OneThingCase found = readable(jwt, id);
        return ResponseEntity.ok().eTag(cn.minzheng.platform.web.ETags.of(found.version())).body(view(found));
    }

    private OneThingCase readable(Jwt jwt, String id) {
        Caller caller = Caller.from(jwt);
        OneThingCase found = cases.get(id);
        if (!caller.hasRole("integration")) {
            authorization.requireDivision(caller, found.residenceDivision(), "one-thing-case", id);
        }
        return found;
    }

    @Operation(summary = "回调记录 Callback deliveries of a case",
            description = "每次状态变化的回调及每次投递尝试（接收方状态码或错误）。\n"
                    + "Each status change's callback and every delivery attempt (the receiver's status or the error).")
    @GetMapping("/api/funeral/one-thing/cases/{id}/deliveries")
    @PreAuthorize("hasAnyRole('integration', 'funeral-officer', 'auditor', 'admin')")
    List<java.util.Map<String, Object>> deliveries(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return readable(jwt, id).notifications().stream().map(CallbackDispatcher::summary).toList();
    }

    @Operation(summary = "超时案件 Overdue cases", description = "有部门超过规定时间未答复的在办案件（工作清单），分页并给出总数。\n"
            + "Open cases with a step silent past the configured time (the worklist), paged with the total.")
    @GetMapping("/api/funeral/one-thing/cases")
    @PreAuthorize("hasAnyRole('funeral-officer', 'auditor', 'admin')")
    PageResponse<CaseResponse> overdue(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division, @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "one-thing-case");
        java.time.Instant openedBefore = clock.instant().minus(stepTimeout);
        return PageResponse.of(cases.overdue(scope, openedBefore, page.offset(), page.size()), page,
                cases.countOverdue(scope, openedBefore), this::view);
    }

    @Operation(summary = "我的身后一件事 My cases", description = "公民查看本人作为申请人提交的案件。\n"
            + "A citizen sees the cases they applied for.")
    @GetMapping("/api/funeral/me/one-thing-cases")
    @PreAuthorize("hasRole('citizen')")
    List<CaseResponse> mine(@AuthenticationPrincipal Jwt jwt) {
        String me = PersonRefs.ofCitizen(Caller.from(jwt), cipher);
        return cases.ofApplicant(me).stream().map(this::view).toList();
    }

    private CaseResponse view(OneThingCase found) {
        return CaseResponse.of(found, found.overdue(stepTimeout, clock), texts);
    }
}
