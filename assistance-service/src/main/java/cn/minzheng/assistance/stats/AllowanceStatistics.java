package cn.minzheng.assistance.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.bson.Document;

import cn.minzheng.assistance.child.ChildRecord;
import cn.minzheng.assistance.child.ChildRecords;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.assistance.payroll.Payment;
import cn.minzheng.assistance.payroll.Payments;
import cn.minzheng.platform.identity.DivisionCode;

import org.springframework.stereotype.Service;

/**
 * The allowance and child-protection figures of the reports (Dafeng: "two subsidies to 8,612 people, 21.51 M
 * yuan"; "953 left-behind children with signed agreements"), counted from the payment lines and the children's
 * records of the period's months, never from counters.
 */
@Service
public class AllowanceStatistics {

    private final Payments payments;
    private final ChildRecords children;
    private final java.time.Clock clock;

    AllowanceStatistics(Payments payments, ChildRecords children, java.time.Clock clock) {
        this.payments = payments;
        this.children = children;
        this.clock = clock;
    }

    /** People paid, lines and amount for one programme (arrears counted in the month they are for). */
    public record ProgrammeFigures(long people, long lines, BigDecimal amount) {
    }

    public record ChildFigures(Map<ChildRecord.Category, Long> childrenByCategory,
            Map<ChildRecord.Risk, Long> childrenByRisk, long agreementsSigned, long childrenWithValidAgreement,
            long visitsMade, long visitsOverdue) {
    }

    public record Report(String division, LocalDate from, LocalDate to, Map<String, ProgrammeFigures> allowances,
            ProgrammeFigures childDirectorsPaid, ChildFigures children) {
    }

    public Report report(DivisionCode division, LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Set<String>> people = new TreeMap<>();
        Map<String, long[]> lines = new TreeMap<>();
        Map<String, Money> amounts = new TreeMap<>();
        try (Stream<Document> paid = payments.paidBetween(division, YearMonth.from(from), YearMonth.from(to))) {
            paid.filter(line -> isPersonal(line.getString("kind"))).forEach(line -> {
                String key = Payment.Kind.STIPEND.name().equals(line.getString("kind")) ? "CHILD_DIRECTOR"
                        : line.getString("programme");
                people.computeIfAbsent(key, k -> new HashSet<>()).add(line.getString("personRef"));
                lines.computeIfAbsent(key, k -> new long[1])[0]++;
                amounts.merge(key, Money.of(line.getString("amount")), Money::plus);
            });
        }
        Map<String, ProgrammeFigures> allowances = new TreeMap<>();
        ProgrammeFigures directors = new ProgrammeFigures(0, 0, Money.ZERO.amount());
        for (String key : lines.keySet()) {
            ProgrammeFigures figures = new ProgrammeFigures(people.get(key).size(), lines.get(key)[0],
                    amounts.get(key).amount());
            if ("CHILD_DIRECTOR".equals(key)) {
                directors = figures;
            } else {
                allowances.put(key, figures);
            }
        }
        return new Report(division.value(), from, to, allowances, directors, childFigures(division, from, to, today));
    }

    private ChildFigures childFigures(DivisionCode division, LocalDate from, LocalDate to, LocalDate today) {
        Map<ChildRecord.Category, Long> byCategory = new EnumMap<>(ChildRecord.Category.class);
        Map<ChildRecord.Risk, Long> byRisk = new EnumMap<>(ChildRecord.Risk.class);
        long[] counts = new long[4];
        try (Stream<ChildRecord> all = children.inDivision(division)) {
            all.filter(c -> !c.openedOn().isAfter(to)).forEach(child -> {
                byCategory.merge(child.category(), 1L, Long::sum);
                byRisk.merge(child.risk(), 1L, Long::sum);
                counts[0] += child.agreements().stream()
                        .filter(a -> !a.signedOn().isBefore(from) && !a.signedOn().isAfter(to)).count();
                counts[1] += child.agreements().stream().anyMatch(a -> a.validOn(to)) ? 1 : 0;
                counts[2] += child.visits().stream().filter(v -> !v.on().isBefore(from) && !v.on().isAfter(to))
                        .count();
                counts[3] += child.visitOverdue(today) ? 1 : 0;
            });
        }
        return new ChildFigures(byCategory, byRisk, counts[0], counts[1], counts[2], counts[3]);
    }

    private static boolean isPersonal(String kind) {
        return Payment.Kind.ALLOWANCE.name().equals(kind) || Payment.Kind.ALLOWANCE_ARREARS.name().equals(kind)
                || Payment.Kind.STIPEND.name().equals(kind);
    }
}
