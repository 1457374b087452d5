package cn.minzheng.orgs.inspection.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.minzheng.orgs.inspection.Inspection;
import cn.minzheng.orgs.inspection.InspectionPlan;
import cn.minzheng.orgs.inspection.InspectionPlans;
import cn.minzheng.orgs.inspection.Inspections;
import cn.minzheng.orgs.inspection.InspectorTasks;
import cn.minzheng.orgs.organization.Organizations;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.ETags;
import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "双随机一公开 Random inspections")
@RestController
@RequestMapping("/api/orgs/inspections")
class InspectionController {

    private final InspectionPlans plans;
    private final Inspections inspections;
    private final InspectorTasks tasks;
    private final Organizations organizations;
    private final Authorization authorization;
    private final Clock clock;

    InspectionController(InspectionPlans plans, Inspections inspections, InspectorTasks tasks,
            Organizations organizations, Authorization authorization, Clock clock) {
        this.plans = plans;
        this.inspections = inspections;
        this.tasks = tasks;
        this.organizations = organizations;
        this.authorization = authorization;
        this.clock = clock;
    }

    record InspectionResponse(String id, String planId, int drawNumber, String creditCode, String divisionCode,
            List<String> inspectors, Inspection.Outcome outcome, String findings, LocalDate inspectedOn,
            LocalDate rectificationDeadline, Inspection.Rectification rectification, LocalDate rectifiedOn,
            String enteredBy, List<Inspection.FollowUp> followUps) {

        static InspectionResponse of(Inspection i, LocalDate today) {
            return new InspectionResponse(i.id(), i.planId(), i.drawNumber(), i.creditCode(), i.division().value(),
                    i.inspectors(), i.outcome(), i.findings(), i.inspectedOn(), i.rectificationDeadline(),
                    i.rectification(today), i.rectifiedOn(), i.enteredBy(), i.followUps());
        }
    }

    /** One of the caller's own targets: the plan, the organisation, both inspectors, the result so far. */
    record AssignedTarget(String inspectionId, String planId, int year, String divisionCode, String creditCode,
            String name, boolean charity, List<String> inspectors, LocalDate drawnOn, Inspection.Outcome outcome,
            LocalDate inspectedOn, Inspection.Rectification rectification, List<Inspection.Action> actions) {
    }

    @Operation(summary = "我的检查任务 My inspection targets",
            description = "抽中并分配给本人的检查对象（本年度和上年度计划的现行抽取），最新的计划在前；open=true 只列尚未录入结果的。"
                    + "每项给出本人现在可做的操作（录入结果、跟踪回访）。\n"
                    + "The targets the draw in force of this year's and last year's plans assigned to the caller, "
                    + "newest plan first; open=true lists only those without a result. Each names what the caller "
                    + "may do on it now (ENTER_RESULT, FOLLOW_UP).")
    @GetMapping("/assigned")
    @PreAuthorize("hasRole('inspector')")
    PageResponse<AssignedTarget> assigned(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(defaultValue = "false") boolean open, @Valid PageParams page) {
        Caller caller = Caller.from(jwt);
        List<InspectorTasks.Task> all = tasks.of(caller.username(), open);
        List<InspectorTasks.Task> shown = all.subList((int) Math.min(page.offset(), all.size()),
                (int) Math.min(page.offset() + page.size(), all.size()));
        Map<String, String> names = organizations.names(shown.stream().map(t -> t.assignment().creditCode())
                .toList());
        LocalDate today = LocalDate.now(clock);
        return PageResponse.of(shown, page, all.size(), t -> {
            Inspection result = t.result();
            String code = t.assignment().creditCode();
            return new AssignedTarget(t.plan().inspectionId(code), t.plan().id(), t.plan().year(),
                    t.plan().division().value(), code, names.get(code), t.assignment().charity(),
                    t.assignment().inspectors(), LocalDate.ofInstant(t.plan().current().drawnAt(), clock.getZone()),
                    result == null ? null : result.outcome(), result == null ? null : result.inspectedOn(),
                    result == null ? null : result.rectification(today), Inspection.actions(t.plan(), code, result,
                            caller.username(), true, caller.hasRole("orgs-officer")));
        });
    }

