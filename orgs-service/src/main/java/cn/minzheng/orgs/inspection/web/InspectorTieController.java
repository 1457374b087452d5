package cn.minzheng.orgs.inspection.web;

import java.net.URI;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.minzheng.orgs.inspection.InspectorTie;
import cn.minzheng.orgs.inspection.InspectorTies;
import cn.minzheng.orgs.organization.Organization;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "双随机一公开 Random inspections")
@RestController
@RequestMapping("/api/orgs/inspector-ties")
class InspectorTieController {

    private final InspectorTies ties;
    private final Organizations organizations;
    private final Authorization authorization;
    private final java.time.Clock clock;

    InspectorTieController(InspectorTies ties, Organizations organizations, Authorization authorization,
            java.time.Clock clock) {
        this.ties = ties;
        this.organizations = organizations;
        this.authorization = authorization;
        this.clock = clock;
    }

    /** A tie as officers read it (the relation and note are theirs, never published). */
    record TieResponse(String id, String inspector, String organizationId, String creditCode, String divisionCode,
            InspectorTie.Relation relation, String note, String declaredBy, Instant declaredAt) {

        static TieResponse of(InspectorTie t) {
            return new TieResponse(t.id(), t.inspector(), t.orgId(), t.creditCode(), t.division().value(),
                    t.relation(), t.note(), t.declaredBy(), t.declaredAt());
        }
    }

    record NewTie(@NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}") String inspector,
            @NotBlank @Size(max = 40) String organizationId, @NotNull InspectorTie.Relation relation,
            @Size(max = 500) String note) {
    }

    @Operation(summary = "申报关联关系 Declare a tie",
            description = "登记检查人员与社会组织的关联关系（曾在该组织任职、系其法定代表人的亲属、会员等），抽取时该人员不会被分配到该组织。"
                    + "关系和说明不公开，公开的只有回避的人员和组织。\n"
                    + "Declares a tie between an inspector and an organisation (former employee, relative of its "
                    + "legal representative, member...): the draw never assigns them to it. The relation and note "
                    + "are not published, only the excluded pair.")
    @PostMapping
    @PreAuthorize("hasRole('orgs-officer')")
    ResponseEntity<TieResponse> declare(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody NewTie command) {
        Caller caller = Caller.from(jwt);
        Organization org = organizations.get(command.organizationId());
        authorization.requireDivision(caller, org.division(), "organization", org.id());
        InspectorTie tie = InspectorTie.declare(command.inspector(), org.id(), org.creditCode().value(),
                org.division(), command.relation(), command.note(), caller.username(), clock.instant());
        if (!ties.insertIfAbsent(tie)) {
            throw Refusal.conflict("tie-declared", command.inspector(), org.name());
        }
        return ETags.created(URI.create("/api/orgs/inspector-ties"), tie, TieResponse.of(tie));
    }

    @Operation(summary = "关联关系列表 List ties", description = "辖区内申报的关联关系。\nThe ties declared in a division.")
    @GetMapping
    @PreAuthorize("hasAnyRole('orgs-officer', 'auditor')")
    PageResponse<TieResponse> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division, @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "inspector-tie");
        return PageResponse.of(ties.find(scope, page.offset(), page.size()), page, ties.count(scope), TieResponse::of);
    }
}
