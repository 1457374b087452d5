package cn.minzheng.orgs.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.orgs.organization.AnnualReportSweep;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs the annual report sweep now, as the hourly schedule would (after a deadline, or after a data migration). */
@Tag(name = "社会组织监管 Supervision")
@RestController
class ReportSweepController {

    private final AnnualReportSweep sweep;

    ReportSweepController(AnnualReportSweep sweep) {
        this.sweep = sweep;
    }

    record SweepResult(int listed) {
    }

    @Operation(summary = "立即执行年报清查 Run the report sweep now",
            description = "立即执行每小时一次的年报清查：逾期未报送年度报告的列入活动异常名录，满两年的列入严重违法失信名单，并发布事件；"
                    + "重复执行不会重复列入。仅管理员。\n"
                    + "Runs the hourly sweep now: organisations whose report missed its deadline go on the "
                    + "abnormal-activity list, two years on it move them to the serious-violation list, with their "
                    + "events; running it again lists nothing twice. Administrators only.")
    @PostMapping("/api/orgs/report-sweeps")
    @PreAuthorize("hasRole('admin')")
    SweepResult run() {
        return new SweepResult(sweep.sweep());
    }
}
