package cn.minzheng.orgs.inspection.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import cn.minzheng.orgs.inspection.InspectionPlan;
import cn.minzheng.orgs.inspection.InspectionPlans;
import cn.minzheng.orgs.inspection.Inspections;
import cn.minzheng.orgs.inspection.PlanCandidates;
import cn.minzheng.orgs.organization.Organizations;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What 一公开 publishes: every plan, its draws and seeds, candidates, exclusions and results, without a login. */
@Tag(name = "信息公开 Public disclosure")
@RestController
@Validated
@RequestMapping("/api/orgs/public/inspection-plans")
class PublicInspectionController {

    private final InspectionPlans plans;
    private final Inspections inspections;
    private final PlanCandidates candidates;
    private final Organizations organizations;
    private final Clock clock;

    PublicInspectionController(InspectionPlans plans, Inspections inspections, PlanCandidates candidates,
            Organizations organizations, Clock clock) {
        this.plans = plans;
        this.inspections = inspections;
        this.organizations = organizations;
        this.candidates = candidates;
        this.clock = clock;
    }

    @Operation(summary = "抽查计划公示 Published plans", description = "某区划的抽查计划（无需登录）。\n"
            + "The plans of a division, no login.")
    @GetMapping
    PageResponse<PlanResponse> list(@RequestParam DivisionCode division, @RequestParam(required = false) Integer year,
            @Valid PageParams page) {
        return PageResponse.of(plans.find(division, year, page.offset(), page.size()), page,
                plans.count(division, year), plan -> PlanResponse.of(plan, LocalDate.now(clock)));
    }

    @Operation(summary = "抽查结果公示 A published plan",
            description = "抽查计划、种子、抽取记录、回避名单、检查对象、检查人员和检查结果（无需登录）。任何人可据此和候选名单复核抽取。\n"
                    + "A plan with its seed, draw log, exclusions, targets, inspectors and results, no login: with "
                    + "the candidate list anyone can re-run the draw.")
    @GetMapping("/{id}")
    PlanResponse get(@PathVariable String id) {
        InspectionPlan plan = plans.get(id);
        return PlanResponse.read(plan, inspections, organizations, LocalDate.now(clock), null);
    }

    record CandidateList(String planId, int draw, String seed, List<String> creditCodes, List<String> charities) {
    }

    @Operation(summary = "候选名单 Candidate list",
            description = "某次抽取的候选对象（统一社会信用代码，升序）及其中的慈善组织，不指定则为现行抽取（无需登录）。\n"
                    + "The candidates of a draw (credit codes, ascending) and the charities among them, the draw in force unless given; no login.")
    @GetMapping("/{id}/candidates")
    CandidateList candidates(@PathVariable String id, @RequestParam(required = false) @Min(1) @Max(1000) Integer draw) {
        InspectionPlan plan = plans.get(id);
        int number = draw == null ? plan.current().number() : draw;
        InspectionPlan.Draw made = plan.draws().stream().filter(d -> d.number() == number).findFirst()
                .orElseThrow(() -> Refusal.notFound("draw-not-found", number).on("draw"));
        PlanCandidates.Candidates list = candidates.of(id, number);
        return new CandidateList(id, number, made.seed(), list.creditCodes(), list.charities());
    }
}
