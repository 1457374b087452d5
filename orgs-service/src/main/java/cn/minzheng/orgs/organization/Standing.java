package cn.minzheng.orgs.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.minzheng.platform.time.LegalCalendar;

/**
 * Where an organisation stands on a day, computed once from its record (status and lists are true when read, before
 * the sweep writes them): the years whose report missed the registry's deadline, the status it reads, since when
 * it is on the abnormal-activity list and on the list it is on, and the first of two consecutive missed years (the
 * 僵尸 worklist).
 */
public record Standing(OrgStatus status, List<Integer> missedReports, LocalDate abnormalSince,
        LocalDate listedSince, Integer zombieSince) {

    static Standing of(Organization org, LocalDate day, LegalCalendar calendar) {
        List<Integer> missed = missed(org, day, calendar);
        LocalDate abnormalSince = org.status() == OrgStatus.ABNORMAL ? lastChangeTo(org, OrgStatus.ABNORMAL)
                : org.status() == OrgStatus.REGISTERED && !missed.isEmpty()
                        ? ReportDeadlines.registry(missed.get(0), org.type(), calendar).plusDays(1) : null;
        OrgStatus status = org.status() == OrgStatus.REGISTERED && !missed.isEmpty() ? OrgStatus.ABNORMAL
                : org.status();
        if (status == OrgStatus.ABNORMAL && abnormalSince != null
                && !day.isBefore(Organization.seriousFrom(abnormalSince))) {
            status = OrgStatus.SERIOUS_VIOLATION;
        }
        LocalDate listedSince = switch (status) {
            case ABNORMAL -> abnormalSince;
            case SERIOUS_VIOLATION -> org.status() == OrgStatus.SERIOUS_VIOLATION
                    ? lastChangeTo(org, OrgStatus.SERIOUS_VIOLATION) : Organization.seriousFrom(abnormalSince);
            default -> null;
        };
        return new Standing(status, missed, abnormalSince, listedSince,
                org.status().terminal() ? null : firstOfTwoConsecutive(missed));
    }

    /**
     * The years whose report the registry had not received by its deadline, as of a day: the day after a deadline
     * the year counts at once, whether or not the sweep has written the listing yet.
     */
    private static List<Integer> missed(Organization org, LocalDate day, LegalCalendar calendar) {
        List<Integer> missed = new ArrayList<>();
        for (int year = org.registeredOn().getYear(); year < day.getYear(); year++) {
            LocalDate deadline = ReportDeadlines.registry(year, org.type(), calendar);
            LocalDate received = org.report(year).map(AnnualReport::registryReceivedOn).orElse(null);
            if (day.isAfter(deadline) && (received == null || received.isAfter(deadline))) {
                missed.add(year);
            }
        }
        return List.copyOf(missed);
    }

    private static LocalDate lastChangeTo(Organization org, OrgStatus to) {
        return org.history().stream().filter(c -> c.to() == to).reduce((a, b) -> b).map(StatusChange::effectiveOn)
                .orElse(null);
    }

    private static Integer firstOfTwoConsecutive(List<Integer> missed) {
        for (int i = 1; i < missed.size(); i++) {
            if (missed.get(i) == missed.get(i - 1) + 1) {
                return missed.get(i - 1);
            }
        }
        return null;
    }
}
