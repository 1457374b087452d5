package cn.minzheng.eldercare.stats.web;

import java.time.LocalDate;

import cn.minzheng.eldercare.stats.EldercareStatistics;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.MonthSeries;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "统计 Statistics", description = "工作报告所需的统计数字。 The figures the bureau's reports use.")
@RestController
class StatsController {

    private final EldercareStatistics statistics;
    private final Authorization authorization;

    StatsController(EldercareStatistics statistics, Authorization authorization) {
        this.statistics = statistics;
        this.authorization = authorization;
    }

    @Operation(summary = "养老服务统计 Eldercare statistics",
            description = "某时段某区划的机构数（按类型和产权）、床位、护理型床位占比、入住率、评级占比、护理员持证率、入住和离院人数、助餐次数和补贴。"
                    + "加 series=month 按月给出（每月与按该月单独统计相同，最多 24 个月）；局领导（leader）可读本县的统计。\n"
                    + "Facilities by type and ownership, beds, nursing-bed ratio, occupancy, rated share, caregiver "
                    + "certification, admissions and discharges, meals served and subsidy, for a period and division.")
    @GetMapping("/api/eldercare/stats")
    @PreAuthorize("hasAnyRole('eldercare-officer', 'auditor', 'admin', 'leader')")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(oneOf = {EldercareStatistics.Report.class,
            MonthSeries.class})))
    Object stats(@AuthenticationPrincipal Jwt jwt, @RequestParam DivisionCode division,
            @RequestParam LocalDate from, @RequestParam LocalDate to,
            @RequestParam(required = false) String series) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "statistics");
        return MonthSeries.periodOrMonths(series, from, to, (start, end) -> statistics.report(scope, start, end));
    }
}
