package cn.minzheng.funeral.fee.web;

import java.time.YearMonth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.funeral.death.Death;
import cn.minzheng.funeral.death.Deaths;
import cn.minzheng.funeral.fee.FeeWaiver;
import cn.minzheng.funeral.fee.FeeWaivers;
import cn.minzheng.funeral.fee.SettlementStatement;
import cn.minzheng.funeral.fee.Settlements;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.security.Caller;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 惠民殡葬: what a death's services cost and what the county waives, item by item, with the rule that applied. */
@Tag(name = "惠民殡葬 Fee waivers", description = "基本殡葬服务费用减免。 Funeral fee waivers.")
@RestController
class FeeWaiverController {

    private final Deaths deaths;
    private final FeeWaivers waivers;
    private final Settlements settlements;
    private final Authorization authorization;

    FeeWaiverController(Deaths deaths, FeeWaivers waivers, Settlements settlements, Authorization authorization) {
        this.deaths = deaths;
        this.waivers = waivers;
        this.settlements = settlements;
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
        return waivers.of(death);
    }

    @Operation(summary = "月度结算单 Monthly settlement statements",
            description = "按殡仪馆列出当月（按死亡日期）办理的逝者、各项减免人数和金额，以及县级应付总额；撤销的死亡登记不计。\n"
                    + "Per funeral home: the month's deaths (by date of death), per item the deaths with it waived and "
                    + "the amount, and what the county owes; retracted deaths are left out.")
    @GetMapping("/api/funeral/settlements")
    @PreAuthorize("hasAnyRole('funeral-officer', 'funeral-home-operator', 'auditor', 'admin')")
    SettlementStatement.Month settlements(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division, @RequestParam YearMonth month) {
        return settlements.of(authorization.scope(Caller.from(jwt), division, "settlement"), month);
    }
}
