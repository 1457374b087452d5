package cn.minzheng.orgs.organization;

import java.time.Clock;
import java.time.LocalDate;

import cn.minzheng.platform.time.LegalCalendar;

/**
 * Credit records are entered within five working days of the decision (《社会组织信用信息管理办法》): the due day is
 * the fifth working day after it on the legal calendar, so holidays and adjusted weekends count as they are kept.
 */
public final class CreditRecords {

    public static final int WORKING_DAYS = 5;

    private CreditRecords() {
    }

    public static LocalDate dueBy(StatusChange change, LegalCalendar calendar, Clock clock) {
        LocalDate day = LocalDate.ofInstant(change.at(), clock.getZone());
        for (int counted = 0; counted < WORKING_DAYS;) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
