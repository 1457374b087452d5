package cn.minzheng.registry.adoption;

import java.time.LocalDate;
import java.util.List;

import cn.minzheng.registry.party.Party;

/**
 * The facts a registrar decides an adoption on. {@code children} of an adopter is what the law counts: the
 * children they have, the registry's own earlier adoptions included; {@code marriageId} is their current marriage as
 * the registry knows it (null when none).
 */
public record AdoptionCase(List<Adopter> adopters, Party child, ChildStatus childStatus, boolean childDisabled,
        boolean inWelfareInstitution, boolean childConsented, boolean assessmentCompleted, LocalDate noticeFrom) {

    public record Adopter(Party party, int children, String marriageId) {
    }

    /** A foundling: a child whose parents cannot be found. */
    boolean foundling() {
        return childStatus == ChildStatus.PARENTS_UNKNOWN;
    }

    /**
     * Art. 1100, second paragraph: orphans, disabled minors and foundlings cared for by welfare institutions may be
     * adopted regardless of how many children the adopter has.
     */
    boolean exemptFromChildCount() {
        return childStatus == ChildStatus.ORPHAN || childDisabled || (foundling() && inWelfareInstitution);
    }
}
