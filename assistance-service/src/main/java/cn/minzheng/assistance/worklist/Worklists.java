package cn.minzheng.assistance.worklist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import cn.minzheng.assistance.application.Application;
import cn.minzheng.assistance.application.Applications;
import cn.minzheng.assistance.child.ChildRecords;
import cn.minzheng.assistance.enrolment.Enrolment;
import cn.minzheng.assistance.enrolment.Enrolments;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.worklist.WorklistLengths;
import org.springframework.stereotype.Service;

/**
 * How long each of a person's worklists is now, in their division: one count per list, the same query the list's
 * own endpoint counts its {@code totalElements} with, so a card and the list it opens agree.
 */
@Service
public class Worklists {

    private final Applications applications;
    private final Enrolments enrolments;
    private final ChildRecords children;
    private final Clock clock;

    Worklists(Applications applications, Enrolments enrolments, ChildRecords children, Clock clock) {
        this.applications = applications;
        this.enrolments = enrolments;
        this.children = children;
        this.clock = clock;
    }

    /** The caller's worklists with their lengths, in declaration order; none for a role without worklists. */
    public Map<Worklist, Long> of(Caller caller, DivisionCode scope) {
        return WorklistLengths.countWorkOf(Worklist.class, list -> list.isWorkOf(caller),
                list -> count(list, caller, scope));
    }

    /** The day before which a periodic review counts as due: today, read when asked. */
    public LocalDate reviewDueBefore() {
        return LocalDate.now(clock);
    }

    /** A child director's lists are her own children (as the children's list gives her); an officer's, the division's. */
    private long count(Worklist list, Caller caller, DivisionCode scope) {
        String director = ChildRecords.caseloadOf(caller);
        return switch (list) {
            case APPLICATIONS_TO_REVIEW -> applications.count(scope, Application.Status.SUBMITTED);
            case APPLICATIONS_ON_NOTICE -> applications.count(scope, Application.Status.PUBLIC_NOTICE);
            case REVIEWS_DUE -> enrolments.count(scope, null, Enrolment.Status.ACTIVE, reviewDueBefore());
            case TERMINATIONS_TO_DECIDE -> enrolments.count(scope, null, Enrolment.Status.TERMINATION_PROPOSED, null);
            case CHILDREN_ASSIGNED -> children.count(scope, director, null, null, null);
            case VISITS_OVERDUE -> children.count(scope, director, null, null, LocalDate.now(clock));
        };
    }
}
