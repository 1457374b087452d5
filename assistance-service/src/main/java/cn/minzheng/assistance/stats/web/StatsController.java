package cn.minzheng.assistance.stats.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;

import cn.minzheng.assistance.stats.AllowanceStatistics;
import cn.minzheng.assistance.stats.AssistanceStatistics;
import cn.minzheng.assistance.stats.StatisticsReport;
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

/** The figures of the bureau's work report, for a division and period. */
@Tag(name = "统计 Statistics", description = "工作报告所需的统计数字。 The figures the bureau's reports use.")
@RestController
class StatsController {

    private final AssistanceStatistics statistics;
    private final AllowanceStatistics allowances;
    private final Authorization authorization;

    StatsController(AssistanceStatistics statistics, AllowanceStatistics allowances, Authorization authorization) {
        this.statistics = statistics;
        this.allowances = allowances;
        this.authorization = authorization;
    }

    @Operation(summary = "分类补贴和未成年人保护统计 Allowance and child statistics",
            description = "某时段某区划各项分类补贴的发放人数、笔数和金额，儿童主任补贴，儿童按类别和风险等级的人数，"
                    + "签订的委托监护协议和走访。\n"
                    + "People, lines and amount per allowance programme, the child directors' stipends, children by "
                    + "category and risk, guardianship agreements signed and visits, for a period and division.")
    @GetMapping("/api/assistance/stats/allowances")
    @PreAuthorize("hasAnyRole('township-officer', 'county-approver', 'auditor', 'admin', 'leader')")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(oneOf = {AllowanceStatistics.Report.class,
            MonthSeries.class})))
    Object allowanceStats(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String series) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "stats");
        return MonthSeries.periodOrMonths(series, from, to, (start, end) -> allowances.report(scope, start, end));
    }

    @Operation(summary = "救助统计 Assistance statistics",
            description = "某时段某区划的新增、终止、发放金额和人均补差等。"
                    + "加 series=month 按月给出（每月与按该月单独统计相同，最多 24 个月）；局领导（leader）可读本县的统计。\n"
                    + "New and ended enrolments, amounts paid and average top-up of a period and division.")
    @GetMapping("/api/assistance/stats")
    @PreAuthorize("hasAnyRole('township-officer', 'county-approver', 'auditor', 'admin', 'leader')")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(oneOf = {StatisticsReport.class,
            MonthSeries.class})))
    Object stats(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) DivisionCode division,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String series) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "stats");
        return MonthSeries.periodOrMonths(series, from, to, (start, end) -> statistics.report(scope, start, end));
    }
}
