package cn.minzheng.orgs.support.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.minzheng.orgs.organization.Organization;
import cn.minzheng.orgs.support.Project;
import cn.minzheng.orgs.support.SupportRecords;
import cn.minzheng.platform.identity.DivisionCode;
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

@Tag(name = "培育扶持 Support", description = "政府购买服务和公益创投项目、孵化基地入驻、慈善捐赠。 Purchased services and "
        + "venture philanthropy, incubation tenants, charity donations.")
@RestController
@RequestMapping("/api/orgs/projects")
class ProjectController {

    private final SupportRecords.Projects projects;
    private final SupportAccess access;
    private final Clock clock;

    ProjectController(SupportRecords.Projects projects, SupportAccess access, Clock clock) {
        this.projects = projects;
        this.access = access;
        this.clock = clock;
    }

    record NewProject(@NotNull Project.Kind kind, @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 40) String organizationId, @NotBlank @Size(max = 100) String purchaser,
            @NotNull @Digits(integer = 12, fraction = 2) BigDecimal amount, @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn) {
    }

    record ProjectResponse(String id, Project.Kind kind, String title, String organizationId, String creditCode,
            String purchaser, BigDecimal amount, LocalDate startsOn, LocalDate endsOn, String divisionCode,
            Project.Evaluation evaluation, List<Project.Action> actions) {

        /** With what the caller may do on it now (the workbench offers only those forms). */
        static ProjectResponse of(Project p, Jwt caller) {
            return new ProjectResponse(p.id(), p.kind(), p.title(), p.orgId(), p.creditCode(), p.purchaser(),
                    p.amount(), p.startsOn(), p.endsOn(), p.division().value(), p.evaluation(),
                    p.actions(Caller.from(caller).hasRole("orgs-officer")));
        }
    }

    @Operation(summary = "登记项目 Record a project", description = "政府购买服务或公益创投项目：承接的社会组织、购买方、金额和期限。\n"
            + "A government-purchased service or venture-philanthropy project: the organisation, the purchaser, "
            + "the amount and the period.")
    @PostMapping
    @PreAuthorize("hasRole('orgs-officer')")
    ResponseEntity<ProjectResponse> award(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody NewProject command) {
        Organization org = access.organization(jwt, command.organizationId());
        Project project = Project.award(command.kind(), command.title(), org.id(), org.creditCode().value(),
                command.purchaser(), command.amount(), command.startsOn(), command.endsOn(), org.division(),
                Caller.from(jwt).username());
        projects.insert(project);
        return ETags.created(URI.create("/api/orgs/projects/" + project.id()), project,
                ProjectResponse.of(project, jwt));
    }

    @Operation(summary = "项目列表 List projects", description = "辖区内的项目，可按社会组织筛选。\n"
            + "A division's projects, optionally of one organisation.")
    @GetMapping
    @PreAuthorize(SupportAccess.STAFF)
    PageResponse<ProjectResponse> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division,
            @RequestParam(required = false) @Size(max = 40) String organizationId, @Valid PageParams page) {
        DivisionCode scope = access.scope(jwt, division, "project");
        return PageResponse.of(projects.find(scope, organizationId, page.offset(), page.size()), page,
                projects.count(scope, organizationId), project -> ProjectResponse.of(project, jwt));
    }

    @Operation(summary = "查看项目 Read a project", description = "查看项目。\nRead a project.")
    @GetMapping("/{id}")
    @PreAuthorize(SupportAccess.STAFF)
    ResponseEntity<ProjectResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Project record = access.read(jwt, projects, id, Project::division);
        return ETags.ok(record, ProjectResponse.of(record, jwt));
    }

    record EvaluationBody(@NotNull Project.Rating rating, @NotNull LocalDate evaluatedOn,
            @Size(max = 1000) String note) {
    }

    @Operation(summary = "项目评估 Evaluate a project", description = "项目的评估结果（优秀、良好、合格、不合格），只评一次。带 If-Match。\n"
            + "The project's evaluation (EXCELLENT, GOOD, PASS, FAIL), once. Send If-Match.")
    @PostMapping("/{id}/evaluation")
    @PreAuthorize("hasRole('orgs-officer')")
    ResponseEntity<ProjectResponse> evaluate(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody EvaluationBody command) {
        Project project = access.change(jwt, projects, id, ifMatch, Project::division, p -> p.evaluate(
                command.rating(), command.evaluatedOn(), command.note(), Caller.from(jwt).username(), clock));
        return ETags.ok(project, ProjectResponse.of(project, jwt));
    }
}
