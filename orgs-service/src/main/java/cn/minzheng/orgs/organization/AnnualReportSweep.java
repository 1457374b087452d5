package cn.minzheng.orgs.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
 * day after the deadline. Runs on the service clock; a second run finds nothing more to do.
 */
@Component
public class AnnualReportSweep {

    static final String LEGAL_BASIS = "《社会组织信用信息管理办法》第九条";
    private static final Logger log = LoggerFactory.getLogger(AnnualReportSweep.class);

    private final Organizations organizations;
    private final LegalCalendar calendar;
    private final Clock clock;

    AnnualReportSweep(Organizations organizations, LegalCalendar calendar, Clock clock) {
        this.organizations = organizations;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${minzheng.orgs.report-sweep-interval:PT1H}",
            initialDelayString = "${minzheng.orgs.report-sweep-initial-delay:PT1M}")
    public int sweep() {
        LocalDate today = LocalDate.now(clock);
        int listed = 0;
        try (Stream<Organization> registered = organizations.inStatus(OrgStatus.REGISTERED)) {
            for (var it = registered.iterator(); it.hasNext();) {
                Organization org = it.next();
                List<Integer> missed = org.missedReports(today, calendar);
                if (missed.isEmpty()) {
                    continue;
                }
                int year = missed.get(0);
                LocalDate deadline = ReportDeadlines.registry(year, org.type(), calendar);
                org.changeStatus(OrgStatus.ABNORMAL, "未在 " + deadline + " 前向登记管理机关报送 " + year + " 年度工作报告",
                        LEGAL_BASIS, deadline.plusDays(1), "annual-report-sweep", clock);
                try {
                    organizations.save(org);
                    listed++;
                } catch (OptimisticLockingFailureException changedMeanwhile) {
                    log.info("Organisation {} changed during the sweep; the next run looks again", org.id());
                }
            }
        }
        if (listed > 0) {
            log.info("Annual report sweep: {} organisation(s) put on the abnormal-activity list", listed);
        }
        return listed;
    }
}
