package cn.minzheng.registry.stats.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;

import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.MonthSeries;
import cn.minzheng.registry.stats.RegistryStatistics;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The registry's work-report figures for the caller's division (or a part of it) and a period. */
@Tag(name = "统计 Statistics", description = "工作报告所需的统计数字。 The figures the bureau's reports use.")
@RestController
class StatsController {

    private final RegistryStatistics statistics;
    private final Authorization authorization;

    StatsController(RegistryStatistics statistics, Authorization authorization) {
        this.statistics = statistics;
        this.authorization = authorization;
    }

    @Operation(summary = "登记统计 Registry statistics",
            description = "某时段某区划的结婚、离婚、收养和预约数。"
                    + "加 series=month 按月给出（每月与按该月单独统计相同，最多 24 个月）；局领导（leader）可读本县的统计。\n"
                    + "Marriages, divorces, adoptions and bookings of a period and division.")
    @GetMapping("/api/registry/stats")
    @PreAuthorize("hasAnyRole('registrar', 'auditor', 'admin', 'leader')")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(oneOf = {RegistryStatistics.Report.class,
            MonthSeries.class})))
    Object stats(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String division,
            @RequestParam LocalDate from, @RequestParam LocalDate to,
            @RequestParam(required = false) String series) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division == null ? null : DivisionCode.of(division),
                "stats");
        return MonthSeries.periodOrMonths(series, from, to, (start, end) -> statistics.report(scope, start, end));
    }
}
