package cn.minzheng.assistance.payroll;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.function.Function;
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

import cn.minzheng.assistance.allowance.AllowanceRuleBook;
import cn.minzheng.assistance.allowance.Beneficiaries;
import cn.minzheng.assistance.allowance.Beneficiary;
import cn.minzheng.assistance.allowance.RuleVersion;
import cn.minzheng.assistance.child.ChildDirector;
import cn.minzheng.assistance.child.ChildDirectors;
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
    /** The programme name of a child director's stipend line. */
    public static final String STIPEND_PROGRAMME = "CHILD_DIRECTOR";

    private final Payrolls payrolls;
    private final Payments payments;
    private final Enrolments enrolments;
    private final Beneficiaries beneficiaries;
    private final AllowanceRuleBook ruleBook;
    private final ChildDirectors directors;
    private final Clock clock;
    private final Set<String> runningHere = ConcurrentHashMap.newKeySet();

    PayrollService(Payrolls payrolls, Payments payments, Enrolments enrolments, Beneficiaries beneficiaries,
            AllowanceRuleBook ruleBook, ChildDirectors directors, Clock clock) {
        this.payrolls = payrolls;
        this.payments = payments;
        this.enrolments = enrolments;
        this.beneficiaries = beneficiaries;
        this.ruleBook = ruleBook;
        this.directors = directors;
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
        if (payroll.holiday() == null) {
            processed += payPeople(payroll, batch);
        }
        payments.insertAllNew(batch);
        complete(payroll, processed);
        log.info("Payroll {} completed: {} households, {} yuan", payroll.id(), payroll.households(),
                payroll.totalAmount());
        return payroll;
    }

    /**
     * Category allowances (one line per person, programme and month, arrears included, exclusive groups applied)
     * and the child directors' stipends, in the same batches and with derived ids like the household lines.
     */
    private long payPeople(Payroll payroll, List<Payment> batch) {
        DivisionCode county = DivisionCode.of(payroll.county());
        YearMonth month = payroll.month();
        Function<YearMonth, Optional<RuleVersion>> rules = ruleBook.find(payroll.county())
                .<Function<YearMonth, Optional<RuleVersion>>>map(r -> r::inForce).orElse(m -> Optional.empty());
        long people = 0;
        try (Stream<Beneficiary> all = beneficiaries.inDivision(county)) {
            for (var iterator = all.iterator(); iterator.hasNext();) {
                Beneficiary beneficiary = iterator.next();
                for (Beneficiary.Due due : beneficiary.dueFor(month, rules)) {
                    add(batch, Payment.toPerson("alw-" + due.month() + "-" + due.allowanceId(), payroll.id(),
                            due.arrears() ? Payment.Kind.ALLOWANCE_ARREARS : Payment.Kind.ALLOWANCE,
                            beneficiary.personRef(), due.allowanceId(), beneficiary.division(),
                            due.programme().name(), due.month(), due.amount(), clock));
                }
                people++;
            }
        }
        Optional<Money> stipend = rules.apply(month).map(RuleVersion::childDirectorStipend).filter(Money::isPositive);
        if (stipend.isPresent()) {
            try (Stream<ChildDirector> all = directors.inDivision(county)) {
                all.filter(director -> director.servesIn(month)).forEach(director -> add(batch, Payment.toPerson(
                        "stp-" + month + "-" + director.id(), payroll.id(), Payment.Kind.STIPEND,
                        director.idNumber().personRef(), null, director.division(), STIPEND_PROGRAMME, month,
                        stipend.get(), clock)));
            }
        }
        return people;
    }

    private void add(List<Payment> batch, Payment line) {
        batch.add(line);
        if (batch.size() == BATCH) {
            payments.insertAllNew(batch);
            batch.clear();
        }
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
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Money> sums = new TreeMap<>();
        try (Stream<Document> lines = payments.linesOf(payroll.id())) {
            for (var iterator = lines.iterator(); iterator.hasNext();) {
                Document line = iterator.next();
                Money amount = Money.of(line.getString("amount"));
                String programme = line.getString("programme");
                households++;
                total = total.plus(amount);
                counts.computeIfAbsent(programme, p -> new long[1])[0]++;
                sums.merge(programme, amount, Money::plus);
            }
        }
        Map<String, PayrollCompleted.ProgrammeTotal> perProgramme = new LinkedHashMap<>();
        counts.forEach((programme, count) -> perProgramme.put(programme,
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
