package cn.minzheng.orgs.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.minzheng.platform.time.LegalCalendar;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes what the registry already reads: an organisation that missed a report's deadline is put on the
 * abnormal-activity list, with the listing in its history and {@code org.listed-abnormal} published, effective the
 * day after the deadline; two years on that list move it to the serious-violation list. Runs on the service clock;
 * a second run finds nothing more to do.
 */
@Component
public class AnnualReportSweep {

    static final String LEGAL_BASIS = "《社会组织信用信息管理办法》第九条";
    static final String SERIOUS_BASIS = "《社会组织信用信息管理办法》（列入活动异常名录满 2 年）";
    private static final String SWEEP = "annual-report-sweep";
    private static final Logger log = LoggerFactory.getLogger(AnnualReportSweep.class);

    private final Organizations organizations;
    private final LegalCalendar calendar;
    private final Clock clock;

    AnnualReportSweep(Organizations organizations, LegalCalendar calendar, Clock clock) {
        this.organizations = organizations;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Writes the listings the organisation reads as of today: the abnormal-activity list the day after its first
     * missed deadline, and the serious-violation list two years later.
     */
    private boolean write(Organization org, LocalDate today) {
        if (org.status() == OrgStatus.REGISTERED) {
            int year = org.missedReports(today, calendar).get(0);
            LocalDate deadline = ReportDeadlines.registry(year, org.type(), calendar);
            org.changeStatus(OrgStatus.ABNORMAL, "未在 " + deadline + " 前向登记管理机关报送 " + year + " 年度工作报告",
                    LEGAL_BASIS, deadline.plusDays(1), SWEEP, clock);
        }
        LocalDate since = org.abnormalSince(today, calendar).orElseThrow();
        if (!today.isBefore(Organization.seriousFrom(since))) {
            org.changeStatus(OrgStatus.SERIOUS_VIOLATION, "列入活动异常名录满两年（自 " + since + " 起）",
                    SERIOUS_BASIS, Organization.seriousFrom(since), SWEEP, clock);
        }
        try {
            organizations.save(org);
            return true;
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            log.info("Organisation {} changed during the sweep; the next run looks again", org.id());
            return false;
        }
    }

    @Scheduled(fixedDelayString = "${minzheng.orgs.report-sweep-interval:PT1H}",
            initialDelayString = "${minzheng.orgs.report-sweep-initial-delay:PT1M}")
    public int sweep() {
        LocalDate today = LocalDate.now(clock);
        int listed = 0;
        // Only the organisations whose listing day has come (an index range), not every one in these statuses.
        try (Stream<Organization> orgs = organizations.listingDue(today)) {
            for (var it = orgs.iterator(); it.hasNext();) {
                Organization org = it.next();
                if (org.statusOn(today, calendar) != org.status() && write(org, today)) {
                    listed++;
                }
            }
        }
        if (listed > 0) {
            log.info("Annual report sweep: {} organisation(s) put on the abnormal-activity list", listed);
        }
        return listed;
    }
}
