package cn.minzheng.orgs.worklist;

import java.util.Set;

import cn.minzheng.platform.security.Caller;

/** The social-organisation office's worklists (待办) and whose work each is. */
public enum Worklist {

    /** Organisations two consecutive years without annual inspection: the revocation worklist. */
    REVOCATIONS_DUE(Set.of("orgs-officer", "auditor")),
    /** List decisions not yet entered in the credit record (due within five working days). */
    CREDIT_RECORDS_DUE(Set.of("orgs-officer", "auditor")),
    /** Tip-offs without an outcome. */
    OPEN_TIPS(Set.of("orgs-officer", "auditor")),
    /** The targets drawn for this inspector that wait for a result. */
    INSPECTIONS_TO_ENTER(Set.of("inspector"));

    private final Set<String> roles;

    Worklist(Set<String> roles) {
        this.roles = roles;
    }

    public boolean isWorkOf(Caller caller) {
        return roles.stream().anyMatch(caller::hasRole);
    }
}
