package cn.minzheng.orgs.organization;

import java.time.Clock;
import java.time.LocalDate;

import cn.minzheng.platform.time.LegalCalendar;

/**
 * The days on which an organisation's standing changes by itself, as its record stands: stored with it and indexed,
 * so that a worklist or the sweep is a range query on today instead of reading a whole register and computing every
 * standing. The standing itself is still computed when read ({@link Standing}); these only say which records to
 * read. Recomputed on every write of the organisation (a report received, a status changed, a credit record
 * entered) and when a holiday schedule changes.
 *
 * @param nextListingOn the day its status would next be read differently: for a registered organisation the day
 *        after the first deadline it did not meet (the abnormal-activity list), for a listed one the day two years on
 *        (the serious-violation list); none for any other status
 * @param revocableFrom the day it would first stand two consecutive years without a report in time (the 僵尸
 *        worklist); none once its registration has ended
 * @param creditRecordDueBy the earliest due day of a listing decision not yet entered in the credit record; none when
 *        all are entered
 * @param endedOn the day the registration ended (revoked or deregistered), for the statistics' "active on a day"
 */
public record WorklistDates(LocalDate nextListingOn, LocalDate revocableFrom, LocalDate creditRecordDueBy,
        LocalDate endedOn) {

    static WorklistDates of(Organization org, LegalCalendar calendar, Clock clock) {
        LocalDate nextListing = null;
        LocalDate revocable = null;
        if (!org.status().terminal()) {
            int year = firstYearLate(org, org.registeredOn().getYear(), calendar);
            if (org.status() == OrgStatus.REGISTERED) {
                nextListing = ReportDeadlines.registry(year, org.type(), calendar).plusDays(1);
            } else if (org.status() == OrgStatus.ABNORMAL) {
                nextListing = org.history().stream().filter(c -> c.to() == OrgStatus.ABNORMAL).reduce((a, b) -> b)
                        .map(c -> Organization.seriousFrom(c.effectiveOn())).orElse(null);
            }
            while (!late(org, year + 1, calendar)) {
                year = firstYearLate(org, year + 2, calendar);
            }
            revocable = ReportDeadlines.registry(year + 1, org.type(), calendar).plusDays(1);
        }
        LocalDate creditDue = org.history().stream().filter(c -> c.isCreditChange() && c.creditRecordedOn() == null)
                .map(c -> CreditRecords.dueBy(c, calendar, clock)).min(LocalDate::compareTo).orElse(null);
        LocalDate ended = org.history().stream().filter(c -> c.to().terminal()).map(StatusChange::effectiveOn)
                .findFirst().orElse(null);
        return new WorklistDates(nextListing, revocable, creditDue, ended);
    }

    /** The first year from {@code from} whose report the registry did not (or not yet) receive by its deadline. */
    private static int firstYearLate(Organization org, int from, LegalCalendar calendar) {
        int year = from;
        while (!late(org, year, calendar)) {
            year++;
        }
        return year;
    }

    /** Not received by the registry's deadline: received late, or not received (a future year is never early). */
    private static boolean late(Organization org, int year, LegalCalendar calendar) {
        LocalDate deadline = ReportDeadlines.registry(year, org.type(), calendar);
        LocalDate received = org.report(year).map(AnnualReport::registryReceivedOn).orElse(null);
        return received == null || received.isAfter(deadline);
    }
}
