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
import cn.minzheng.orgs.organization.AnnualReport;
import cn.minzheng.orgs.organization.Organization;
import cn.minzheng.orgs.organization.Organizations;
import cn.minzheng.orgs.organization.ReportDeadlines;
import cn.minzheng.orgs.organization.StatusChange;
import cn.minzheng.orgs.support.Donation;
import cn.minzheng.orgs.support.SupportRecords;
import cn.minzheng.orgs.tip.Tips;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.time.LegalCalendar;

import org.springframework.stereotype.Service;

/**
 * The figures the bureau reports for social organisations, for any period and division: what was registered (by
 * type), the annual inspection (reports due in the period, received by their deadline, and the verdicts), the
 * random inspections, the graded share at the period's end, list entries, revocations and deregistrations, and
 * tips with their outcomes.
 */
@Service
public class OrgStatistics {

    private final Organizations organizations;
    private final InspectionPlans plans;
    private final Inspections inspections;
    private final Tips tips;
    private final SupportRecords.Projects projects;
    private final SupportRecords.Donations donations;
    private final LegalCalendar calendar;
    private final ZoneId zone;

    OrgStatistics(Organizations organizations, InspectionPlans plans, Inspections inspections, Tips tips,
            SupportRecords.Projects projects, SupportRecords.Donations donations, LegalCalendar calendar,
            java.time.Clock clock) {
        this.projects = projects;
        this.donations = donations;
        this.organizations = organizations;
        this.plans = plans;
        this.inspections = inspections;
        this.tips = tips;
        this.calendar = calendar;
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
        Tally tally = new Tally();
        try (var orgs = organizations.streamWithin(division)) {
            orgs.forEach(o -> tally.add(o, from, to));
        }
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
        return new Report(division.value(), from, to, new Register(tally.active, tally.registered),
                new AnnualInspection(tally.due, tally.onTime, share(tally.onTime, tally.due), tally.verdicts),
                new RandomInspection(planCount, targets, inspections.countByOutcome(division, from, to)),
                new Graded(tally.activeCount, tally.graded, share(tally.graded, tally.activeCount)),
                tally.listEntries, tally.ended, tipsByOutcome, projectsStarted(division, from, to),
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

    /** One pass over the register. */
    private final class Tally {
        final SortedMap<String, Long> active = new TreeMap<>();
        final SortedMap<String, Long> registered = new TreeMap<>();
        final SortedMap<String, Long> verdicts = new TreeMap<>();
        final SortedMap<String, Long> listEntries = new TreeMap<>();
        final SortedMap<String, Long> ended = new TreeMap<>();
        long due;
        long onTime;
        long activeCount;
        long graded;

        void add(Organization o, LocalDate from, LocalDate to) {
            if (o.registeredOn().isAfter(to)) {
                return;
            }
            LocalDate endedOn = o.history().stream().filter(c -> c.to().terminal()).map(StatusChange::effectiveOn)
                    .findFirst().orElse(null);
            if (endedOn == null || endedOn.isAfter(to)) {
                active.merge(o.type().name(), 1L, Long::sum);
                activeCount++;
                if (o.gradeOn(to).isPresent()) {
                    graded++;
                }
            }
            if (!o.registeredOn().isBefore(from)) {
                registered.merge(o.type().name(), 1L, Long::sum);
            }
            for (StatusChange change : o.history()) {
                if (!change.effectiveOn().isBefore(from) && !change.effectiveOn().isAfter(to)) {
                    if (change.to().listed()) {
                        listEntries.merge(change.to().name(), 1L, Long::sum);
                    } else if (change.to().terminal()) {
                        ended.merge(change.to().name(), 1L, Long::sum);
                    }
                }
            }
            for (int year = Math.max(o.registeredOn().getYear(), from.getYear() - 1); year < to.getYear(); year++) {
                LocalDate deadline = ReportDeadlines.registry(year, o.type(), calendar);
                if (deadline.isBefore(from) || deadline.isAfter(to) || endedOn != null && !endedOn.isAfter(deadline)) {
                    continue;
                }
                due++;
                AnnualReport report = o.report(year).orElse(null);
                if (report != null && report.registryReceivedOn() != null
                        && !report.registryReceivedOn().isAfter(deadline)) {
                    onTime++;
                }
                if (report != null && report.verdict() != null) {
                    verdicts.merge(report.verdict().name(), 1L, Long::sum);
                }
            }
        }
    }
}
