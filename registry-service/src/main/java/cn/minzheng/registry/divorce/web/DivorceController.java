package cn.minzheng.registry.divorce.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.minzheng.platform.audit.Auditor;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.ETags;
import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;
import cn.minzheng.platform.text.Texts;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.registry.divorce.DateChange;
import cn.minzheng.registry.divorce.CounsellingSession;
import cn.minzheng.registry.divorce.Divorce;
import cn.minzheng.registry.divorce.DivorceService;
import cn.minzheng.registry.divorce.Divorces;
import cn.minzheng.registry.marriage.Marriage;
import cn.minzheng.registry.marriage.Marriages;
import cn.minzheng.registry.office.Office;
import cn.minzheng.registry.office.Offices;

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

/** Divorce by agreement at a registrar's window: apply, withdraw, register, and counselling in between. */
@Tag(name = "离婚登记 Divorces", description = "协议离婚：申请、冷静期、撤回、登记和婚姻家庭辅导。 Divorce by agreement: application, cooling-off, withdrawal, registration and counselling.")
@RestController
@RequestMapping("/api/registry/divorces")
class DivorceController {

    private final DivorceService service;
    private final Clock clock;
    private final Divorces divorces;
    private final Marriages marriages;
    private final Offices offices;
    private final Authorization authorization;
    private final Auditor auditor;

    private final LegalCalendar calendar;
    private final Texts texts;

    DivorceController(DivorceService service, Divorces divorces, Marriages marriages, Offices offices,
            Authorization authorization, Auditor auditor, LegalCalendar calendar, Texts texts, Clock clock) {
        this.calendar = calendar;
        this.texts = texts;
        this.clock = clock;
        this.service = service;
        this.divorces = divorces;
        this.marriages = marriages;
        this.offices = offices;
        this.authorization = authorization;
        this.auditor = auditor;
    }

    record NewDivorce(@NotBlank String marriageId, String officeId) {
    }

    record Withdrawal(@NotNull Divorce.Party party) {
    }

    record Registration(String officeId) {
    }

    record CounsellingOffer(@NotBlank @Size(max = 100) String counsellor) {
    }

    record CounsellingAnswer(@NotNull Boolean accepted) {
    }

    record CounsellingOutcome(@NotBlank @Size(max = 100) String outcome, @Size(max = 2000) String note) {
    }

    record DivorceResponse(String id, String marriageId, Divorce.Status status, Divorce.Phase phase,
            String phaseLabel, LocalDate registrableUntil, LocalDate appliedOn,
            LocalDate coolingOffEnds, LocalDate registrableFrom, LocalDate certificateDeadline, LocalDate closedOn,
            Divorce.Party withdrawnBy, String certificateNo, String officeId, List<CounsellingSession> counselling,
            LegalCalendar.Basis legalTime, List<DateChange> dateChanges, List<Divorce.Action> actions) {

        /**
         * As of that day: status that depends on time is true when it is read, and so is whether the dates rest on
         * a year whose holiday schedule is not loaded yet ({@code legalTime.provisional}). {@code actions}: what a
         * registrar may do on it today; none for the read-only roles.
         */
        static DivorceResponse of(Divorce divorce, LocalDate today, LegalCalendar calendar, Texts texts,
                boolean registrar) {
            Divorce.Phase phase = divorce.phaseOn(today).orElse(null);
            return new DivorceResponse(divorce.id(), divorce.marriageId(), divorce.statusOn(today), phase,
                    phase == null ? null : texts.label("divorce.phase." + phase),
                    phase == null ? null : divorce.certificateDeadline(),
                    divorce.appliedOn(), divorce.coolingOffEnds(), divorce.coolingOffEnds().plusDays(1),
                    divorce.certificateDeadline(), divorce.closedOnAsOf(today), divorce.withdrawnBy(),
                    divorce.certificateNo(), divorce.officeId(), divorce.counselling(),
                    calendar.basis(divorce.appliedOn(), divorce.certificateDeadline()), divorce.dateChanges(),
                    registrar ? divorce.actionsOn(today).stream().sorted().toList() : List.of());
        }
    }

    /** The application, at the office named (or the marriage's own office when none is). */
    @Operation(summary = "申请离婚登记 Apply for a divorce",
            description = "开始 30 天冷静期（法定期间）；答复给出各日期及其依据是否为暂定。\n"
                    + "Starts the 30-day cooling-off (a legal period); the answer gives the dates and whether they are provisional.")
    @PostMapping
    @PreAuthorize("hasRole('registrar')")
    ResponseEntity<DivorceResponse> apply(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody NewDivorce command) {
        Marriage marriage = marriages.get(command.marriageId());
        Office office = officeOfCaller(jwt, command.officeId() == null ? marriage.officeId() : command.officeId());
        Divorce divorce = service.apply(marriage, office, Caller.from(jwt).username());
        auditor.concerning(divorce.id(), divorce.personRefs());
        return ETags.created(URI.create("/api/registry/divorces/" + divorce.id()), divorce,
                DivorceResponse.of(divorce, LocalDate.now(clock), calendar, texts, true));
    }

