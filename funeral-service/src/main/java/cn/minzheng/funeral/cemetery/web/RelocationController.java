package cn.minzheng.funeral.cemetery.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.funeral.cemetery.BurialService;
import cn.minzheng.funeral.cemetery.EcoCeremonies;
import cn.minzheng.funeral.cemetery.EcoCeremony;
import cn.minzheng.funeral.cemetery.RelocationProject;
import cn.minzheng.funeral.cemetery.RelocationProjects;
import cn.minzheng.funeral.death.Burial;
import cn.minzheng.funeral.death.Death;
import cn.minzheng.funeral.death.Deaths;
import cn.minzheng.platform.authz.Authorization;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Relocation and scattered-grave clean-up projects, and collective eco-burial ceremonies. */
@Tag(name = "迁葬与集体生态葬 Relocations and eco ceremonies",
        description = "公墓搬迁、散坟整治项目和集体免费生态安葬仪式。 "
                + "Relocation and clean-up projects, collective free eco-burial ceremonies.")
@RestController
class RelocationController {

    private static final String READERS = "hasAnyRole('funeral-officer', 'auditor', 'admin')";

    private final RelocationProjects projects;
    private final EcoCeremonies ceremonies;
    private final Deaths deaths;
    private final BurialService burials;
    private final Authorization authorization;
    private final Clock clock;

    RelocationController(RelocationProjects projects, EcoCeremonies ceremonies, Deaths deaths, BurialService burials,
            Authorization authorization, Clock clock) {
        this.projects = projects;
        this.ceremonies = ceremonies;
        this.deaths = deaths;
        this.burials = burials;
        this.authorization = authorization;
        this.clock = clock;
    }

    record NewProject(@NotBlank @Size(max = 100) String name, @NotNull RelocationProject.Kind kind,
            @NotNull DivisionCode divisionCode, @NotNull LocalDate startedOn) {
    }

