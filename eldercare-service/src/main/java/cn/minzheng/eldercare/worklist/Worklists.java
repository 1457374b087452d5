package cn.minzheng.eldercare.worklist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.minzheng.eldercare.facility.Facilities;
import cn.minzheng.eldercare.inspection.Inspections;
import cn.minzheng.platform.identity.DivisionCode;
import org.springframework.stereotype.Service;

/**
 * An eldercare officer's worklists in their division, counted as their lists count: operators' contracts ending
 * within {@value #CONTRACT_DAYS} days (or ended), facilities whose operator's registration was revoked, and
 * inspections with a finding past its deadline.
 */
@Service
public class Worklists {

    public static final int CONTRACT_DAYS = 90;

    public enum Worklist {
        CONTRACTS_ENDING, SUSPENDED_OPERATORS, OVERDUE_INSPECTIONS
    }

    private final Facilities facilities;
    private final Inspections inspections;
    private final Clock clock;

    Worklists(Facilities facilities, Inspections inspections, Clock clock) {
        this.facilities = facilities;
        this.inspections = inspections;
        this.clock = clock;
    }

    public Map<Worklist, Long> of(DivisionCode scope) {
        Map<Worklist, Long> counts = new LinkedHashMap<>();
        counts.put(Worklist.CONTRACTS_ENDING,
                facilities.countContractsEndingBy(scope, LocalDate.now(clock).plusDays(CONTRACT_DAYS)));
        counts.put(Worklist.SUSPENDED_OPERATORS, facilities.countWithSuspendedOperator(scope));
        counts.put(Worklist.OVERDUE_INSPECTIONS, inspections.countOverdue(scope));
        return counts;
    }
}