    /** The registrar's to-do list: open applications whose registration period ends within the given days. */
    @Operation(summary = "登记期将届满的离婚申请 Divorce windows ending soon",
            description = "本区划内尚未办结、登记期在今天起若干天内届满的离婚申请（默认 7 天），按届满日排序、分页。\n"
                    + "Open applications in the division whose registration period ends within the given days "
                    + "(default 7) from today, soonest first, paged.")
    @GetMapping
    @PreAuthorize("hasAnyRole('registrar', 'auditor', 'admin')")
    PageResponse<DivorceResponse> windowsEnding(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division,
            @RequestParam(defaultValue = "7") @Min(0) @Max(60) int windowEndsWithinDays,
            @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "divorce");
        LocalDate today = LocalDate.now(clock);
        LocalDate last = today.plusDays(windowEndsWithinDays);
        return PageResponse.of(
                divorces.windowEndingBetween(scope, today, last, page.offset(), page.size()), page,
                divorces.countWindowEndingBetween(scope, today, last),
                divorce -> DivorceResponse.of(divorce, today, calendar, texts, isRegistrar(jwt)));
    }

    @Operation(summary = "查看离婚申请 Read a divorce application",
            description = "申请、日期及其调整记录；状态按读取时的日期计算。\n"
                    + "The application, its dates and their changes; the status is as of the day it is read.")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('registrar', 'auditor', 'admin')")
    ResponseEntity<DivorceResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Divorce divorce = divorces.get(id);
        return ETags.ok(divorce, DivorceResponse.of(divorce, LocalDate.now(clock), calendar, texts,
                isRegistrar(jwt)));
    }

    @Operation(summary = "撤回离婚申请 Withdraw",
            description = "冷静期内任何一方可撤回。\n"
                    + "Either party may withdraw during cooling-off.")
    @PostMapping("/{id}/withdrawal")
    @PreAuthorize("hasRole('registrar')")
    ResponseEntity<DivorceResponse> withdraw(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody Withdrawal command) {
        Divorce divorce = ETags.requireMatch(ifMatch, inDivision(jwt, id));
        auditor.concerning(id, divorce.personRefs());
        return respond(service.withdraw(divorce, command.party(), Caller.from(jwt).username()));
    }

    @Operation(summary = "离婚登记 Register the divorce",
            description = "冷静期届满后至办理期限内，在办理日双方共同办理。\n"
                    + "After cooling-off and until the deadline, on a registration day, with both parties.")
    @PostMapping("/{id}/registration")
    @PreAuthorize("hasRole('registrar')")
    ResponseEntity<DivorceResponse> register(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody(required = false) Registration command) {
        Divorce divorce = ETags.requireMatch(ifMatch, divorces.get(id));
        Office office = officeOfCaller(jwt, command == null || command.officeId() == null ? divorce.officeId()
                : command.officeId());
        auditor.concerning(id, divorce.personRefs());
        return respond(service.register(divorce, office, Caller.from(jwt).username()));
    }

    @Operation(summary = "安排婚姻家庭辅导 Offer counselling",
            description = "冷静期内为双方安排辅导。\n"
                    + "Offers the couple a counselling session during cooling-off.")
    @PostMapping("/{id}/counselling")
    @PreAuthorize("hasRole('registrar')")
    ResponseEntity<CounsellingSession> offerCounselling(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody CounsellingOffer command) {
        CounsellingSession session = service.offerCounselling(ETags.requireMatch(ifMatch, inDivision(jwt, id)),
                command.counsellor(), Caller.from(jwt).username());
        return ResponseEntity.created(URI.create("/api/registry/divorces/" + id + "/counselling/" + session.id()))
                .body(session);
    }

    @Operation(summary = "答复辅导安排 Answer the offer",
            description = "双方接受或拒绝辅导。\n"
                    + "The couple accepts or declines.")
    @PostMapping("/{id}/counselling/{sessionId}/answer")
    @PreAuthorize("hasRole('registrar')")
    ResponseEntity<DivorceResponse> answerCounselling(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @PathVariable String sessionId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody CounsellingAnswer command) {
        return respond(service.answerCounselling(ETags.requireMatch(ifMatch, inDivision(jwt, id)), sessionId,
                command.accepted()));
    }

    @Operation(summary = "辅导结论 Conclude counselling",
            description = "记录辅导的结果。\n"
                    + "Records the session's outcome.")
    @PostMapping("/{id}/counselling/{sessionId}/outcome")
    @PreAuthorize("hasRole('registrar')")
    ResponseEntity<DivorceResponse> concludeCounselling(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @PathVariable String sessionId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody CounsellingOutcome command) {
        return respond(service.concludeCounselling(ETags.requireMatch(ifMatch, inDivision(jwt, id)), sessionId,
                command.outcome(), command.note()));
    }

    /** After a registrar's act (every write here is a registrar's). */
    private ResponseEntity<DivorceResponse> respond(Divorce divorce) {
        return ETags.ok(divorce, DivorceResponse.of(divorce, LocalDate.now(clock), calendar, texts, true));
    }

    private static boolean isRegistrar(Jwt jwt) {
        return Caller.from(jwt).hasRole("registrar");
    }

    /**
     * An application is handled by registrars of the division where it was filed (the registration itself may
     * happen at another office of the caller's division, which {@link #officeOfCaller} checks).
     */
    private Divorce inDivision(Jwt jwt, String id) {
        Divorce divorce = divorces.get(id);
        authorization.requireDivision(Caller.from(jwt), divorce.division(), "divorce", id);
        return divorce;
    }

    private Office officeOfCaller(Jwt jwt, String officeId) {
        Office office = offices.get(officeId);
        authorization.requireDivision(Caller.from(jwt), office.division(), "office", office.id());
        return office;
    }
}
