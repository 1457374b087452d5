package cn.minzheng.orgs.organization;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A proposed revocation from the 僵尸 clean-up worklist, waiting for a second officer: the registration is revoked
 * only when someone other than the proposer confirms (four-eyes).
 */
public record RevocationProposal(String reason, String legalBasis, LocalDate effectiveOn, String proposedBy,
        Instant proposedAt) {
}