    record Result(@NotNull Inspection.Outcome outcome, @Size(max = 2000) String findings,
            @NotNull LocalDate inspectedOn, LocalDate rectificationDeadline) {
    }

    @Operation(summary = "录入检查结果 Enter a result",
            description = "抽中对象的两名检查人员之一录入检查结果：未发现问题、责令整改（须写明问题和整改期限）或移交查处。"
                    + "未分配到该对象的检查人员 403。每个对象只录入一次。发布 org.inspected。编号为 <计划编号>-<统一社会信用代码>。\n"
                    + "One of the two inspectors assigned to a target enters the result: COMPLIANT, "
                    + "RECTIFICATION_REQUIRED (findings and a deadline) or REFERRED. An inspector not assigned to it "
                    + "gets 403. Entered once. Publishes org.inspected. The id is <planId>-<credit code>.")
    @PostMapping("/{id}/results")
    @PreAuthorize("hasRole('inspector')")
    ResponseEntity<InspectionResponse> enter(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @Valid @RequestBody Result command) {
        var ref = InspectionPlan.InspectionRef.parse(id);
        InspectionPlan plan = ref.flatMap(r -> plans.find(r.planId())).orElseThrow(() -> Refusal.notFound(
                "not-found", Refusal.term("inspection"), id).as("not-found.id"));
        Inspection inspection = Inspection.enter(plan, ref.get().creditCode(), Caller.from(jwt).username(),
                command.outcome(), command.findings(), command.inspectedOn(), command.rectificationDeadline(), clock);
        try {
            inspections.insert(inspection);
        } catch (DuplicateKeyException entered) {
            throw Refusal.conflict("inspection-result-entered", id);
        }
        return ETags.created(URI.create("/api/orgs/inspections/" + id), inspection,
                InspectionResponse.of(inspection, LocalDate.now(clock)));
    }

    @Operation(summary = "查看检查结果 Read a result", description = "检查结果、整改期限、整改状态（按当日计算）和跟踪回访记录。\n"
            + "A result, its rectification deadline and status (as of today) and the follow-up visits.")
    @GetMapping("/{id}")
    @PreAuthorize(InspectionPlanController.STAFF)
    ResponseEntity<InspectionResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Inspection inspection = inDivision(jwt, id);
        return ETags.ok(inspection, InspectionResponse.of(inspection, LocalDate.now(clock)));
    }

    record FollowUpBody(@NotNull LocalDate visitedOn, @NotNull Boolean rectified, @Size(max = 1000) String note) {
    }

    @Operation(summary = "跟踪回访 Follow-up visit",
            description = "对责令整改的对象跟踪回访：回访日期、是否已整改、情况说明；已整改即结束。由分配的检查人员或登记管理人员录入。带 If-Match。\n"
                    + "A follow-up visit to a target told to rectify: the day, whether it is rectified, a note; a "
                    + "rectified visit closes it. By an assigned inspector or a registry officer. Send If-Match.")
    @PostMapping("/{id}/follow-ups")
    @PreAuthorize("hasAnyRole('inspector', 'orgs-officer')")
    ResponseEntity<InspectionResponse> followUp(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody FollowUpBody command) {
        Caller caller = Caller.from(jwt);
        Inspection inspection = ETags.requireMatch(ifMatch, inDivision(jwt, id));
        inspection.followUp(command.visitedOn(), command.rectified(), command.note(), caller.username(),
                caller.hasRole("orgs-officer"), clock);
        inspections.save(inspection);
        return ETags.ok(inspection, InspectionResponse.of(inspection, LocalDate.now(clock)));
    }

    private Inspection inDivision(Jwt jwt, String id) {
        Inspection inspection = inspections.get(id);
        Caller caller = Caller.from(jwt);
        if (!inspection.inspectors().contains(caller.username())) {
            authorization.requireDivision(caller, inspection.division(), "inspection", id);
        }
        return inspection;
    }
}
