package cn.minzheng.assistance.child.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.assistance.child.ChildRecord;
import cn.minzheng.assistance.child.ChildRecords;
import cn.minzheng.platform.audit.Auditor;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.PhoneNumber;
import cn.minzheng.platform.personal.ProtectedIdNumber;
import cn.minzheng.platform.personal.ProtectedValue;
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

/**
 * Children's records. Read and written only by officers of the child's division and by the child director assigned
 * to the child (auditors and administrators included in neither: a child's file is need-to-know).
 */
@Tag(name = "未成年人保护 Child protection", description = "困境儿童和留守儿童档案、委托监护协议、儿童主任走访。 "
        + "Children in difficulty and left-behind children, guardianship agreements, child directors' visits.")
@RestController
@RequestMapping("/api/assistance/children")
class ChildController {

    static final String READERS = "hasAnyRole('township-officer', 'county-approver', 'child-director')";

    private final ChildRecords children;
    private final Authorization authorization;
    private final Auditor auditor;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    ChildController(ChildRecords children, Authorization authorization, Auditor auditor, PersonalDataCipher cipher,
            Clock clock) {
        this.children = children;
        this.authorization = authorization;
        this.auditor = auditor;
        this.cipher = cipher;
        this.clock = clock;
    }

    record NewChild(@NotNull ResidentIdNumber idNumber, @NotBlank @Size(max = 50) String name,
            @NotNull DivisionCode divisionCode, @NotNull ChildRecord.Category category,
            @NotNull ChildRecord.Risk riskLevel, @NotBlank @Size(max = 500) String riskReason,
            @Size(max = 64) String directorUsername) {
    }

    record NewAssessment(@NotNull ChildRecord.Risk riskLevel, @NotBlank @Size(max = 500) String reason) {
    }

    record NewAgreement(@NotBlank @Size(max = 50) String guardianName, @NotBlank @Size(max = 20) String relation,
            PhoneNumber guardianPhone, @NotNull LocalDate validFrom, @NotNull LocalDate validUntil,
            @NotNull LocalDate signedOn) {
    }

    record NewVisit(@NotNull LocalDate on, @NotBlank @Size(max = 2000) String note) {
    }

    record ChildResponse(String id, String personRef, String idNumber, String name, LocalDate birthDate,
            String divisionCode, ChildRecord.Category category, ChildRecord.Risk riskLevel, String riskReason,
            String directorUsername, List<ChildRecord.Assessment> assessments, List<AgreementView> agreements,
            List<ChildRecord.Visit> visits, LocalDate nextVisitDue, boolean visitOverdue, long version) {

        static ChildResponse of(ChildRecord c, LocalDate today) {
            return new ChildResponse(c.id(), c.idNumber().personRef(), c.idNumber().masked(), c.name(),
                    c.birthDate(), c.division().value(), c.category(), c.risk(), c.riskReason(),
                    c.directorUsername(), c.assessments(), c.agreements().stream().map(a -> new AgreementView(
                            a.guardianName(), a.relation(), a.guardianPhone() == null ? null
                                    : a.guardianPhone().masked(), a.validFrom(), a.validUntil(), a.signedOn(),
                            a.validOn(today))).toList(),
                    c.visits(), c.nextVisitDue(), c.visitOverdue(today), c.version());
        }
    }

    record AgreementView(String guardianName, String relation, String guardianPhone, LocalDate validFrom,
            LocalDate validUntil, LocalDate signedOn, boolean valid) {
    }

    @Operation(summary = "儿童建档 Open a child's record",
            description = "乡镇经办人为本辖区困境、留守等儿童建档，评定风险等级并可指定儿童主任。\n"
                    + "A township officer records a child of the division with a risk level, and may assign a "
                    + "child director.")
    @PostMapping
    @PreAuthorize("hasRole('township-officer')")
    ResponseEntity<ChildResponse> open(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody NewChild command) {
        Caller caller = Caller.from(jwt);
        authorization.requireDivision(caller, command.divisionCode(), "child", null);
        ProtectedIdNumber idNumber = ProtectedIdNumber.protect(command.idNumber(), cipher);
        ChildRecord record = ChildRecord.open(idNumber, command.name(), command.idNumber().birthDate(),
                command.divisionCode(), command.category(), command.riskLevel(), command.riskReason(),
                command.directorUsername(), caller.username(), clock);
        if (!children.insertIfAbsent(record)) {
            throw Refusal.conflict("child-record-exists", record.id());
        }
        auditor.concerning(record.id(), List.of(idNumber.personRef()));
        return ResponseEntity.created(URI.create("/api/assistance/children/" + record.id()))
                .eTag(ETags.of(record.version())).body(ChildResponse.of(record, LocalDate.now(clock)));
    }

