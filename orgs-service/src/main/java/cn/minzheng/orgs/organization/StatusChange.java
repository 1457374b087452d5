package cn.minzheng.orgs.organization;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One change of status, kept for good: from what to what, why, on which legal basis, by whom, when; and, for a
 * change of credit (a list entered or left), when it was entered in the credit record, due within five working
 * days of the decision. {@code reason} is the officer's words as written; a change two officers made (a revocation)
 * names the one who proposed it ({@code proposedBy}) beside the one who confirmed it ({@code by}).
 */
public record StatusChange(OrgStatus from, OrgStatus to, String reason, String legalBasis, LocalDate effectiveOn,
        String by, Instant at, LocalDate creditRecordedOn, String creditRecordedBy, String proposedBy) {

    /** Entering or leaving the abnormal-activity or serious-violation list is a credit record. */
    public boolean isCreditChange() {
        return to.listed() || from.listed();
    }

    StatusChange creditRecorded(LocalDate on, String recordedBy) {
        return new StatusChange(from, to, reason, legalBasis, effectiveOn, by, at, on, recordedBy, proposedBy);
    }
}
