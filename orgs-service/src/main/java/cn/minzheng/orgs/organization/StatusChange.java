package cn.minzheng.orgs.organization;

import java.time.Instant;
import java.time.LocalDate;

/** One change of status, kept for good: from what to what, why, on which legal basis, by whom, when. */
public record StatusChange(OrgStatus from, OrgStatus to, String reason, String legalBasis, LocalDate effectiveOn,
        String by, Instant at) {
}
