package cn.minzheng.assistance.enrolment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.assistance.enrolment.Enrolment;
import cn.minzheng.assistance.enrolment.EnrolmentService;
import cn.minzheng.assistance.enrolment.Enrolments;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.ETags;
import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;
import cn.minzheng.platform.text.Texts;

import org.springframework.format.annotation.DateTimeFormat;
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

@Tag(name = "救助对象 Enrolments", description = "在保对象的金额、复核和终止。 Enrolled households: amounts, periodic reviews and termination.")
@RestController
@RequestMapping("/api/assistance/enrolments")
class EnrolmentController {

    private static final String STAFF = "hasAnyRole('township-officer', 'county-approver', 'auditor', 'admin')";

    private final Enrolments enrolments;
    private final EnrolmentService service;
    private final Authorization authorization;
    private final Texts texts;
    private final Clock clock;

    EnrolmentController(Enrolments enrolments, EnrolmentService service, Authorization authorization, Texts texts,
            Clock clock) {
        this.texts = texts;
        this.enrolments = enrolments;
        this.service = service;
        this.authorization = authorization;
        this.clock = clock;
    }

    record EnrolmentResponse(String id, String householdId, String applicationId, String divisionCode,
            Programme programme, Enrolment.Status status, YearMonth startMonth, BigDecimal monthlyAmount,
            List<Line> breakdown, String standardUsed, BigDecimal standardAmount, List<Period> history,
            LocalDate nextReviewDue, String approvedBy, Enrolment.Termination termination, long version,
            List<Enrolment.Action> actions) {

        /** The history's reasons worded in the caller's language; {@code actions}: what the caller may do now. */
        static EnrolmentResponse of(Enrolment e, YearMonth month, Texts texts, Caller caller) {
            var current = e.periodFor(month.isBefore(e.startMonth()) ? e.startMonth() : month).orElseThrow();
            var benefit = current.benefit();
            return new EnrolmentResponse(e.id(), e.householdId(), e.applicationId(), e.division().value(), e.programme(),
                    e.status(), e.startMonth(), e.amountFor(month.isBefore(e.startMonth()) ? e.startMonth() : month)
                            .map(m -> m.amount()).orElse(BigDecimal.ZERO.setScale(2)),
                    benefit.breakdown().stream().map(l -> new Line(l.personRef(), l.maskedIdNumber(), l.item(),
                            l.amount().amount())).toList(),
                    current.standardId(), benefit.standardUsed().amount(),
                    e.amounts().stream().map(p -> new Period(p.fromMonth(), p.benefit().monthlyAmount().amount(),
                            texts.word(p.reason()))).toList(),
                    e.nextReviewDue(), e.approvedBy(), e.termination(), e.version(),
                    e.actions(caller.username(), caller.hasRole("township-officer"),
                            caller.hasRole("county-approver")).stream().sorted().toList());
        }
    }

    /** One line of the breakdown; the person is named by personRef and masked ID number only. */
    record Line(String personRef, String idNumber, String item, BigDecimal amount) {
    }

    record Period(YearMonth fromMonth, BigDecimal monthlyAmount, String reason) {
    }

    record TerminationProposal(@NotBlank @Size(max = 1000) String reason) {
    }

    record TerminationDecision(@NotNull @Pattern(regexp = "CONFIRM|REJECT") String decision,
            @Size(max = 1000) String opinion) {
    }

    @Operation(summary = "查看救助对象 Read an enrolment",
            description = "月救助金额及其构成、所用标准和复核日期。\n"
                    + "The monthly amount, its breakdown, the standard used and the review date.")
    @GetMapping("/{id}")
    @PreAuthorize(STAFF)
    ResponseEntity<EnrolmentResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return respond(jwt, inDivision(jwt, id));
    }

    /** Staff lists; {@code reviewDueBefore} gives the periodic-review worklist (复核). */
    @Operation(summary = "救助对象列表 List enrolments",
            description = "按区划、项目、状态和复核到期日分页列出。\n"
                    + "By division, programme, status and review due date, paged.")
    @GetMapping
    @PreAuthorize(STAFF)
    PageResponse<EnrolmentResponse> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division,
            @RequestParam(required = false) Programme programme,
            @RequestParam(required = false) Enrolment.Status status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewDueBefore,
            @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "enrolment");
        YearMonth month = YearMonth.now(clock);
        return PageResponse.of(enrolments.find(scope, programme, status, reviewDueBefore, page.offset(),
                page.size()), page, enrolments.count(scope, programme, status, reviewDueBefore),
                e -> EnrolmentResponse.of(e, month, texts, Caller.from(jwt)));
    }

    /** 注销: the township proposes with a reason; the county confirms or rejects below. */
    @Operation(summary = "提出终止 Propose termination",
            description = "乡镇经办人提出终止救助，须写明理由。\n"
                    + "A township officer proposes to end the assistance, with a reason.")
    @PostMapping("/{id}/termination")
    @PreAuthorize("hasRole('township-officer')")
    ResponseEntity<EnrolmentResponse> proposeTermination(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TerminationProposal command) {
        Enrolment enrolment = inDivision(jwt, id);
        ETags.requireMatch(ifMatch, enrolment.version());
        service.proposeTermination(enrolment, command.reason(), Caller.from(jwt).username());
        return respond(jwt, enrolment);
    }

    @Operation(summary = "终止审批 Decide termination",
            description = "县级审批人确认或驳回终止；不能是提出人。\n"
                    + "A county approver confirms or rejects it; not the proposer.")
    @PostMapping("/{id}/termination/decision")
    @PreAuthorize("hasRole('county-approver')")
    ResponseEntity<EnrolmentResponse> decideTermination(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TerminationDecision command) {
        Caller caller = Caller.from(jwt);
        Enrolment enrolment = inDivision(jwt, id);
        ETags.requireMatch(ifMatch, enrolment.version());
        if ("CONFIRM".equals(command.decision())) {
            service.confirmTermination(enrolment, caller.username());
        } else {
            service.rejectTermination(enrolment, caller.username());
        }
        return respond(jwt, enrolment);
    }

    /** 复核 done: the next review falls due a year (or a quarter) from today. */
    @Operation(summary = "登记定期复核 Record a periodic review",
            description = "完成复核后确定下次复核日期。\n"
                    + "Records a periodic review and sets the next one.")
    @PostMapping("/{id}/periodic-reviews")
    @PreAuthorize("hasRole('township-officer')")
    ResponseEntity<EnrolmentResponse> periodicReview(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Enrolment enrolment = inDivision(jwt, id);
        service.recordPeriodicReview(enrolment);
        return respond(jwt, enrolment);
    }

    private ResponseEntity<EnrolmentResponse> respond(Jwt jwt, Enrolment enrolment) {
        return ResponseEntity.ok().eTag(ETags.of(enrolment.version()))
                .body(EnrolmentResponse.of(enrolment, YearMonth.now(clock), texts, Caller.from(jwt)));
    }

    private Enrolment inDivision(Jwt jwt, String id) {
        Enrolment enrolment = enrolments.get(id);
        authorization.requireDivision(Caller.from(jwt), enrolment.division(), "enrolment", id);
        return enrolment;
    }
}
