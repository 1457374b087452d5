package cn.minzheng.orgs.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * An inspector's own targets (我的检查任务): those the draw in force of this year's and last year's plans assigned
 * to them, newest plan first, in the order drawn. A person is in a few plans a year, so the list is read whole: two
 * indexed queries (plans by pool, results by plan), however large the register.
 */
@Component
public class InspectorTasks {

    /** A target assigned to the inspector, with its result once one is entered. */
    public record Task(InspectionPlan plan, RandomDraw.Assignment assignment, Inspection result) {

        public boolean open() {
            return result == null;
        }
    }

    private final InspectionPlans plans;
    private final Inspections inspections;
    private final Clock clock;

    InspectorTasks(InspectionPlans plans, Inspections inspections, Clock clock) {
        this.plans = plans;
        this.inspections = inspections;
        this.clock = clock;
    }

    /** The inspector's targets, or only those still waiting for a result. */
    public List<Task> of(String inspector, boolean openOnly) {
        List<InspectionPlan> mine = new ArrayList<>(
                plans.withInspector(inspector, LocalDate.now(clock).getYear() - 1));
        if (mine.isEmpty()) {
            return List.of();
        }
        mine.sort(Comparator.comparing(InspectionPlan::committedAt).reversed());
        Map<String, Inspection> results = inspections.ofPlans(mine.stream().map(InspectionPlan::id).toList())
                .stream().collect(Collectors.toMap(Inspection::id, Function.identity()));
        List<Task> tasks = new ArrayList<>();
        for (InspectionPlan plan : mine) {
            for (RandomDraw.Assignment assignment : plan.assignedTo(inspector)) {
                Task task = new Task(plan, assignment, results.get(plan.inspectionId(assignment.creditCode())));
                if (!openOnly || task.open()) {
                    tasks.add(task);
                }
            }
        }
        return tasks;
    }
}
