package cn.minzheng.orgs.organization;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A major matter the organisation reported (重大事项报告): a large activity, a foreign exchange, a big donation, a
 * change of leadership before it happens; kept as it was reported.
 */
public record MajorMatter(Kind kind, String summary, LocalDate occursOn, LocalDate reportedOn, String enteredBy,
        Instant enteredAt) {

    public enum Kind {
        LARGE_EVENT, FOREIGN_EXCHANGE, LARGE_DONATION, LEADERSHIP_CHANGE, LITIGATION, OTHER
    }
}
