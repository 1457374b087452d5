package cn.minzheng.registry.divorce;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.claims.ExclusiveClaims;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.registry.certificate.CertificateNumbers;
import cn.minzheng.registry.marriage.Marriage;
import cn.minzheng.registry.marriage.MarriageService;
import cn.minzheng.registry.office.Office;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The divorce workflow across documents: one open application per marriage (a claim keyed by the marriage), the
 * marriage ended before the divorce is marked registered (so a retry after a crash finds the marriage already
 * DIVORCED by this divorce and completes), and the daily lapse of applications whose period has passed.
 */
@Service
public class DivorceService {

    private static final Logger log = LoggerFactory.getLogger(DivorceService.class);

    private final Divorces divorces;
    private final MarriageService marriages;
    private final CertificateNumbers numbers;
    private final ExclusiveClaims openApplications;
    private final LegalCalendar calendar;
    private final Clock clock;

    DivorceService(Divorces divorces, MarriageService marriages, CertificateNumbers numbers, MongoTemplate mongo,
            LegalCalendar calendar, Clock clock) {
        this.divorces = divorces;
        this.marriages = marriages;
        this.numbers = numbers;
        this.openApplications = new ExclusiveClaims(mongo, "open_divorces", Duration.ofSeconds(30));
        this.calendar = calendar;
        this.clock = clock;
    }

    public Divorce apply(Marriage marriage, Office office, String by) {
        marriage.requireMarried();
        Divorce divorce = Divorce.apply(marriage.id(), office.id(), office.division(), marriage.personRefs(), by,
                calendar, clock);
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
     * Applications whose registration period has passed are deemed withdrawn (art. 1077). Driven by the clock,
     * safe to run on every instance at once: each lapse is a conditional write, and the loser of a race skips.
     */
    @Scheduled(fixedDelayString = "${minzheng.registry.divorce-lapse-interval:PT1H}", initialDelayString = "PT30S")
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
