package cn.minzheng.portal.dashboard;

import java.util.List;

/**
 * One office's chart on the dashboard: where its figures come from and which of them it shows. A column names a
 * figure by its path in the office's answer ({@code perProgramme.DIBAO.householdsEnrolled}); {@code plotted} columns
 * are drawn (counts together, shares and money are in the table only). Which figure is which is the office's; the
 * chart only picks and labels them.
 */
record Chart(String office, String titleKey, String api, List<Column> columns) {

    record Column(String labelKey, String path, boolean plotted) {
    }

    static Column counted(String labelKey, String path) {
        return new Column(labelKey, path, true);
    }

    static Column tabled(String labelKey, String path) {
        return new Column(labelKey, path, false);
    }

    /** The charts of the dashboard, in the order the bureau's year report has them. */
    static final List<Chart> ALL = List.of(
            new Chart("assistance", "chart.assistance", "/api/assistance/stats", List.of(
                    counted("chart.dibaoHouseholds", "perProgramme.DIBAO.householdsEnrolled"),
                    counted("chart.dibaoPeople", "perProgramme.DIBAO.peopleEnrolled"),
                    counted("chart.tekunHouseholds", "perProgramme.TEKUN.householdsEnrolled"),
                    counted("chart.tekunPeople", "perProgramme.TEKUN.peopleEnrolled"),
                    tabled("chart.dibaoPaid", "perProgramme.DIBAO.amountPaid"),
                    tabled("chart.tekunPaid", "perProgramme.TEKUN.amountPaid"))),
            new Chart("allowances", "chart.allowances", "/api/assistance/stats/allowances", List.of(
                    counted("chart.disabilityLiving", "allowances.DISABILITY_LIVING.people"),
                    counted("chart.disabilityCare", "allowances.DISABILITY_CARE.people"),
                    counted("chart.oldAge", "allowances.OLD_AGE.people"),
                    tabled("chart.disabilityLivingPaid", "allowances.DISABILITY_LIVING.amount"),
                    tabled("chart.disabilityCarePaid", "allowances.DISABILITY_CARE.amount"),
                    tabled("chart.oldAgePaid", "allowances.OLD_AGE.amount"))),
            new Chart("eldercare", "chart.eldercare", "/api/eldercare/stats", List.of(
                    counted("chart.beds", "beds.total"),
                    counted("chart.mealsServed", "meals.served"),
                    tabled("chart.nursingRatio", "beds.nursingBedRatio"),
                    tabled("chart.occupancy", "beds.occupancy"),
                    tabled("chart.mealSubsidy", "meals.subsidy"))),
            new Chart("orgs", "chart.orgs", "/api/orgs/stats", List.of(
                    counted("chart.listedAbnormal", "listEntries.ABNORMAL"),
                    counted("chart.listedSerious", "listEntries.SERIOUS_VIOLATION"),
                    tabled("chart.inspectionRate", "annualInspection.rate"),
                    tabled("chart.gradedShare", "graded.share"))),
            new Chart("funeral", "chart.funeral", "/api/funeral/stats", List.of(
                    counted("chart.deaths", "deaths"),
                    counted("chart.cremations", "cremations"),
                    counted("chart.ecoBurials", "ecoBurials"),
                    tabled("chart.cremationRate", "cremationRate"),
                    tabled("chart.waived", "waivedTotal"))),
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
