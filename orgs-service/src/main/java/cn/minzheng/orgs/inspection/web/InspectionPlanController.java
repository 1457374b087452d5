package cn.minzheng.orgs.inspection.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.minzheng.orgs.inspection.InspectionPlan;
import cn.minzheng.orgs.inspection.InspectionPlans;
import cn.minzheng.orgs.inspection.Inspections;
import cn.minzheng.orgs.inspection.PlanDrawing;
import cn.minzheng.orgs.organization.Organizations;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.ETags;
import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;

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

@Tag(name = "双随机一公开 Random inspections", description = "抽查计划、随机抽取检查对象和检查人员、回避。 Inspection plans, "
        + "the random draw of targets and inspectors, recusal.")
@RestController
@RequestMapping("/api/orgs/inspection-plans")
class InspectionPlanController {

    static final String STAFF = "hasAnyRole('orgs-officer', 'inspector', 'auditor', 'admin')";

    private final PlanDrawing drawing;
    private final InspectionPlans plans;
    private final Inspections inspections;
    private final Organizations organizations;
    private final Authorization authorization;
    private final Clock clock;

    InspectionPlanController(PlanDrawing drawing, InspectionPlans plans, Inspections inspections,
            Organizations organizations, Authorization authorization, Clock clock) {
        this.drawing = drawing;
        this.plans = plans;
        this.inspections = inspections;
        this.organizations = organizations;
        this.authorization = authorization;
        this.clock = clock;
    }

    record NewPlan(Integer year, @NotNull DivisionCode divisionCode,
            @NotNull @DecimalMin("0.01") @DecimalMax("1") @Digits(integer = 1, fraction = 4) BigDecimal ratio,
            Boolean allCharities,
            @NotEmpty @Size(max = 200) List<@NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}") String> inspectors,
            String seed) {
    }

    @Operation(summary = "制定抽查计划并抽取 Commit a plan and draw",
            description = "登记管理机关制定双随机抽查计划（年度（默认今年）、区划、抽查比例、检查人员库，可选择对慈善组织全部检查），提交即抽取："
                    + "比例不低于区县 3%、设区的市 4%、省 5%；随机种子由系统生成，不得指定；与检查对象有关联关系的检查人员回避；"
                    + "每个对象须能分配两名无关联的检查人员，否则 422 并列出这些对象。抽取算法见服务说明，种子和候选名单一并公开。\n"
                    + "A registry commits a plan (year, this one unless given, division, ratio, inspector pool, "
                    + "optionally every charity) and it "
                    + "is drawn at once: the ratio is at least 3% (county), 4% (city) or 5% (province); the seed is "
                    + "the system's and may not be chosen; tied inspectors are never assigned; each target needs two "
                    + "unconflicted inspectors, else 422 naming the targets. The algorithm is in the service README; "
                    + "the seed and the candidate list are published.")
    @PostMapping
    @PreAuthorize("hasRole('orgs-officer')")
    ResponseEntity<PlanResponse> commit(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody NewPlan command) {
        if (command.seed() != null) {
            throw Refusal.rule("seed-chosen-by-system").on("seed");
        }
        Caller caller = Caller.from(jwt);
        authorization.requireDivision(caller, command.divisionCode(), "inspection-plan", null);
        int year = command.year() != null ? command.year() : LocalDate.now(clock).getYear();
        InspectionPlan plan = drawing.commit(year, command.divisionCode(), command.ratio(),
                Boolean.TRUE.equals(command.allCharities()), command.inspectors(), caller.username());
        return ETags.created(URI.create("/api/orgs/inspection-plans/" + plan.id()), plan,
                PlanResponse.of(plan, LocalDate.now(clock)));
    }

    @Operation(summary = "抽查计划列表 List plans", description = "辖区内的抽查计划，可按年度筛选。\n"
            + "The plans of a division, by year.")
    @GetMapping
    @PreAuthorize(STAFF)
    PageResponse<PlanResponse> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division, @RequestParam(required = false) Integer year,
            @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "inspection-plan");
        return PageResponse.of(plans.find(scope, year, page.offset(), page.size()), page, plans.count(scope, year),
                plan -> PlanResponse.of(plan, LocalDate.now(clock)));
    }

    @Operation(summary = "查看抽查计划 Read a plan",
            description = "计划、全部抽取记录（种子、时间、重新抽取的理由和确认人）、现行抽取的回避名单、检查对象、检查人员和检查结果。\n"
                    + "The plan, the log of its draws (seed, time, a re-draw's reason and confirming officer), and "
                    + "the draw in force: exclusions, targets, inspectors and results.")
    @GetMapping("/{id}")
    @PreAuthorize(STAFF)
    ResponseEntity<PlanResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        InspectionPlan plan = inDivision(jwt, id);
        return ETags.ok(plan, PlanResponse.read(plan, inspections, organizations, LocalDate.now(clock),
                PlanResponse.Viewer.of(Caller.from(jwt))));
    }

    record RedrawRequestBody(@NotBlank @Size(max = 500) String reason) {
    }

    @Operation(summary = "申请重新抽取 Ask for a re-draw",
            description = "写明理由申请重新抽取；须由另一名登记管理人员确认后才重新抽取（双人复核）。已录入检查结果的计划不能重新抽取。带 If-Match。\n"
                    + "Asks for a re-draw with a reason; another officer must confirm it (four-eyes). A plan with "
                    + "results entered is not re-drawn. Send If-Match.")
    @PostMapping("/{id}/redraw-request")
    @PreAuthorize("hasRole('orgs-officer')")
    ResponseEntity<PlanResponse> requestRedraw(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody RedrawRequestBody command) {
        InspectionPlan plan = ETags.requireMatch(ifMatch, inDivision(jwt, id));
        plan.requestRedraw(command.reason(), Caller.from(jwt).username(), clock);
        plans.save(plan);
        return ETags.ok(plan, PlanResponse.of(plan, LocalDate.now(clock)));
    }

    @Operation(summary = "确认并重新抽取 Confirm and re-draw",
            description = "另一名登记管理人员确认重新抽取：以系统新生成的种子重新抽取，记入抽取记录；申请人本人确认的 403。带 If-Match。\n"
                    + "A second officer confirms the re-draw, made with a new system seed and logged; the officer "
                    + "who asked gets 403. Send If-Match.")
    @PostMapping("/{id}/redraw")
    @PreAuthorize("hasRole('orgs-officer')")
    ResponseEntity<PlanResponse> redraw(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        InspectionPlan plan = ETags.requireMatch(ifMatch, inDivision(jwt, id));
        drawing.redraw(plan, Caller.from(jwt).username());
        return ETags.ok(plan, PlanResponse.of(plan, LocalDate.now(clock)));
    }

    private InspectionPlan inDivision(Jwt jwt, String id) {
        InspectionPlan plan = plans.get(id);
        authorization.requireDivision(Caller.from(jwt), plan.division(), "inspection-plan", id);
        return plan;
    }
}
