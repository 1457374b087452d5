package cn.minzheng.assistance.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.platform.time.LegalDatesRecalculation;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * A holiday schedule was loaded or corrected: every running public notice is recalculated (its end only moves
 * later; see {@link Application#recalculateNotice}). Idempotent, so every instance may run it.
 */
@Component
class PublicNoticeRecalculation implements LegalDatesRecalculation {

    private static final Logger log = LoggerFactory.getLogger(PublicNoticeRecalculation.class);

    private final Applications applications;
    private final LegalCalendar calendar;
    private final Clock clock;

    PublicNoticeRecalculation(Applications applications, LegalCalendar calendar, Clock clock) {
        this.applications = applications;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public int recalculate(Set<Integer> changedYears) {
        String reason = LegalDatesRecalculation.reason(changedYears);
        AtomicInteger moved = new AtomicInteger();
        try (var running = applications.noticesRunningOn(LocalDate.now(clock))) {
            running.forEach(application -> {
                if (extend(application, reason)) {
                    moved.incrementAndGet();
                }
            });
        }
        return moved.get();
    }

    /** True when the end moved; a concurrent change of the application is re-read and the notice tried again. */
    private boolean extend(Application application, String reason) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Application current = attempt == 0 ? application : applications.get(application.id());
            LocalDate before = current.notice() == null ? null : current.notice().until();
            if (!current.recalculateNotice(calendar, ApplicationService.NOTICE_DAYS, reason, clock)) {
                return false;
            }
            try {
                applications.save(current);
                return !current.notice().until().equals(before);
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                log.info("Application {} changed while its notice was recalculated; trying again", current.id());
            }
        }
        return false;
    }
}
