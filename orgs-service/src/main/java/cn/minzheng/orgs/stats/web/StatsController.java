package cn.minzheng.orgs.stats.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.orgs.stats.OrgStatistics;
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

/** The social-organisation figures of a period and division. */
@Tag(name = "统计 Statistics", description = "工作报告所需的社会组织统计数字。 The social-organisation figures the reports "
        + "use.")
@RestController
class StatsController {

    private final OrgStatistics statistics;
    private final Authorization authorization;

    StatsController(OrgStatistics statistics, Authorization authorization) {
        this.statistics = statistics;
        this.authorization = authorization;
    }

    @Operation(summary = "社会组织统计 Social-organisation statistics",
            description = "按类型的登记数（期末存续、期内新登记）、年检（期内截止的报告应报数、按时报送数、年检率和结论）、双随机抽查"
                    + "（计划、抽查对象和期内结果）、期末评估等级占比、列入名录、撤销和注销、举报线索及处理结果、期内开始的项目和慈善捐赠。\n"
                    + "Organisations by type (active at the end, registered in the period), the annual inspection "
                    + "(reports due in the period, received on time, the rate and the verdicts), random inspections "
                    + "(plans, targets, results in the period), the graded share at the end, list entries, "
                    + "revocations and deregistrations, tips with their outcomes, projects begun and charity "
                    + "donations pledged and received in the period.")
    @GetMapping("/api/orgs/stats")
    @PreAuthorize("hasAnyRole('orgs-officer', 'inspector', 'auditor', 'admin', 'leader')")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(oneOf = {OrgStatistics.Report.class,
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
