package cn.minzheng.platform.audit;

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
@RestController
@RequestMapping("/api/${minzheng.service.name}")
class AuditController {

    private final AuditTrail trail;
    private final PersonalDataCipher cipher;

    AuditController(AuditTrail trail, PersonalDataCipher cipher) {
        this.trail = trail;
        this.cipher = cipher;
    }

    @GetMapping("/audit")
    PageResponse<AuditView> audit(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) String actor, @Valid PageParams paging) {
        var query = new AuditTrail.AuditQuery(instant(from), instant(to), actor, null);
        return PageResponse.of(trail.find(query, paging.offset(), paging.size()), paging, trail.count(query),
                AuditView::of);
    }

    @GetMapping("/audit/verification")
    AuditTrail.Verification verify() {
        return trail.verify();
    }

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
            String resourceType, String resourceId, String outcome, String requestId, String hash) {

        static AuditView of(AuditRecord r) {
            return new AuditView(r.sequence(), r.at(), r.actor(), r.roles(), r.division(), r.action(),
                    r.resourceType(), r.resourceId(), r.outcome(), r.requestId(), r.hash());
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
