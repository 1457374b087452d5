package cn.minzheng.portal.layout;

import java.util.List;
import java.util.Set;

/**
 * The left menu, by business line (UI.md). An entry is shown to the roles whose work it is; a service still refuses
 * anyone else who opens its address.
 */
public final class Menu {

    public record Entry(String labelKey, String href, Set<String> roles) {
    }

    public record Section(String labelKey, List<Entry> entries) {
    }

    private static final Set<String> ASSISTANCE_STAFF = Set.of("township-officer", "county-approver", "auditor");
    private static final Set<String> COUNTY = Set.of("county-approver");
    private static final Set<String> CHILDREN = Set.of("child-director", "township-officer", "county-approver");
    private static final Set<String> REGISTRY = Set.of("registrar");
    private static final Set<String> FUNERAL = Set.of("funeral-officer", "auditor");
    private static final Set<String> ELDERCARE = Set.of("eldercare-officer", "facility-operator", "auditor");
    private static final Set<String> ORGS = Set.of("orgs-officer", "inspector", "auditor");

    private static final Set<String> FIGURES = Set.of("leader", "county-approver");

    private static final List<Section> ALL = List.of(
            new Section("menu.dashboards", List.of(
                    new Entry("menu.dashboards", "/dashboards", FIGURES))),
            new Section("menu.assistance", List.of(
                    new Entry("menu.households", "/assistance/households", ASSISTANCE_STAFF),
                    new Entry("menu.applications", "/assistance/applications", ASSISTANCE_STAFF),
                    new Entry("menu.enrolments", "/assistance/enrolments", ASSISTANCE_STAFF),
                    new Entry("menu.payrolls", "/assistance/payrolls", COUNTY),
                    new Entry("menu.standards", "/assistance/standards", COUNTY),
                    new Entry("menu.allowanceProposals", "/assistance/allowance-proposals",
                            Set.of("township-officer", "county-approver")),
                    new Entry("menu.allowances", "/assistance/allowances", ASSISTANCE_STAFF),
                    new Entry("menu.allowanceRules", "/assistance/allowance-rules", COUNTY),
                    new Entry("menu.children", "/assistance/children", CHILDREN))),
            new Section("menu.registry", List.of(
                    new Entry("menu.bookings", "/registry/bookings", REGISTRY),
                    new Entry("menu.marriages", "/registry/marriages/new", REGISTRY),
                    new Entry("menu.divorces", "/registry/divorces", REGISTRY),
                    new Entry("menu.adoptions", "/registry/adoptions/new", REGISTRY),
                    new Entry("menu.calendar", "/registry/calendar", REGISTRY))),
            new Section("menu.eldercare", List.of(
                    new Entry("menu.facilities", "/eldercare/facilities", ELDERCARE),
                    new Entry("menu.serviceOrders", "/eldercare/service-orders",
                            Set.of("eldercare-officer", "auditor")),
                    new Entry("menu.statements", "/eldercare/service-orders/statements",
                            Set.of("eldercare-officer", "care-provider", "auditor")),
                    new Entry("menu.adaptations", "/eldercare/home-adaptations",
                            Set.of("eldercare-officer", "auditor")))),
            new Section("menu.orgs", List.of(
                    new Entry("menu.organizations", "/orgs/organizations", ORGS),
                    new Entry("menu.plans", "/orgs/inspection-plans", ORGS),
                    new Entry("menu.assigned", "/orgs/inspections/assigned", Set.of("inspector")),
                    new Entry("menu.tips", "/orgs/tips", Set.of("orgs-officer", "auditor")),
                    new Entry("menu.revocationList", "/orgs/worklists/revocation", Set.of("orgs-officer", "auditor")),
                    new Entry("menu.creditRecords", "/orgs/worklists/credit-records",
                            Set.of("orgs-officer", "auditor")),
                    new Entry("menu.ties", "/orgs/inspector-ties", Set.of("orgs-officer", "auditor")),
                    new Entry("menu.projects", "/orgs/projects", Set.of("orgs-officer", "auditor")),
                    new Entry("menu.donations", "/orgs/donations", Set.of("orgs-officer", "auditor")))),
            new Section("menu.funeral", List.of(
                    new Entry("menu.cases", "/funeral/cases", FUNERAL),
                    new Entry("menu.deaths", "/funeral/deaths", Set.of("funeral-officer", "funeral-home-operator",
                            "auditor")),
                    new Entry("menu.cemeteries", "/funeral/cemeteries", FUNERAL),
                    new Entry("menu.relocation", "/funeral/relocation-projects", FUNERAL),
                    new Entry("menu.ecoCeremonies", "/funeral/eco-ceremonies", FUNERAL),
                    new Entry("menu.settlements", "/funeral/settlements", Set.of("funeral-officer",
                            "funeral-home-operator", "auditor")))));

    private Menu() {
    }

    /** The sections with at least one entry for the person, each with only those entries. */
    public static List<Section> forPerson(Person person) {
        return ALL.stream()
                .map(section -> new Section(section.labelKey(), section.entries().stream()
                        .filter(entry -> entry.roles().stream().anyMatch(person::has)).toList()))
                .filter(section -> !section.entries().isEmpty())
                .toList();
    }
}
