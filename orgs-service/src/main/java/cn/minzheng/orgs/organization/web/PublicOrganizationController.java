package cn.minzheng.orgs.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import cn.minzheng.orgs.organization.OrgStatus;
import cn.minzheng.orgs.organization.OrgType;
import cn.minzheng.orgs.organization.Organization;
import cn.minzheng.orgs.organization.Organizations;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public disclosure (信息公开): what anyone may know of a registered organisation, without a login. */
@Tag(name = "信息公开 Public disclosure", description = "公众查询社会组织登记信息，无需登录。 Anyone looks up "
        + "registered organisations, no login.")
@RestController
@Validated
class PublicOrganizationController {

    private final Organizations organizations;
    private final cn.minzheng.platform.time.LegalCalendar calendar;
    private final java.time.Clock clock;

    PublicOrganizationController(Organizations organizations, cn.minzheng.platform.time.LegalCalendar calendar,
            java.time.Clock clock) {
        this.organizations = organizations;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** An organisation as the public sees it: no legal representative's ID number, no officer names. */
    record PublicOrganization(String name, String creditCode, OrgType type, String businessScope,
            String divisionCode, OrgStatus status, String grade, java.time.LocalDate gradeValidUntil) {
    }

    @Operation(summary = "查询社会组织 Look up organisations",
            description = "按区划和名称（部分）查询社会组织：名称、统一社会信用代码、类型、业务范围和状态，无需登录。\n"
                    + "Organisations of a division by (part of) their name: x")
    @GetMapping("/api/orgs/public/organizations")
    PageResponse<PublicOrganization> find(@RequestParam DivisionCode division,
            @RequestParam(required = false) @Size(max = 50) String name, @Valid PageParams page) {
        return PageResponse.of(organizations.findByName(division, name, page.offset(), page.size()), page,
                organizations.countByName(division, name), this::view);
    }

    private PublicOrganization view(Organization o) {
        var today = java.time.LocalDate.now(clock);
        var grade = o.gradeOn(today);
        return new PublicOrganization(o.name(), o.creditCode().value(), o.type(), o.businessScope(),
                o.division().value(), o.statusOn(today, calendar), grade.map(g -> g.label()).orElse(null),
                grade.map(g -> g.validUntil()).orElse(null));
    }
}
