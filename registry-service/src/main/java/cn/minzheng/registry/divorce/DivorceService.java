package cn.minzheng.registry.divorce;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.claims.ExclusiveClaims;
import cn.minzheng.platform.time.ClockAdvanced;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.platform.time.LegalDatesRecalculation;
import cn.minzheng.registry.death.Deaths;
import cn.minzheng.registry.certificate.CertificateNumbers;
import cn.minzheng.registry.marriage.Marriage;
import cn.minzheng.registry.marriage.MarriageService;
import cn.minzheng.registry.office.Office;
import cn.minzheng.registry.office.OfficeDayClosed;
import cn.minzheng.registry.office.Offices;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The divorce workflow across documents: one open application per marriage (a claim keyed by the marriage), the
 * marriage ended before the divorce is marked registered (so a retry after a crash finds the marriage already
 * DIVORCED by this divorce and completes), and the daily lapse of applications whose period has passed.
 */
@Service
public class DivorceService implements LegalDatesRecalculation {

    private static final Logger log = LoggerFactory.getLogger(DivorceService.class);

    private final Divorces divorces;
    private final MarriageService marriages;
    private final CertificateNumbers numbers;
    private final ExclusiveClaims openApplications;
    private final Offices offices;
    private final Deaths deaths;
    private final LegalCalendar calendar;
    private final Clock clock;

    DivorceService(Divorces divorces, MarriageService marriages, CertificateNumbers numbers, MongoTemplate mongo,
            Offices offices, Deaths deaths, LegalCalendar calendar, Clock clock) {
        this.divorces = divorces;
        this.offices = offices;
        this.deaths = deaths;
        this.marriages = marriages;
        this.numbers = numbers;
        this.openApplications = new ExclusiveClaims(mongo, "open_divorces", Duration.ofSeconds(30));
        this.calendar = calendar;
        this.clock = clock;
    }

    public Divorce apply(Marriage marriage, Office office, String by) {
        office.requireRegistersOn(LocalDate.now(clock), calendar);
        deaths.requireAlive(marriage.partyA(), "marriageId");
        deaths.requireAlive(marriage.partyB(), "marriageId");
        marriage.requireMarried();
        Divorce divorce = Divorce.apply(office, marriage.id(), marriage.personRefs(), by, calendar, clock);
        openApplications.claim(marriage.id(), divorce.id(),
                (holder, key) -> divorces.find(holder).map(d -> d.isOpenOn(LocalDate.now(clock))).orElse(false)).ifPresent(conflict -> {
                    throw Refusal.conflict("divorce-pending", conflict.holder());
                });
        try {
            divorces.insert(divorce);
        } catch (RuntimeException failed) {
            openApplications.release(marriage.id(), divorce.id());
            throw failed;
        }
        return divorce;
    }

    public Divorce withdraw(Divorce divorce, Divorce.Party party, String by) {
        divorce.withdraw(party, by, clock);
        divorces.save(divorce);
        openApplications.release(divorce.marriageId(), divorce.id());
        return divorce;
    }

    public Divorce register(Divorce divorce, Office office, String by) {
        office.requireRegistersOn(LocalDate.now(clock), calendar);
        divorce.requireRegistrable(clock);
        marriages.divorced(divorce.marriageId(), divorce.id(), LocalDate.now(clock));
        divorce.registered(numbers.issue(CertificateNumbers.Kind.DIVORCE, office.code(),
                LocalDate.now(clock).getYear(), divorce.id()), by, clock);
        divorces.save(divorce);
        openApplications.release(divorce.marriageId(), divorce.id());
        return divorce;
    }

    public CounsellingSession offerCounselling(Divorce divorce, String counsellor, String by) {
        CounsellingSession session = divorce.offerCounselling(counsellor, by, clock);
        divorces.save(divorce);
        return session;
    }

    public Divorce answerCounselling(Divorce divorce, String sessionId, boolean accepted) {
        divorce.answerCounselling(sessionId, accepted);
        divorces.save(divorce);
        return divorce;
    }

    public Divorce concludeCounselling(Divorce divorce, String sessionId, String outcome, String note) {
        divorce.concludeCounselling(sessionId, outcome, note);
        divorces.save(divorce);
        return divorce;
    }

    /** A spouse's death ends their open application; returns how many ended (0 on a repeat). */
    public int endedByDeath(String personRef, LocalDate dateOfDeath, String by) {
        int ended = 0;
        for (Divorce divorce : divorces.of(personRef)) {
            if (divorce.endedByDeath(dateOfDeath, by)) {
                divorces.save(divorce);
                openApplications.release(divorce.marriageId(), divorce.id());
                ended++;
            }
        }
        return ended;
    }

    /**
     * A holiday schedule was loaded or corrected: every open application is recalculated (a date only moves later;
     * see {@link Divorce#recalculate}). Idempotent, so every instance may run it.
     */
    @Override
    public int recalculate(Set<Integer> changedYears) {
        String reason = LegalDatesRecalculation.reason(changedYears);
        AtomicInteger moved = new AtomicInteger();
        try (var open = divorces.openOn(LocalDate.now(clock))) {
            open.forEach(divorce -> {
                if (recalculate(divorce, offices.find(divorce.officeId()).orElse(null), reason)) {
                    moved.incrementAndGet();
                }
            });
        }
        return moved.get();
    }

    /** The office declared a day closed: applications whose last day it was get the office's next open day. */
    @EventListener
    public void onClosure(OfficeDayClosed closed) {
        Office office = offices.get(closed.officeId());
        for (Divorce divorce : divorces.dueAt(office.id(), closed.date())) {
            recalculate(divorce, office, "closure:" + closed.date());
        }
    }

    private boolean recalculate(Divorce divorce, Office office, String reason) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Divorce current = attempt == 0 ? divorce : divorces.get(divorce.id());
            Divorce.Recalculated result = current.recalculate(calendar, office, reason, clock);
            if (result == Divorce.Recalculated.NOTHING) {
                return false;
            }
            try {
                divorces.save(current);
                return result == Divorce.Recalculated.MOVED;
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                log.info("Divorce {} changed while being recalculated; trying again", divorce.id());
            }
        }
        return false;
    }

    /** Moving the dev clock forward lapses what the passing of time would have lapsed, at once. */
    @EventListener
    public void onClockAdvanced(ClockAdvanced advanced) {
        deemWithdrawnWherePast();
    }

    /**
     * Applications whose registration period has passed are deemed withdrawn (art. 1077); reads already show them
     * so (see {@link Divorce#statusOn}), this writes it down. Driven by the service's clock, safe to run on every
     * instance at once: each lapse is a conditional write, and the loser of a race skips.
     */
    @Scheduled(fixedDelayString = "${minzheng.registry.divorce-lapse-interval:PT10M}", initialDelayString = "PT30S")
    public int deemWithdrawnWherePast() {
        AtomicInteger lapsed = new AtomicInteger();
        try (var open = divorces.lapsedBefore(LocalDate.now(clock))) {
            open.forEach(divorce -> {
                if (divorce.lapseIfPast(clock)) {
                    try {
                        divorces.save(divorce);
                        openApplications.release(divorce.marriageId(), divorce.id());
                        lapsed.incrementAndGet();
                    } catch (OptimisticLockingFailureException | Refusal changedMeanwhile) {
                        log.info("Divorce {} changed while lapsing; left to the next run", divorce.id());
                    }
                }
            });
        }
        if (lapsed.get() > 0) {
            log.info("{} divorce applications deemed withdrawn after their registration period", lapsed.get());
        }
        return lapsed.get();
    }
}
