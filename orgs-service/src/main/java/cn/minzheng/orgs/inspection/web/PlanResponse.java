package cn.minzheng.orgs.inspection.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.minzheng.orgs.inspection.Inspection;
import cn.minzheng.orgs.inspection.InspectionPlan;
import cn.minzheng.orgs.inspection.Inspections;
import cn.minzheng.orgs.inspection.RandomDraw;
import cn.minzheng.orgs.organization.Organizations;

/**
 * A plan as published (the same for staff and the public: nothing in it is personal): its rules, the log of its
 * draws with their seeds, and the draw in force with its exclusions, targets, inspectors and results. The
 * candidate list of each draw is its own resource.
 */
record PlanResponse(String id, int year, String divisionCode, BigDecimal ratio, boolean allCharities,
        List<String> pool, Instant committedAt, List<DrawLog> draws, Redraw redrawRequest, int candidates,
        String seed, List<RandomDraw.Exclusion> exclusions, List<Target> targets, List<InspectionPlan.Action> actions) {

    /**
     * Who reads the plan, for the actions they may take on it and its targets; {@code null} for the public and for
     * lists, which answer none (a list would need every plan's results to say).
     */
    record Viewer(String username, boolean inspector, boolean officer) {

        static Viewer of(cn.minzheng.platform.security.Caller caller) {
            return new Viewer(caller.username(), caller.hasRole("inspector"), caller.hasRole("orgs-officer"));
        }
    }

    /** A draw in the log: number, seed, when, why (a re-draw), who asked and who confirmed. */
    record DrawLog(int number, String seed, Instant drawnAt, String requestedBy, String reason, String confirmedBy,
            int candidates, int targets) {
    }

    record Redraw(String reason, String requestedBy, Instant requestedAt) {
    }

    /** A target: order of the draw, the organisation, its inspectors, and the result once entered. */
    record Target(int order, String creditCode, String name, boolean charity, List<String> inspectors,
            String inspectionId, Inspection.Outcome outcome, String findings, LocalDate inspectedOn,
            LocalDate rectificationDeadline, Inspection.Rectification rectification, List<Inspection.Action> actions) {
    }

    /** A plan without its results, names or actions: as committed, re-drawn, or in a list. */
    static PlanResponse of(InspectionPlan plan, LocalDate today) {
        return of(plan, List.of(), Map.of(), today, null);
    }

    /** A plan as read on its own: with its results, its targets' names and, for staff, what they may do. */
    static PlanResponse read(InspectionPlan plan, Inspections inspections, Organizations organizations,
            LocalDate today, Viewer viewer) {
        List<String> codes = plan.current().assignments().stream().map(RandomDraw.Assignment::creditCode).toList();
        return of(plan, inspections.ofPlan(plan.id()), organizations.names(codes), today, viewer);
    }

    private static PlanResponse of(InspectionPlan plan, List<Inspection> results, Map<String, String> names,
            LocalDate today, Viewer viewer) {
        Map<String, Inspection> byCode = results.stream()
                .filter(i -> i.drawNumber() == plan.current().number())
                .collect(Collectors.toMap(Inspection::creditCode, Function.identity()));
        InspectionPlan.Draw current = plan.current();
        List<RandomDraw.Assignment> assignments = current.assignments();
        List<Target> targets = new java.util.ArrayList<>(assignments.size());
        for (int i = 0; i < assignments.size(); i++) {
            RandomDraw.Assignment a = assignments.get(i);
            Inspection result = byCode.get(a.creditCode());
            targets.add(new Target(i + 1, a.creditCode(), names.get(a.creditCode()), a.charity(), a.inspectors(),
                    plan.inspectionId(a.creditCode()), result == null ? null : result.outcome(),
                    result == null ? null : result.findings(), result == null ? null : result.inspectedOn(),
                    result == null ? null : result.rectificationDeadline(),
                    result == null ? null : result.rectification(today), viewer == null ? List.of()
                            : Inspection.actions(plan, a.creditCode(), result, viewer.username(), viewer.inspector(),
                                    viewer.officer())));
        }
        var request = plan.redrawRequest();
        return new PlanResponse(plan.id(), plan.year(), plan.division().value(), plan.ratio(), plan.allCharities(),
                plan.pool(), plan.committedAt(), plan.draws().stream().map(d -> new DrawLog(d.number(), d.seed(),
                        d.drawnAt(), d.requestedBy(), d.reason(), d.confirmedBy(), d.candidates(),
                        d.assignments().size())).toList(),
                request == null ? null : new Redraw(request.reason(), request.requestedBy(), request.requestedAt()),
                current.candidates(), current.seed(), current.exclusions(), targets, viewer == null ? List.of()
                        : plan.actions(viewer.username(), viewer.officer(), !results.isEmpty()));
    }
}
