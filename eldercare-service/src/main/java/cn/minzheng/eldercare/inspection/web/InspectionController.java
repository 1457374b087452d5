package cn.minzheng.eldercare.inspection.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.minzheng.eldercare.access.FacilityStaff;
import cn.minzheng.eldercare.facility.Facilities;
import cn.minzheng.eldercare.facility.Facility;
import cn.minzheng.eldercare.inspection.Finding;
import cn.minzheng.eldercare.inspection.Inspection;
import cn.minzheng.eldercare.inspection.Inspections;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.ETags;
import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "安全检查 Inspections", description = "安全检查发现的隐患、整改期限（法定期间）和整改。 Safety inspections: findings, legal deadlines and rectification.")
@RestController
class InspectionController {

    private final Inspections inspections;
    private final Facilities facilities;
    private final Authorization authorization;
    private final java.time.Clock clock;

    InspectionController(Inspections inspections, Facilities facilities, Authorization authorization,
            java.time.Clock clock) {
        this.inspections = inspections;
        this.facilities = facilities;
        this.authorization = authorization;
        this.clock = clock;
    }

    record FindingBody(@NotBlank @Size(max = 200) String item, @NotNull Finding.Severity severity,
            @NotNull LocalDate deadline) {
    }

    record NewInspection(@NotNull LocalDate date, @NotEmpty @Size(max = 100) List<@Valid @NotNull FindingBody> findings) {
    }

    record NewRectification(@NotBlank @Size(max = 20) String findingId, @NotNull LocalDate rectifiedOn,
            @NotBlank @Size(max = 500) String evidence) {
    }

    /** An inspection as staff read it: overdue as of the day it is read. */
    record InspectionResponse(String id, String facilityId, String divisionCode, LocalDate date, String inspectedBy,
            List<FindingView> findings, boolean open, boolean overdue) {

        record FindingView(String id, String item, Finding.Severity severity, LocalDate requestedDeadline,
                LocalDate deadline, boolean overdue, Finding.Rectification rectification,
                List<Finding.Action> actions) {
        }

        /** As read by someone who may act on the facility ({@code mayAct}: officers and its staff) or not. */
        static InspectionResponse of(Inspection i, LocalDate today, boolean mayAct) {
            return new InspectionResponse(i.id(), i.facilityId(), i.division().value(), i.inspectedOn(),
                    i.inspectedBy(), i.findings().stream().map(f -> new FindingView(f.id(), f.item(), f.severity(),
                            f.requestedDeadline(), f.deadline(), f.overdueOn(today), f.rectification(),
                            f.actions(mayAct))).toList(),
                    i.open(), i.overdueOn(today));
        }
    }

    @Operation(summary = "登记安全检查 Record an inspection",
            description = "养老服务科登记检查发现的隐患及整改期限；期限最后一日为节假日或休息日的，顺延至下一个工作日。\n"
                    + "An eldercare officer records the findings and their deadlines; a deadline on a holiday or "
                    + "rest day moves to the next working day.")
    @PostMapping("/api/eldercare/facilities/{id}/inspections")
    @PreAuthorize("hasRole('eldercare-officer')")
    ResponseEntity<InspectionResponse> record(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @Valid @RequestBody NewInspection command) {
        Facility facility = FacilityStaff.requireAccess(jwt, facilities.get(id), authorization);
        Inspection inspection = inspections.record(facility, command.date(), command.findings().stream()
                .map(f -> new Inspection.NewFinding(f.item(), f.severity(), f.deadline())).toList(),
                Caller.from(jwt).username());
        return ETags.created(URI.create("/api/eldercare/inspections/" + inspection.id()), inspection,
                InspectionResponse.of(inspection, LocalDate.now(clock), true));
    }

    @Operation(summary = "查看安全检查 Read an inspection",
            description = "检查记录、每项隐患的期限、是否逾期和整改情况。\n"
                    + "The inspection, each finding's deadline, whether it is overdue, and its rectification.")
    @GetMapping("/api/eldercare/inspections/{id}")
    @PreAuthorize("hasAnyRole('eldercare-officer', 'facility-operator', 'auditor', 'admin')")
    ResponseEntity<InspectionResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Inspection inspection = accessible(jwt, id);
        return ETags.ok(inspection, InspectionResponse.of(inspection, LocalDate.now(clock),
                FacilityStaff.mayAct(jwt)));
    }

    @Operation(summary = "登记整改 Record a rectification",
            description = "机构或养老服务科登记某项隐患的整改日期和证明材料。带 If-Match。\n"
                    + "The facility or an officer records when a finding was rectified, with evidence. Send If-Match.")
    @PostMapping("/api/eldercare/inspections/{id}/rectifications")
    @PreAuthorize("hasAnyRole('eldercare-officer', 'facility-operator')")
    ResponseEntity<InspectionResponse> rectify(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody NewRectification command) {
        Inspection inspection = ETags.requireMatch(ifMatch, accessible(jwt, id));
        inspections.rectify(inspection, command.findingId(), command.rectifiedOn(), command.evidence(),
                Caller.from(jwt).username());
        return ETags.ok(inspection, InspectionResponse.of(inspection, LocalDate.now(clock), true));
    }

    @Operation(summary = "逾期未整改 Overdue findings",
            description = "辖区内有隐患逾期未整改的检查，逾期最久的在前，分页并给出总数。\n"
                    + "Inspections of the division with a finding past its deadline, longest overdue first, paged "
                    + "with the total.")
    @GetMapping("/api/eldercare/inspections/overdue")
    @PreAuthorize("hasAnyRole('eldercare-officer', 'auditor', 'admin')")
    PageResponse<InspectionResponse> overdue(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division, @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "inspection");
        LocalDate today = LocalDate.now(clock);
        return PageResponse.of(inspections.overdue(scope, page.offset(), page.size()), page,
                inspections.countOverdue(scope), i -> InspectionResponse.of(i, today, FacilityStaff.mayAct(jwt)));
    }

    private Inspection accessible(Jwt jwt, String id) {
        Inspection inspection = inspections.get(id);
        FacilityStaff.requireAccess(jwt, facilities.get(inspection.facilityId()), authorization);
        return inspection;
    }
}
