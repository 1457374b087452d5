package cn.minzheng.assistance.payroll;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.minzheng.assistance.payroll.messaging.PayrollCompleted;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.assistance.enrolment.Enrolment;
import cn.minzheng.assistance.enrolment.Enrolments;
import cn.minzheng.assistance.money.Money;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Runs a county's payroll for a month in the background: one line per household with money due that month (the
 * amount in force for the month, asked of each enrolment), written in bulk with derived ids, so that running the
 * same month again, or resuming after a crash, creates nothing twice. Totals are counted from the lines.
 */
@Service
public class PayrollService {

    private static final Logger log = LoggerFactory.getLogger(PayrollService.class);
    private static final int BATCH = 1_000;

    private final Payrolls payrolls;
    private final Payments payments;
    private final Enrolments enrolments;
    private final Clock clock;
    private final Set<String> runningHere = ConcurrentHashMap.newKeySet();

    PayrollService(Payrolls payrolls, Payments payments, Enrolments enrolments, Clock clock) {
        this.payrolls = payrolls;
        this.payments = payments;
        this.enrolments = enrolments;
        this.clock = clock;
    }

    /** Starts the run, or returns the run that exists for this county and month (idempotent). */
    public Payroll start(String county, YearMonth month, Payroll.Holiday holiday, String by) {
        Payroll payroll = Payroll.start(county, month, holiday, by, clock);
        if (!payrolls.insertIfAbsent(payroll)) {
            Payroll existing = payrolls.get(payroll.id());
            if (existing.status() == Payroll.Status.RUNNING) {
                runInBackground(existing);
            }
            return existing;
        }
        runInBackground(payroll);
        return payroll;
    }

    /** Runs left RUNNING by a stop or crash are resumed; the derived ids make that safe. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterruptedRuns() {
        payrolls.running().forEach(this::runInBackground);
    }

    private void runInBackground(Payroll payroll) {
        if (runningHere.add(payroll.id())) {
            Thread.ofVirtual().name("payroll-" + payroll.id()).start(() -> {
                try {
                    run(payroll);
                } catch (RuntimeException e) {
                    log.error("Payroll {} stopped; it resumes on the next start or request", payroll.id(), e);
                } finally {
                    runningHere.remove(payroll.id());
                }
            });
        }
    }

    /** Runs to completion in the calling thread (a background thread of this instance). */
    private Payroll run(Payroll payroll) {
        long processed = 0;
        List<Payment> batch = new ArrayList<>(BATCH);
        Set<String> holidayHouseholds = new HashSet<>();
        try (Stream<Enrolment> stream = enrolments.inDivision(DivisionCode.of(payroll.county()))) {
            for (var iterator = stream.iterator(); iterator.hasNext();) {
                lineFor(payroll, iterator.next(), holidayHouseholds).ifPresent(batch::add);
                processed++;
                if (batch.size() == BATCH) {
                    payments.insertAllNew(batch);
                    batch.clear();
                    progressed(payroll, processed);
                }
            }
        }
        payments.insertAllNew(batch);
        complete(payroll, processed);
        log.info("Payroll {} completed: {} households, {} yuan", payroll.id(), payroll.households(),
                payroll.totalAmount());
        return payroll;
    }

    private Optional<Payment> lineFor(Payroll payroll, Enrolment enrolment, Set<String> holidayHouseholds) {
        YearMonth month = payroll.month();
        Optional<Money> due = enrolment.amountFor(month);
        if (payroll.holiday() == null) {
            return due.map(amount -> Payment.of("pay-" + month + "-" + enrolment.id(), payroll.id(),
                    Payment.Kind.MONTHLY, enrolment.householdId(), enrolment.id(), enrolment.division(),
                    enrolment.programme(), month, amount, clock));
        }
        boolean selected = payroll.holiday().programmes().contains(enrolment.programme())
                && enrolment.periodFor(month).isPresent() && !month.isBefore(enrolment.startMonth())
                && (enrolment.termination() == null || enrolment.termination().lastMonth() == null
                        || !month.isAfter(enrolment.termination().lastMonth()));
        // One holiday payment per household, even when it is enrolled in two of the selected programmes.
        if (!selected || !holidayHouseholds.add(enrolment.householdId())) {
            return Optional.empty();
        }
        return Optional.of(Payment.of("pay-" + month + "-" + payroll.holiday().name() + "-" + enrolment.householdId(),
                payroll.id(), Payment.Kind.HOLIDAY, enrolment.householdId(), enrolment.id(), enrolment.division(),
                enrolment.programme(), month, payroll.holiday().amountPerHousehold(), clock));
    }

    private void progressed(Payroll payroll, long processed) {
        payroll.progressed(processed);
        payrolls.recordProgress(payroll.id(), processed);
    }

    private void complete(Payroll payroll, long processed) {
        long households = 0;
        Money total = Money.ZERO;
        Map<Programme, long[]> counts = new EnumMap<>(Programme.class);
        Map<Programme, Money> sums = new EnumMap<>(Programme.class);
        try (Stream<Document> lines = payments.linesOf(payroll.id())) {
            for (var iterator = lines.iterator(); iterator.hasNext();) {
                Document line = iterator.next();
                Money amount = Money.of(line.getString("amount"));
                Programme programme = Programme.valueOf(line.getString("programme"));
                households++;
                total = total.plus(amount);
                counts.computeIfAbsent(programme, p -> new long[1])[0]++;
                sums.merge(programme, amount, Money::plus);
            }
        }
        Map<String, PayrollCompleted.ProgrammeTotal> perProgramme = new LinkedHashMap<>();
        counts.forEach((programme, count) -> perProgramme.put(programme.name(),
                new PayrollCompleted.ProgrammeTotal(count[0], sums.get(programme).toString())));
        payroll.progressed(processed);
        payroll.complete(households, total, perProgramme, clock);
        try {
            payrolls.save(payroll);
        } catch (OptimisticLockingFailureException anotherRunner) {
            log.info("Payroll {} was completed by another instance", payroll.id());
        }
    }

    /** Temporary assistance is paid once, outside the monthly payroll; its id makes paying it twice impossible. */
    /** The one payment an application of temporary assistance can cause: derived, so a retry never pays twice. */
    public static String temporaryPaymentId(String applicationId) {
        return "pay-temp-" + applicationId;
    }

    public Payment payOnce(String applicationId, String householdId, DivisionCode division, Money amount) {
        Payment payment = Payment.of(temporaryPaymentId(applicationId), null, Payment.Kind.TEMPORARY, householdId, null,
                division, Programme.TEMPORARY, YearMonth.now(clock), amount, clock);
        payments.insertIfAbsent(payment);
        return payment;
    }
}
