package cn.minzheng.registry.stats.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;

import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.input.RequestDates;
import cn.minzheng.platform.security.Caller;
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
            description = "某时段某区划的结婚、离婚、收养和预约数。\n"
                    + "Marriages, divorces, adoptions and bookings of a period and division.")
    @GetMapping("/api/registry/stats")
    @PreAuthorize("hasAnyRole('registrar', 'auditor', 'admin')")
    RegistryStatistics.Report stats(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String division,
            @RequestParam LocalDate from, @RequestParam LocalDate to) {
        RequestDates.requirePeriod(from, to);
        DivisionCode scope = authorization.scope(Caller.from(jwt), division == null ? null : DivisionCode.of(division),
                "stats");
        return statistics.report(scope, from, to);
    }
}
