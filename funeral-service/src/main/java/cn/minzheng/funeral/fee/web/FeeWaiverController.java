package cn.minzheng.funeral.fee.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.funeral.death.Death;
import cn.minzheng.funeral.death.Deaths;
import cn.minzheng.funeral.fee.FeeRules;
import cn.minzheng.funeral.fee.FeeWaiver;
import cn.minzheng.funeral.support.HouseholdSupport;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.security.Caller;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** 惠民殡葬: what a death's services cost and what the county waives, item by item, with the rule that applied. */
@Tag(name = "惠民殡葬 Fee waivers", description = "基本殡葬服务费用减免。 Funeral fee waivers.")
@RestController
class FeeWaiverController {

    private final Deaths deaths;
    private final FeeRules rules;
    private final HouseholdSupport support;
    private final Authorization authorization;

    FeeWaiverController(Deaths deaths, FeeRules rules, HouseholdSupport support, Authorization authorization) {
        this.deaths = deaths;
        this.rules = rules;
        this.support = support;
        this.authorization = authorization;
    }

    @Operation(summary = "费用减免 Fee waiver of a death",
            description = "每项服务的价格、减免金额和适用规则：本县户籍居民免除基本服务费；死亡之日属低保、特困家庭的，"
                    + "另免除规定项目。\n"
                    + "Each service's price, the amount waived and the rule: basic services for residents of the "
                    + "county; further items for people of a dibao or extremely-poor household on the date of death.")
    @GetMapping("/api/funeral/deaths/{id}/fee-waiver")
    @PreAuthorize("hasAnyRole('funeral-officer', 'funeral-home-operator', 'auditor', 'admin')")
    FeeWaiver waiver(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Death death = deaths.get(id);
        authorization.requireDivision(Caller.from(jwt), death.funeralHomeDivision(), "death", id);
        FeeRules.County county = rules.of(death.funeralHomeDivision().county().value());
        return FeeWaiver.of(death, county, support.on(death.personRef(), death.dateOfDeath(),
                county.poorProgrammes()));
    }
}
