package cn.minzheng.orgs.support.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.minzheng.orgs.support.SupportRecords;
import cn.minzheng.orgs.support.Tenancy;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "培育扶持 Support")
@RestController
@RequestMapping("/api/orgs/incubation-tenancies")
class TenancyController {

    private final SupportRecords.Tenancies tenancies;
    private final SupportAccess access;
    private final Authorization authorization;
    private final Clock clock;

    TenancyController(SupportRecords.Tenancies tenancies, SupportAccess access, Authorization authorization,
            Clock clock) {
        this.tenancies = tenancies;
        this.access = access;
        this.authorization = authorization;
        this.clock = clock;
    }

    record NewTenancy(@NotBlank @Size(max = 100) String base, @NotBlank @Size(max = 100) String tenantName,
            @Size(max = 40) String organizationId, @NotNull DivisionCode divisionCode, @NotNull LocalDate movedInOn) {
    }

    record TenancyResponse(String id, String base, String tenantName, String organizationId, String divisionCode,
            LocalDate movedInOn, LocalDate leftOn, Tenancy.Exit exit) {

        static TenancyResponse of(Tenancy t) {
            return new TenancyResponse(t.id(), t.base(), t.tenantName(), t.orgId(), t.division().value(),
                    t.movedInOn(), t.leftOn(), t.exit());
        }
    }

    @Operation(summary = "入驻孵化基地 Move into an incubation base", description = "孵化对象入驻：基地、名称（尚未登记的只写名称）、"
            + "区划和入驻日期。\nA tenant moves into an incubation base: the base, its name (a group not registered yet "
            + "is named only), division and day.")
    @PostMapping
    @PreAuthorize("hasRole('orgs-officer')")
    ResponseEntity<TenancyResponse> moveIn(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody NewTenancy command) {
        authorization.requireDivision(Caller.from(jwt), command.divisionCode(), "tenancy", null);
        String orgId = command.organizationId() == null ? null
                : access.organization(jwt, command.organizationId()).id();
        Tenancy tenancy = Tenancy.moveIn(command.base(), command.tenantName(), orgId, command.divisionCode(),
                command.movedInOn(), clock);
        tenancies.insert(tenancy);
        return ETags.created(URI.create("/api/orgs/incubation-tenancies/" + tenancy.id()), tenancy,
                TenancyResponse.of(tenancy));
    }

    @Operation(summary = "孵化对象列表 List tenants", description = "辖区内的孵化对象。\nA division's incubation tenants.")
    @GetMapping
    @PreAuthorize(SupportAccess.STAFF)
    PageResponse<TenancyResponse> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division, @Valid PageParams page) {
        DivisionCode scope = access.scope(jwt, division, "tenancy");
        return PageResponse.of(tenancies.find(scope, null, page.offset(), page.size()), page,
                tenancies.count(scope, null), TenancyResponse::of);
    }

    @Operation(summary = "查看孵化对象 Read a tenant", description = "查看孵化对象。\nRead a tenant.")
    @GetMapping("/{id}")
    @PreAuthorize(SupportAccess.STAFF)
    ResponseEntity<TenancyResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Tenancy record = access.read(jwt, tenancies, id, Tenancy::division);
        return ETags.ok(record, TenancyResponse.of(record));
    }

    record ExitBody(@NotNull LocalDate leftOn, @NotNull Tenancy.Exit exit) {
    }

    @Operation(summary = "出壳 Leave the base", description = "孵化对象离开基地：日期，已登记（REGISTERED）或离开（LEFT）。带 If-Match。\n"
            + "A tenant leaves: the day, and whether it registered (REGISTERED) or just left (LEFT). Send If-Match.")
    @PostMapping("/{id}/exit")
    @PreAuthorize("hasRole('orgs-officer')")
    ResponseEntity<TenancyResponse> leave(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody ExitBody command) {
        Tenancy tenancy = access.change(jwt, tenancies, id, ifMatch, Tenancy::division,
                t -> t.leave(command.leftOn(), command.exit(), clock));
        return ETags.ok(tenancy, TenancyResponse.of(tenancy));
    }
}
