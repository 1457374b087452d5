package cn.minzheng.platform.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;

import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonRefs;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for auditors (list, verify) and for citizens (who used my data). Roles: SecurityConfiguration. */
@Tag(name = "审计 Audit", description = "谁在何时对哪条记录做了什么；链式哈希防篡改。 Who did what to which record, when; hash-chained against tampering.")
@RestController
@RequestMapping("/api/${minzheng.service.name}")
class AuditController {

    private final AuditTrail trail;
    private final PersonalDataCipher cipher;

    AuditController(AuditTrail trail, PersonalDataCipher cipher) {
        this.trail = trail;
        this.cipher = cipher;
    }

    @Operation(summary = "查询审计记录 Search the audit trail",
            description = "审计员按操作人、记录和时间段查询，分页。\n"
                    + "Auditors search by actor, record and period, paged.")
    @GetMapping("/audit")
    PageResponse<AuditView> audit(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) String actor, @Valid PageParams paging) {
        var query = new AuditTrail.AuditQuery(instant(from), instant(to), actor, null);
        return PageResponse.of(trail.find(query, paging.offset(), paging.size()), paging, trail.count(query),
                AuditView::of);
    }

    @Operation(summary = "校验审计链 Verify the audit chain",
            description = "从头校验审计记录的哈希链，报告第一处断裂。\n"
                    + "Checks the audit trail's hash chain from the start and reports the first break.")
    @GetMapping("/audit/verification")
    AuditTrail.Verification verify() {
        return trail.verify();
    }

    @Operation(summary = "我的数据使用记录 Who used my data",
            description = "公民查看谁在何时读取或修改了本人的数据。\n"
                    + "A citizen sees who read or changed their data, and when.")
    @GetMapping("/me/data-usage")
    PageResponse<DataUsageView> dataUsage(@AuthenticationPrincipal Jwt jwt, @Valid PageParams paging) {
        String idNumber = Caller.from(jwt).idNumber().orElseThrow(() -> Refusal.forbidden("no-citizen-identity"));
        String personRef = PersonRefs.of(ResidentIdNumber.of(idNumber), cipher);
        var query = new AuditTrail.AuditQuery(null, null, null, personRef);
        return PageResponse.of(trail.find(query, paging.offset(), paging.size()), paging, trail.count(query),
                DataUsageView::of);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    record AuditView(long sequence, Instant at, String actor, List<String> roles, String division, String action,
            String resourceType, String resourceId, String outcome, String requestId, Long count, String hash) {

        static AuditView of(AuditRecord r) {
            return new AuditView(r.sequence(), r.at(), r.actor(), r.roles(), r.division(), r.action(),
                    r.resourceType(), r.resourceId(), r.outcome(), r.requestId(), r.count(), r.hash());
        }
    }

    /** What a citizen sees: who (and in what role and office) read or changed their data, and when. */
    record DataUsageView(Instant at, String actor, List<String> roles, String division, String action,
            String resourceType) {

        static DataUsageView of(AuditRecord r) {
            return new DataUsageView(r.at(), r.actor(), r.roles(), r.division(), r.action(), r.resourceType());
        }
    }
}
