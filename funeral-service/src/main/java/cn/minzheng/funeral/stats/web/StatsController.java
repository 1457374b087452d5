package cn.minzheng.funeral.stats.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.funeral.stats.FuneralStatistics;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.MonthSeries;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The funeral figures of a period and division. */
@Tag(name = "统计 Statistics", description = "工作报告所需的殡葬统计数字。 The funeral figures the reports use.")
@RestController
class StatsController {

    private final FuneralStatistics statistics;
    private final Authorization authorization;

    StatsController(FuneralStatistics statistics, Authorization authorization) {
        this.statistics = statistics;
        this.authorization = authorization;
    }

    @Operation(summary = "殡葬统计 Funeral statistics",
            description = "死亡、火化及火化率、各类安葬和节地生态安葬奖补、各项费用减免、墓位使用情况。"
                    + "加 series=month 按月给出（每月与按该月单独统计相同，最多 24 个月）；局领导（leader）可读本县的统计。\n"
                    + "Deaths, cremations and the cremation rate, burials by type with eco-burial rewards, fee "
                    + "waivers by item, and plots used and free.")
    @GetMapping("/api/funeral/stats")
    @PreAuthorize("hasAnyRole('funeral-officer', 'auditor', 'admin', 'leader')")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(oneOf = {FuneralStatistics.Report.class,
            MonthSeries.class})))
    Object stats(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String series) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "stats");
        return MonthSeries.periodOrMonths(series, from, to, (start, end) -> statistics.report(scope, start, end));
    }
}
