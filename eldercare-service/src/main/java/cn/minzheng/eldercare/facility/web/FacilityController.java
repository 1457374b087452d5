package cn.minzheng.eldercare.facility.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.minzheng.eldercare.access.FacilityStaff;
import cn.minzheng.eldercare.facility.BedCounters;
import cn.minzheng.eldercare.support.CentralisedSupport;
import cn.minzheng.eldercare.facility.Facilities;
import cn.minzheng.eldercare.facility.Facility;
import cn.minzheng.eldercare.facility.FacilityType;
import cn.minzheng.eldercare.facility.FireSafety;
import cn.minzheng.eldercare.facility.Operator;
import cn.minzheng.eldercare.facility.Ownership;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.CreditCode;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "养老机构 Facilities", description = "养老机构与设施、床位和护理型床位占比。 Facilities, their beds and nursing-bed ratio.")
@RestController
@RequestMapping("/api/eldercare/facilities")
class FacilityController {

    private static final String STAFF = "hasAnyRole('eldercare-officer', 'facility-operator', 'auditor', 'admin')";

    private final Facilities facilities;
    private final BedCounters beds;
    private final Authorization authorization;
    private final Clock clock;
    private final CentralisedSupport centralisedSupport;

    FacilityController(Facilities facilities, BedCounters beds, Authorization authorization,
            CentralisedSupport centralisedSupport, Clock clock) {
        this.centralisedSupport = centralisedSupport;
        this.facilities = facilities;
        this.beds = beds;
        this.authorization = authorization;
        this.clock = clock;
    }

    record BedsBody(@Min(0) @Max(100000) int total, @Min(0) @Max(100000) int nursing) {
    }

