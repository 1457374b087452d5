package cn.minzheng.assistance.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.bson.Document;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.assistance.enrolment.Enrolment;
import cn.minzheng.assistance.enrolment.Enrolments;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.assistance.payroll.Payments;

import org.springframework.stereotype.Service;

/**
 * Counts from the records themselves (no counters to drift): enrolments approved and ended in the period, payment
 * lines of the months in the period, and terminations whose reason starts with {@code RECTIFICATION}.
 */
@Service
public class AssistanceStatistics {

    static final String RECTIFICATION = "RECTIFICATION";
    /** Allowance and stipend lines share the payments collection; their figures are in the allowance report. */
    private static final java.util.Set<String> HOUSEHOLD_PROGRAMMES = java.util.Arrays.stream(Programme.values())
            .map(Enum::name).collect(java.util.stream.Collectors.toSet());

    private final Enrolments enrolments;
    private final Payments payments;
    private final ZoneId zone;

    AssistanceStatistics(Enrolments enrolments, Payments payments, Clock clock) {
        this.enrolments = enrolments;
        this.payments = payments;
        this.zone = clock.getZone();
    }

    public StatisticsReport report(DivisionCode division, LocalDate from, LocalDate to) {
        Map<Programme, long[]> counts = new EnumMap<>(Programme.class);
        Map<Programme, Money> paid = new EnumMap<>(Programme.class);
        Map<String, Long> rectified = new TreeMap<>();
        try (Stream<Enrolment> all = enrolments.inDivision(division)) {
            all.forEach(e -> {
                long[] c = counts.computeIfAbsent(e.programme(), p -> new long[5]);
                int people = e.memberRefs().size();
                if (within(e.approvedAt() == null ? null : LocalDate.ofInstant(e.approvedAt(), zone), from, to)) {
                    c[0]++;
                    c[1] += people;
                }
                var end = e.termination();
                if (e.status() == Enrolment.Status.TERMINATED && end != null && end.confirmedAt() != null
                        && within(LocalDate.ofInstant(end.confirmedAt(), zone), from, to)) {
                    c[2]++;
                    c[3] += people;
                    if (end.reason().toUpperCase().startsWith(RECTIFICATION)) {
                        rectified.merge(end.reason(), 1L, Long::sum);
                    }
                }
            });
        }
        try (Stream<Document> lines = payments.paidBetween(division, YearMonth.from(from), YearMonth.from(to))) {
            lines.filter(line -> HOUSEHOLD_PROGRAMMES.contains(line.getString("programme"))).forEach(line -> {
                Programme programme = Programme.valueOf(line.getString("programme"));
                counts.computeIfAbsent(programme, p -> new long[5])[4]++;
                paid.merge(programme, Money.of(line.getString("amount")), Money::plus);
            });
        }
        Map<Programme, StatisticsReport.ProgrammeFigures> perProgramme = new EnumMap<>(Programme.class);
        counts.forEach((programme, c) -> perProgramme.put(programme, new StatisticsReport.ProgrammeFigures(c[0], c[1],
                c[2], c[3], c[4], paid.getOrDefault(programme, Money.ZERO).amount())));
        return new StatisticsReport(division.value(), from, to, perProgramme, rectified);
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }
}
