package cn.minzheng.assistance.worklist;

import java.util.Set;

import cn.minzheng.platform.security.Caller;

/** The assistance office's worklists (待办) and whose work each is. */
public enum Worklist {

    /** Applications waiting for the township's review. */
    APPLICATIONS_TO_REVIEW(Set.of("township-officer")),
    /** Applications in their public notice: the township answers objections, the county approves once it ends. */
    APPLICATIONS_ON_NOTICE(Set.of("township-officer", "county-approver")),
    /** Active enrolments whose periodic review falls due before today. */
    REVIEWS_DUE(Set.of("township-officer", "county-approver")),
    /** Proposed terminations, waiting for a second person of the county. */
    TERMINATIONS_TO_DECIDE(Set.of("county-approver")),
    /** The children a child director is assigned (her own caseload). */
    CHILDREN_ASSIGNED(Set.of("child-director")),
    /** Children whose next visit is past due: a director's own, or the whole township's for its officer. */
    VISITS_OVERDUE(Set.of("child-director", "township-officer"));

    private final Set<String> roles;

    Worklist(Set<String> roles) {
        this.roles = roles;
    }

    public boolean isWorkOf(Caller caller) {
        return roles.stream().anyMatch(caller::hasRole);
    }
}