    record NewBatch(@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9-]+") String batchNo,
            @NotNull Burial.BurialType movedTo, @Min(1) @Max(10_000) int graves, @NotNull LocalDate on) {
    }

    record ProjectResponse(String id, String name, RelocationProject.Kind kind, String divisionCode,
            LocalDate startedOn, long gravesMoved, Map<String, Long> movedByType, List<RelocationProject.Batch> batches,
            long version) {

        static ProjectResponse of(RelocationProject p) {
            return new ProjectResponse(p.id(), p.name(), p.kind(), p.division().value(), p.startedOn(),
                    p.gravesMoved(), p.movedByType(null, null), p.batches(), p.version());
        }
    }

    record NewCeremony(@NotBlank @Size(max = 100) String name, @NotNull Burial.BurialType type,
            @Size(max = 64) String cemeteryId, @NotNull DivisionCode divisionCode, @NotNull LocalDate date,
            @NotEmpty @Size(max = 200) List<@NotBlank @Size(max = 120) String> deathIds,
            @Min(0) @Max(10_000) int familyParticipants) {
    }

    @Operation(summary = "登记迁葬项目 Start a relocation project",
            description = "公墓搬迁或散坟整治项目。\nA cemetery relocation or scattered-grave clean-up project.")
    @PostMapping("/api/funeral/relocation-projects")
    @PreAuthorize("hasRole('funeral-officer')")
    ResponseEntity<ProjectResponse> start(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody NewProject command) {
        Caller caller = Caller.from(jwt);
        authorization.requireDivision(caller, command.divisionCode(), "relocation-project", null);
        RelocationProject project = RelocationProject.start("rel-" + UUID.randomUUID(), command.name(),
                command.kind(), command.divisionCode(), command.startedOn(), caller.username(), clock);
        projects.insert(project);
        return ResponseEntity.created(URI.create("/api/funeral/relocation-projects/" + project.id()))
                .eTag(ETags.of(project.version())).body(ProjectResponse.of(project));
    }

    @Operation(summary = "登记迁移批次 Record graves moved",
            description = "按迁入方式（安葬类型）计数；同一批次号重复提交只计一次，数字不同返回 409。\n"
                    + "Counted by where the remains went (a burial type); a batch number sent again counts once, "
                    + "with other figures it is a 409.")
    @PostMapping("/api/funeral/relocation-projects/{id}/moves")
    @PreAuthorize("hasRole('funeral-officer')")
    ResponseEntity<ProjectResponse> moved(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody NewBatch command) {
        Caller caller = Caller.from(jwt);
        RelocationProject project = projects.get(id);
        authorization.requireDivision(caller, project.division(), "relocation-project", id);
        ETags.requireMatch(ifMatch, project);
        if (project.moved(new RelocationProject.Batch(command.batchNo(), command.movedTo(), command.graves(),
                command.on(), caller.username()), clock)) {
            projects.save(project);
        }
        return ResponseEntity.ok().eTag(ETags.of(project.version())).body(ProjectResponse.of(project));
    }

    @Operation(summary = "迁葬项目列表 List relocation projects", description = "按区划分页列出。\nBy division, paged.")
    @GetMapping("/api/funeral/relocation-projects")
    @PreAuthorize(READERS)
    PageResponse<ProjectResponse> projects(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division, @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "relocation-project");
        return PageResponse.of(projects.find(scope, page.offset(), page.size()), page, projects.count(scope),
                ProjectResponse::of);
    }

    @Operation(summary = "查看迁葬项目 Read a relocation project", description = "含各批次和按类型合计。\n"
            + "With its batches and totals by type.")
    @GetMapping("/api/funeral/relocation-projects/{id}")
    @PreAuthorize(READERS)
    ResponseEntity<ProjectResponse> project(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        RelocationProject project = projects.get(id);
        authorization.requireDivision(Caller.from(jwt), project.division(), "relocation-project", id);
        return ResponseEntity.ok().eTag(ETags.of(project.version())).body(ProjectResponse.of(project));
    }

    @Operation(summary = "集体生态安葬 Hold an eco-burial ceremony",
            description = "仅限生态安葬类型；先检查每位逝者（未安葬、未撤销），任何一项不符则不作任何改变；每位逝者按规定奖补一次。\n"
                    + "Eco types only; every death is checked first (not buried, not retracted), so a refusal "
                    + "changes nothing; each earns the county's reward once.")
    @PostMapping("/api/funeral/eco-ceremonies")
    @PreAuthorize("hasRole('funeral-officer')")
    ResponseEntity<EcoCeremony> ceremony(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody NewCeremony command) {
        Caller caller = Caller.from(jwt);
        authorization.requireDivision(caller, command.divisionCode(), "eco-ceremony", null);
        List<Death> participants = command.deathIds().stream().map(deaths::get).toList();
        participants.forEach(d -> authorization.requireDivision(caller, d.funeralHomeDivision(), "death", d.id()));
        EcoCeremony ceremony = EcoCeremony.hold("cer-" + UUID.randomUUID(), command.name(), command.type(),
                command.cemeteryId(), command.divisionCode(), command.date(), command.deathIds(),
                command.familyParticipants(), caller.username(), clock);
        burials.holdCeremony(ceremony, participants, caller.username());
        return ResponseEntity.created(URI.create("/api/funeral/eco-ceremonies/" + ceremony.id())).body(ceremony);
    }

    @Operation(summary = "集体生态安葬列表 List eco-burial ceremonies", description = "按区划分页列出。\n"
            + "By division, paged.")
    @GetMapping("/api/funeral/eco-ceremonies")
    @PreAuthorize(READERS)
    PageResponse<EcoCeremony> ceremonies(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division, @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "eco-ceremony");
        return PageResponse.of(ceremonies.find(scope, page.offset(), page.size()), page, ceremonies.count(scope),
                c -> c);
    }
}