    @Operation(summary = "查看儿童档案 Read a child's record",
            description = "仅限儿童所在辖区的工作人员和指定的儿童主任。\n"
                    + "Only staff of the child's division and the child director assigned to the child.")
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    ResponseEntity<ChildResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return respond(readable(jwt, id));
    }

    @Operation(summary = "儿童档案列表 List children",
            description = "工作人员按区划、类别和风险等级查看；儿童主任只看到指派给自己的儿童。"
                    + "overdue=true 为走访逾期的工作清单。\n"
                    + "Staff list by division, category and risk; a child director sees only their own children. "
                    + "overdue=true gives the overdue-visit worklist.")
    @GetMapping
    @PreAuthorize(READERS)
    PageResponse<ChildResponse> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division,
            @RequestParam(required = false) ChildRecord.Category category,
            @RequestParam(required = false) ChildRecord.Risk risk,
            @RequestParam(required = false) Boolean overdue, @Valid PageParams page) {
        Caller caller = Caller.from(jwt);
        DivisionCode scope = authorization.scope(caller, division, "child");
        String director = ChildRecords.caseloadOf(caller);
        LocalDate today = LocalDate.now(clock);
        LocalDate overdueOn = Boolean.TRUE.equals(overdue) ? today : null;
        return PageResponse.of(children.find(scope, director, category, risk, overdueOn, page.offset(), page.size()),
                page, children.count(scope, director, category, risk, overdueOn), c -> ChildResponse.of(c, today));
    }

    @Operation(summary = "风险评估 Assess risk", description = "重新评定风险等级并写明原因。\n"
            + "A new risk level with its reason.")
    @PostMapping("/{id}/assessments")
    @PreAuthorize(READERS)
    ResponseEntity<ChildResponse> assess(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody NewAssessment command) {
        ChildRecord record = ETags.requireMatch(ifMatch, readable(jwt, id));
        record.assess(command.riskLevel(), command.reason(), Caller.from(jwt).username(), clock);
        children.save(record);
        return respond(record);
    }

    @Operation(summary = "委托监护协议 Record a guardianship agreement",
            description = "登记委托监护责任确认书：受托监护人、关系、有效期和签订日期（电话加密保存）。\n"
                    + "Records an entrusted-guardianship agreement: the guardian, relation, validity and signing "
                    + "day (the phone number is stored encrypted).")
    @PostMapping("/{id}/agreements")
    @PreAuthorize(READERS)
    ResponseEntity<ChildResponse> agreement(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody NewAgreement command) {
        ChildRecord record = ETags.requireMatch(ifMatch, readable(jwt, id));
        record.sign(new ChildRecord.Agreement(command.guardianName(), command.relation(),
                command.guardianPhone() == null ? null : ProtectedValue.protect(command.guardianPhone(), cipher),
                command.validFrom(), command.validUntil(), command.signedOn(), Caller.from(jwt).username()), clock);
        children.save(record);
        return respond(record);
    }

    @Operation(summary = "走访记录 Record a visit", description = "儿童主任或工作人员记录走访，据风险等级计算下次走访日期。\n"
            + "A child director or officer records a visit; the next one falls due by the risk level.")
    @PostMapping("/{id}/visits")
    @PreAuthorize(READERS)
    ResponseEntity<ChildResponse> visit(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody NewVisit command) {
        ChildRecord record = ETags.requireMatch(ifMatch, readable(jwt, id));
        record.visited(new ChildRecord.Visit(command.on(), Caller.from(jwt).username(), command.note()), clock);
        children.save(record);
        return respond(record);
    }

    private ResponseEntity<ChildResponse> respond(ChildRecord record) {
        auditor.concerning(record.id(), List.of(record.idNumber().personRef()));
        return ResponseEntity.ok().eTag(ETags.of(record.version()))
                .body(ChildResponse.of(record, LocalDate.now(clock)));
    }

    /** Officers of the child's division, or the child director assigned to the child; anyone else a 403, audited. */
    private ChildRecord readable(Jwt jwt, String id) {
        Caller caller = Caller.from(jwt);
        ChildRecord record = children.get(id);
        if (ChildRecords.isOfficer(caller)) {
            authorization.requireDivision(caller, record.division(), "child", id);
        } else if (!record.assignedTo(caller.username())) {
            auditor.denied("NOT_ASSIGNED", "child", id);
            throw Refusal.forbidden("not-assigned");
        }
        return record;
    }
}
