package cn.minzheng.orgs.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import cn.minzheng.orgs.inspection.InspectionPlan;
import cn.minzheng.orgs.inspection.InspectionPlans;
import cn.minzheng.orgs.inspection.Inspections;
import cn.minzheng.orgs.organization.RegisterFigures;
import cn.minzheng.orgs.support.Donation;
import cn.minzheng.orgs.support.SupportRecords;
import cn.minzheng.orgs.tip.Tips;
import cn.minzheng.platform.identity.DivisionCode;

import org.springframework.stereotype.Service;

/**
 * The figures the bureau reports for social organisations, for any period and division: what was registered (by
 * type), the annual inspection (reports due in the period, received by their deadline, and the verdicts), the
 * random inspections, the graded share at the period's end, list entries, revocations and deregistrations, and
 * tips with their outcomes.
 */
@Service
public class OrgStatistics {

    private final RegisterFigures figures;
    private final InspectionPlans plans;
    private final Inspections inspections;
    private final Tips tips;
    private final SupportRecords.Projects projects;
    private final SupportRecords.Donations donations;
    private final ZoneId zone;

    OrgStatistics(RegisterFigures figures, InspectionPlans plans, Inspections inspections, Tips tips,
            SupportRecords.Projects projects, SupportRecords.Donations donations,
            java.time.Clock clock) {
        this.projects = projects;
        this.donations = donations;
        this.figures = figures;
        this.plans = plans;
        this.inspections = inspections;
        this.tips = tips;
        this.zone = clock.getZone();
    }

    public record Report(String division, LocalDate from, LocalDate to, Register register,
            AnnualInspection annualInspection, RandomInspection randomInspection, Graded graded,
            Map<String, Long> listEntries, Map<String, Long> ended, Map<String, Long> tips,
            Map<String, Money> projectsStarted, Money donationsPledged, BigDecimal donationsReceived) {
    }

    /** How many, and how much in yuan. */
    public record Money(long count, BigDecimal amount) {

        Money plus(BigDecimal more) {
            return new Money(count + 1, amount.add(more));
        }
    }

    /** Registered at the period's end (not ended by then), and newly registered in it, by type. */
    public record Register(Map<String, Long> activeAtEnd, Map<String, Long> registeredInPeriod) {
    }

    /** Reports whose registry deadline fell in the period: due, received by the deadline, rate, verdicts. */
    public record AnnualInspection(long due, long receivedOnTime, double rate, Map<String, Long> verdicts) {
    }

    public record RandomInspection(long plans, long targets, Map<String, Long> resultsInPeriod) {
    }

    public record Graded(long active, long graded, double share) {
    }

    public Report report(DivisionCode division, LocalDate from, LocalDate to) {
        // Counts and $group stages the store answers, not the division read into the service (issue 30.6).
        RegisterFigures.Figures tally = figures.of(division, from, to);
        long planCount = 0;
        long targets = 0;
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (InspectionPlan plan : plans.find(division, year, 0, 10_000)) {
                planCount++;
                targets += plan.current().assignments().size();
            }
        }
        SortedMap<String, Long> tipOutcomes = tips.countByOutcome(division, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
        SortedMap<String, Long> tipsByOutcome = new TreeMap<>();
        tipOutcomes.forEach((outcome, n) -> tipsByOutcome.put("null".equals(outcome) ? "OPEN" : outcome, n));
        return new Report(division.value(), from, to, new Register(tally.activeAtEnd(), tally.registeredInPeriod()),
                new AnnualInspection(tally.due(), tally.onTime(), share(tally.onTime(), tally.due()), tally.verdicts()),
                new RandomInspection(planCount, targets, inspections.countByOutcome(division, from, to)),
                new Graded(tally.activeCount(), tally.graded(), share(tally.graded(), tally.activeCount())),
                tally.listEntries(), tally.ended(), tipsByOutcome, projectsStarted(division, from, to),
                pledged(division, from, to), received(division, from, to));
    }

    /** Projects whose period began in the period, by kind. */
    private Map<String, Money> projectsStarted(DivisionCode division, LocalDate from, LocalDate to) {
        SortedMap<String, Money> byKind = new TreeMap<>();
        try (var all = projects.streamWithin(division)) {
            all.filter(p -> !p.startsOn().isBefore(from) && !p.startsOn().isAfter(to)).forEach(p -> byKind.merge(
                    p.kind().name(), new Money(1, p.amount()), (a, b) -> a.plus(b.amount())));
        }
        return byKind;
    }

    private Money pledged(DivisionCode division, LocalDate from, LocalDate to) {
        Money total = new Money(0, BigDecimal.ZERO);
        try (var all = donations.streamWithin(division)) {
            for (var it = all.iterator(); it.hasNext();) {
                Donation d = it.next();
                if (!d.pledgedOn().isBefore(from) && !d.pledgedOn().isAfter(to)) {
                    total = total.plus(d.pledged());
                }
            }
        }
        return total;
    }

    private BigDecimal received(DivisionCode division, LocalDate from, LocalDate to) {
        try (var all = donations.streamWithin(division)) {
            return all.flatMap(d -> d.receipts().stream()).filter(r -> !r.receivedOn().isBefore(from)
                    && !r.receivedOn().isAfter(to)).map(Donation.Receipt::amount).reduce(BigDecimal.ZERO,
                            BigDecimal::add);
        }
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
