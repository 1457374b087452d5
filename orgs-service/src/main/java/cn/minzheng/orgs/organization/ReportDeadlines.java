package cn.minzheng.orgs.organization;

import java.time.LocalDate;
import java.time.MonthDay;

import cn.minzheng.platform.time.LegalCalendar;

/**
 * When a year's report is due (DOMAIN.md §3): at the sponsor unit by 31 March and at the registry by 31 May of the
 * next year; a foundation reports to the registry by 31 March (基金会管理条例 art. 36), and an organisation
 * registered directly has no sponsor step. A deadline that falls on a rest day or holiday moves to the next
 * working day (Civil Code art. 203), on the legal calendar of that year, published or computed.
 */
public final class ReportDeadlines {

    private static final MonthDay SPONSOR = MonthDay.of(3, 31);
    private static final MonthDay REGISTRY = MonthDay.of(5, 31);
    private static final MonthDay FOUNDATION_REGISTRY = MonthDay.of(3, 31);

    private ReportDeadlines() {
    }

    public static LocalDate registry(int year, OrgType type, LegalCalendar calendar) {
        MonthDay day = type == OrgType.FOUNDATION ? FOUNDATION_REGISTRY : REGISTRY;
        return calendar.nextWorkingDayFrom(day.atYear(year + 1));
    }

    /** None for a foundation or an organisation registered directly. */
    public static java.util.Optional<LocalDate> sponsor(int year, OrgType type, boolean direct,
            LegalCalendar calendar) {
        if (direct || type == OrgType.FOUNDATION) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(calendar.nextWorkingDayFrom(SPONSOR.atYear(year + 1)));
    }
}
