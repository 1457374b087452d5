package cn.minzheng.orgs.organization;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A change filing (变更登记): which registered item changed, from what to what (a legal representative as name and
 * masked ID number), the day the registry approved it, by whom. Kept for good, like a change of status.
 */
public record Amendment(Item item, String from, String to, LocalDate approvedOn, String by, Instant at) {

    /** The items a change filing may change. */
    public enum Item {
        NAME, LEGAL_REPRESENTATIVE, BUSINESS_SCOPE, ADDRESS, SPONSOR_UNIT
    }
}
