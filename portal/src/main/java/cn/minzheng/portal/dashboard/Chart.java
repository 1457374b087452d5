package cn.minzheng.portal.dashboard;

import java.util.List;

/**
 * One office's chart on the dashboard: where its figures come from and which of them it shows. A column names a
 * figure by its path in the office's answer ({@code perProgramme.DIBAO.householdsEnrolled}); {@code plotted} columns
 * are drawn (counts together, shares and money are in the table only). Which figure is which is the office's; the
 * chart only picks and labels them.
 */
record Chart(String office, String titleKey, String api, List<Column> columns) {

    /** How an office writes a figure: a count, yuan, a percentage (75.00) or a fraction (0.75). */
    enum Unit {
        COUNT, YUAN, PERCENT, FRACTION
    }

    record Column(String labelKey, String path, boolean plotted, Unit unit) {
    }

    static Column counted(String labelKey, String path) {
        return new Column(labelKey, path, true, Unit.COUNT);
    }

    static Column tabled(String labelKey, String path, Unit unit) {
        return new Column(labelKey, path, false, unit);
    }

    /** The charts of the dashboard, in the order the bureau's year report has them. */
    static final List<Chart> ALL = List.of(
            new Chart("assistance", "chart.assistance", "/api/assistance/stats", List.of(
                    counted("chart.dibaoHouseholds", "perProgramme.DIBAO.householdsEnrolled"),
                    counted("chart.dibaoPeople", "perProgramme.DIBAO.peopleEnrolled"),
                    counted("chart.tekunHouseholds", "perProgramme.TEKUN.householdsEnrolled"),
                    counted("chart.tekunPeople", "perProgramme.TEKUN.peopleEnrolled"),
                    tabled("chart.dibaoPaid", "perProgramme.DIBAO.amountPaid", Unit.YUAN),
                    tabled("chart.tekunPaid", "perProgramme.TEKUN.amountPaid", Unit.YUAN))),
            new Chart("allowances", "chart.allowances", "/api/assistance/stats/allowances", List.of(
                    counted("chart.disabilityLiving", "allowances.DISABILITY_LIVING.people"),
                    counted("chart.disabilityCare", "allowances.DISABILITY_CARE.people"),
                    counted("chart.oldAge", "allowances.OLD_AGE.people"),
                    tabled("chart.disabilityLivingPaid", "allowances.DISABILITY_LIVING.amount", Unit.YUAN),
                    tabled("chart.disabilityCarePaid", "allowances.DISABILITY_CARE.amount", Unit.YUAN),
                    tabled("chart.oldAgePaid", "allowances.OLD_AGE.amount", Unit.YUAN))),
            new Chart("eldercare", "chart.eldercare", "/api/eldercare/stats", List.of(
                    counted("chart.beds", "beds.total"),
                    counted("chart.mealsServed", "meals.served"),
                    tabled("chart.nursingRatio", "beds.nursingBedRatio", Unit.PERCENT),
                    tabled("chart.occupancy", "beds.occupancy", Unit.PERCENT),
                    tabled("chart.mealSubsidy", "meals.subsidy", Unit.YUAN))),
            new Chart("orgs", "chart.orgs", "/api/orgs/stats", List.of(
                    counted("chart.listedAbnormal", "listEntries.ABNORMAL"),
                    counted("chart.listedSerious", "listEntries.SERIOUS_VIOLATION"),
                    tabled("chart.inspectionRate", "annualInspection.rate", Unit.FRACTION),
                    tabled("chart.gradedShare", "graded.share", Unit.FRACTION))),
            new Chart("funeral", "chart.funeral", "/api/funeral/stats", List.of(
                    counted("chart.deaths", "deaths"),
                    counted("chart.cremations", "cremations"),
                    counted("chart.ecoBurials", "ecoBurials"),
                    tabled("chart.cremationRate", "cremationRate", Unit.PERCENT),
                    tabled("chart.waived", "waivedTotal", Unit.YUAN))),
            new Chart("registry", "chart.registry", "/api/registry/stats", List.of(
                    counted("chart.marriages", "marriages"),
                    counted("chart.divorcesApplied", "divorces.applied"),
                    counted("chart.divorcesWithdrawn", "divorces.withdrawn"),
                    counted("chart.divorcesDeemedWithdrawn", "divorces.deemedWithdrawn"),
                    counted("chart.divorcesRegistered", "divorces.registered"),
                    counted("chart.adoptions", "adoptions"))));

    static java.util.Optional<Chart> of(String office) {
        return ALL.stream().filter(chart -> chart.office().equals(office)).findFirst();
    }
}