    record NewFacility(@NotBlank @Size(max = 100) String name, @NotNull FacilityType type,
            @NotNull Ownership ownership, CreditCode operatorCreditCode, @Size(max = 100) String operatorName,
            LocalDate contractEnds, @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9-]*") String filingNumber,
            @NotNull DivisionCode divisionCode, @Size(max = 200) String address, @NotNull @Valid BedsBody beds) {
    }

    @Operation(summary = "登记养老机构 Register a facility",
            description = "养老服务科登记辖区内的机构或设施：类型、产权与运营方（公建民营须有运营方信用代码和合同期限）、床位。\n"
                    + "An eldercare officer registers a facility of their division: type, ownership and operator "
                    + "(a public-built private-operated one names its operator and contract term), beds.")
    @PostMapping
    @PreAuthorize("hasRole('eldercare-officer')")
    ResponseEntity<FacilityResponse> register(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody NewFacility command) {
        Caller caller = Caller.from(jwt);
        authorization.requireDivision(caller, command.divisionCode(), "facility", null);
        Operator operator = command.operatorCreditCode() == null && command.operatorName() == null
                && command.contractEnds() == null ? null
                        : new Operator(command.operatorCreditCode(), command.operatorName(), command.contractEnds());
        Facility facility = Facility.register(null, command.name(), command.type(), command.ownership(), operator,
                command.filingNumber(), command.divisionCode(), command.address(), command.beds().total(),
                command.beds().nursing(), caller.username(), clock);
        facilities.insert(facility);
        beds.open(facility);
        return ETags.created(URI.create("/api/eldercare/facilities/" + facility.id()), facility,
                FacilityResponse.of(facility, beds.free(facility)));
    }

    record NewRating(@NotNull @Min(1) @Max(5) Integer stars, @NotNull LocalDate ratedOn) {
    }

    record FireSafetyStatus(@NotNull FireSafety.Status status, @NotNull LocalDate since) {
    }

    record CaregiverReport(@NotNull @Min(0) @Max(100000) Integer total, @NotNull @Min(0) @Max(100000) Integer certified,
            @NotNull LocalDate reportedOn) {
    }

    @Operation(summary = "等级评定 Rate a facility",
            description = "养老服务科录入星级评定结果（1 至 5 星）及评定日期；同一日期只录一次。带 If-Match。\n"
                    + "An eldercare officer enters a star rating (1 to 5) and the day it was rated; once per day. "
                    + "Send If-Match.")
    @PostMapping("/{id}/ratings")
    @PreAuthorize("hasRole('eldercare-officer')")
    ResponseEntity<FacilityResponse> rate(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody NewRating command) {
        Facility facility = ETags.requireMatch(ifMatch, FacilityStaff.requireAccess(jwt, facilities.get(id),
                authorization));
        facility.rate(command.stars(), command.ratedOn(), Caller.from(jwt).username(), clock);
        facilities.save(facility);
        return ETags.ok(facility, FacilityResponse.of(facility, beds.free(facility)));
    }

    @Operation(summary = "消防安全标准化 Fire-safety status",
            description = "记录机构消防安全标准化建设的状态及起始日期。带 If-Match。\n"
                    + "Records where the facility stands in fire-safety standardisation, since when. Send If-Match.")
    @PostMapping("/{id}/fire-safety")
    @PreAuthorize("hasRole('eldercare-officer')")
    ResponseEntity<FacilityResponse> fireSafety(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody FireSafetyStatus command) {
        Facility facility = ETags.requireMatch(ifMatch, FacilityStaff.requireAccess(jwt, facilities.get(id),
                authorization));
        facility.fireSafety(command.status(), command.since(), clock);
        facilities.save(facility);
        return ETags.ok(facility, FacilityResponse.of(facility, beds.free(facility)));
    }

    @Operation(summary = "护理员持证情况 Caregivers and certificates",
            description = "机构报送护理员人数和持证人数，得出持证率。带 If-Match。\n"
                    + "The facility reports its caregivers and how many are certified, giving the certification "
                    + "rate. Send If-Match.")
    @PostMapping("/{id}/caregivers")
    @PreAuthorize("hasAnyRole('eldercare-officer', 'facility-operator')")
    ResponseEntity<FacilityResponse> caregivers(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CaregiverReport command) {
        Facility facility = ETags.requireMatch(ifMatch, FacilityStaff.requireAccess(jwt, facilities.get(id),
                authorization));
        facility.caregivers(command.total(), command.certified(), command.reportedOn(), clock);
        facilities.save(facility);
        return ETags.ok(facility, FacilityResponse.of(facility, beds.free(facility)));
    }

    @Operation(summary = "运营合同即将到期 Operator contracts ending soon",
            description = "辖区内公建民营机构中运营合同在指定天数内（默认 90 天）到期或已到期的，按到期日排序。\n"
                    + "Public-built facilities of the division whose operator's contract ends within the days "
                    + "given (90 by default) or has ended, soonest first; paged with the total.")
    @GetMapping("/contracts-ending")
    @PreAuthorize("hasAnyRole('eldercare-officer', 'auditor', 'admin')")
    PageResponse<FacilityResponse> contractsEnding(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division,
            @RequestParam(defaultValue = "90") @Min(0) @Max(3660) int withinDays, @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "facility");
        LocalDate by = LocalDate.now(clock).plusDays(withinDays);
        return PageResponse.of(facilities.contractsEndingBy(scope, by, page.offset(), page.size()), page,
                facilities.countContractsEndingBy(scope, by), f -> FacilityResponse.of(f, beds.free(f)));
    }

    @Operation(summary = "运营方被撤销登记 Operators revoked",
            description = "辖区内运营方被撤销登记（社会组织管理局）的机构，标为 SUSPENDED_OPERATOR。\n"
                    + "Facilities of the division whose operator's registration was revoked, flagged "
                    + "SUSPENDED_OPERATOR.")
    @GetMapping("/suspended-operators")
    @PreAuthorize("hasAnyRole('eldercare-officer', 'auditor', 'admin')")
    PageResponse<FacilityResponse> suspendedOperators(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division, @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "facility");
        return PageResponse.of(facilities.withSuspendedOperator(scope, page.offset(), page.size()), page,
                facilities.countWithSuspendedOperator(scope), f -> FacilityResponse.of(f, beds.free(f)));
    }

    @Operation(summary = "查看养老机构 Read a facility",
            description = "机构及其床位、入住和护理型床位占比；机构工作人员只能查看本机构。\n"
                    + "A facility with its beds, occupancy and nursing-bed ratio; facility staff see their own only.")
    @GetMapping("/{id}")
    @PreAuthorize(STAFF)
    ResponseEntity<FacilityResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Facility facility = FacilityStaff.requireAccess(jwt, facilities.get(id), authorization);
        return ETags.ok(facility, FacilityResponse.of(facility, beds.free(facility))
                .withCentralisedSupport(centralisedSupport.residentsOf(facility))
                .withActions(facility.actions(Caller.from(jwt).hasRole("eldercare-officer"),
                        FacilityStaff.hasRole(jwt))));
    }

    @Operation(summary = "养老机构列表 List facilities",
            description = "按区划和类型分页列出；机构工作人员只看到本机构。\n"
                    + "By division and type, paged; facility staff see only their own.")
    @GetMapping
    @PreAuthorize(STAFF)
    PageResponse<FacilityResponse> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division,
            @RequestParam(required = false) FacilityType type, @Valid PageParams page) {
        if (FacilityStaff.hasRole(jwt)) {
            List<Facility> own = FacilityStaff.facilityOf(jwt).flatMap(facilities::find)
                    .filter(f -> type == null || f.type() == type).map(List::of).orElse(List.of());
            return PageResponse.of(page.page() == 0 ? own : List.of(), page, own.size(),
                    f -> FacilityResponse.of(f, beds.free(f)));
        }
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "facility");
        return PageResponse.of(facilities.find(scope, type, page.offset(), page.size()), page,
                facilities.count(scope, type), f -> FacilityResponse.of(f, beds.free(f)));
    }
}
