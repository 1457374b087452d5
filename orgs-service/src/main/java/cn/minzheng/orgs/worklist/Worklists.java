package cn.minzheng.orgs.worklist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import cn.minzheng.orgs.inspection.InspectorTasks;
import cn.minzheng.orgs.organization.Organizations;
import cn.minzheng.orgs.tip.Tips;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.worklist.WorklistLengths;
import org.springframework.stereotype.Service;

/**
 * How long each of a person's worklists is now: one count per list, by the query the list's own endpoint counts its
 * total with, so a card and the list it opens agree.
 */
@Service
public class Worklists {

    private final Organizations organizations;
    private final Tips tips;
    private final InspectorTasks tasks;
    private final Clock clock;

    Worklists(Organizations organizations, Tips tips, InspectorTasks tasks, Clock clock) {
        this.organizations = organizations;
        this.tips = tips;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The caller's worklists with their lengths, in declaration order; none for a role without worklists. */
    public Map<Worklist, Long> of(Caller caller, DivisionCode scope) {
        return WorklistLengths.countWorkOf(Worklist.class, list -> list.isWorkOf(caller),
                list -> count(list, caller, scope));
    }

    private long count(Worklist list, Caller caller, DivisionCode scope) {
        return switch (list) {
            case REVOCATIONS_DUE -> organizations.countRevocable(scope, LocalDate.now(clock));
            case CREDIT_RECORDS_DUE -> organizations.countCreditRecordsDue(scope, null);
            case OPEN_TIPS -> tips.count(scope, true);
            case INSPECTIONS_TO_ENTER -> tasks.of(caller.username(), true).size();
        };
    }
}
