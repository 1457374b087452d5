package cn.minzheng.orgs.organization.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.minzheng.orgs.organization.Amendment;
import cn.minzheng.orgs.organization.AnnualReport;
import cn.minzheng.orgs.organization.LegalRepresentative;
import cn.minzheng.orgs.organization.OrgRegistry;
import cn.minzheng.orgs.organization.OrgStatus;
import cn.minzheng.orgs.organization.OrgType;
import cn.minzheng.orgs.organization.Organization;
import cn.minzheng.orgs.organization.Organizations;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.ProtectedIdNumber;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.ETags;
import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;

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

@Tag(name = "社会组织登记 Registry", description = "社会组织的登记、查询和状态变更。 Registering social organisations, "
        + "finding them, and changes of status.")
@RestController
@RequestMapping("/api/orgs/organizations")
class OrganizationController {

    private static final String STAFF = "hasAnyRole('orgs-officer', 'inspector', 'auditor', 'admin')";

    private final OrgRegistry registry;
    private final Organizations organizations;
    private final Authorization authorization;
    private final PersonalDataCipher cipher;
    private final OrgChanges changes;
    private final Clock clock;

    OrganizationController(OrgRegistry registry, Organizations organizations, Authorization authorization,
            PersonalDataCipher cipher, OrgChanges changes, Clock clock) {
        this.changes = changes;
        this.registry = registry;
        this.organizations = organizations;
        this.authorization = authorization;
        this.cipher = cipher;
        this.clock = clock;
    }

    record Representative(@NotBlank @Size(max = 50) String name, @NotNull ResidentIdNumber idNumber) {
    }

    record NewOrganization(@NotBlank @Size(max = 100) String name, @NotNull OrgType type,
            @NotNull CreditCode creditCode, @Size(max = 100) String sponsorUnit, Boolean directRegistration,
            @NotNull @Valid Representative legalRepresentative, @NotBlank @Size(max = 1000) String businessScope,
            @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal registeredCapital,
            @Size(max = 200) String address, @NotNull DivisionCode divisionCode, @NotNull LocalDate registeredOn) {
    }

    @Operation(summary = "登记社会组织 Register an organisation",
            description = "登记管理机关录入社会组织：类型、统一社会信用代码（须为民政登记代码，且类别与类型一致：1 社会团体、"
                    + "2 社会服务机构、3 基金会）、业务主管单位（直接登记的除外）、法定代表人、业务范围、注册资金、住所和区划。"
                    + "同一代码只登记一次；同一登记机关内名称不得重复。发布 org.registered。\n"
                    + "A registry officer registers an organisation: type, unified social credit code (a civil-affairs "
                    + "code whose category matches the type: 1 association, 2 service institution, 3 foundation), "
                    + "sponsor unit unless registered directly, legal representative, business scope, registered "
                    + "capital, address and division. A code is registered once; a name once per registering "
                    + "authority. Publishes org.registered.")
    @PostMapping
    @PreAuthorize("hasRole('orgs-officer')")
    ResponseEntity<OrganizationResponse> register(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody NewOrganization command) {
        Caller caller = Caller.from(jwt);
        authorization.requireDivision(caller, command.divisionCode(), "organization", null);
        LegalRepresentative representative = new LegalRepresentative(command.legalRepresentative().name().strip(),
                ProtectedIdNumber.protect(command.legalRepresentative().idNumber(), cipher));
        Organization org = registry.register(new Organization.Registration(command.name(), command.type(),
                command.creditCode(), command.sponsorUnit(), Boolean.TRUE.equals(command.directRegistration()),
                representative, command.businessScope().strip(), command.registeredCapital(), command.address(),
                command.divisionCode(), command.registeredOn()), caller.username());
        return ETags.created(URI.create("/api/orgs/organizations/" + org.id()), org, view(org, jwt));
    }

    @Operation(summary = "社会组织列表 List organisations",
            description = "辖区内的社会组织，可按状态和类型筛选，按编号分页。\n"
                    + "The organisations of a division, by status and type, paged by id.")
    @GetMapping
    @PreAuthorize(STAFF)
    PageResponse<OrganizationResponse> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division, @RequestParam(required = false) OrgStatus status,
            @RequestParam(required = false) OrgType type, @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "organization");
        return PageResponse.of(organizations.find(scope, status, type, page.offset(), page.size()), page,
                organizations.count(scope, status, type), org -> view(org, jwt));
    }

    @Operation(summary = "查看社会组织 Read an organisation",
            description = "社会组织的登记事项和全部状态变更记录（法定代表人身份证号码脱敏）。\n"
                    + "An organisation's registration and its whole history of status (the legal representative's ID "
                    + "number masked).")
    @GetMapping("/{id}")
    @PreAuthorize(STAFF)
    ResponseEntity<OrganizationResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Organization org = organizations.get(id);
        authorization.requireDivision(Caller.from(jwt), org.division(), "organization", id);
        return ETags.ok(org, view(org, jwt));
    }

    /** The statuses an officer sets by hand; revocation has its own endpoint, deregistration its own process. */
    enum ListingStatus {
        REGISTERED, ABNORMAL, SERIOUS_VIOLATION
    }

    record StatusChangeBody(@NotNull ListingStatus status, @NotBlank @Size(max = 500) String reason,
            @NotBlank @Size(max = 200) String legalBasis, @NotNull LocalDate effectiveOn) {
    }

    @Operation(summary = "列入或移出名录 Put on or take off a list",
            description = "将社会组织列入活动异常名录或严重违法失信名单，或移出名录恢复正常；须写明理由和法律依据，全部留痕。"
                    + "列入活动异常名录发布 org.listed-abnormal。带 If-Match。\n"
                    + "Puts an organisation on the abnormal-activity or serious-violation list, or takes it off "
                    + "(back to REGISTERED), with a reason and a legal basis, kept in its history. The abnormal list "
                    + "publishes org.listed-abnormal. Send If-Match.")
    @PostMapping("/{id}/status-changes")
    @PreAuthorize("hasRole('orgs-officer')")
    ResponseEntity<OrganizationResponse> changeStatus(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody StatusChangeBody command) {
        return change(jwt, id, ifMatch, org -> org.changeStatus(OrgStatus.valueOf(command.status().name()),
                command.reason(), command.legalBasis(), command.effectiveOn(), Caller.from(jwt).username(), clock));
    }

    record Revocation(@NotBlank @Size(max = 500) String reason, @NotBlank @Size(max = 200) String legalBasis,
            @NotNull LocalDate effectiveOn) {
    }

    @Operation(summary = "提出撤销登记 Propose revoking the registration",
            description = "撤销登记是行政处罚且终局：一名登记管理人员以任何事由提出（理由、法律依据和生效日期），须由本辖区另一名"
                    + "登记管理人员确认（POST /revocation-proposal/confirmation，提出人本人确认的 403 four-eyes）；确认后"
                    + "发布 org.revoked，养老服务据此暂停其运营的机构。带 If-Match。\n"
                    + "Revocation is a penalty and final: one officer proposes it on any ground (reason, legal basis "
                    + "and the day it takes effect) and a second officer of the division confirms it (POST "
                    + "/revocation-proposal/confirmation; the proposer gets 403 four-eyes); then org.revoked is "
                    + "published, on which eldercare suspends the facilities it operates. Send If-Match.")
    @PostMapping("/{id}/revocation")
    @PreAuthorize("hasRole('orgs-officer')")
    ResponseEntity<OrganizationResponse> revoke(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody Revocation command) {
        return change(jwt, id, ifMatch, org -> org.proposeRevocation(command.reason(), command.legalBasis(),
                command.effectiveOn(), Caller.from(jwt).username(), clock));
    }

    record NewGrade(@NotNull @jakarta.validation.constraints.Pattern(regexp = "[1-5]A") String grade,
            @NotNull LocalDate gradedOn) {
    }

    @Operation(summary = "评估等级 Evaluation grade",
            description = "录入社会组织评估等级（1A 至 5A）和评定日期，有效期五年（自评定次日起算，至五年后对应日止）；"
                    + "过期的等级不再显示为当前等级。带 If-Match。\n"
                    + "Enters an evaluation grade (1A to 5A) and the day it was graded, valid five years (from the "
                    + "next day to the corresponding day five years on); an expired grade is never shown as current. "
                    + "Send If-Match.")
    @PostMapping("/{id}/grades")
    @PreAuthorize("hasRole('orgs-officer')")
    ResponseEntity<OrganizationResponse> grade(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody NewGrade command) {
        return change(jwt, id, ifMatch, org -> org.grade(command.grade().charAt(0) - '0', command.gradedOn(),
                Caller.from(jwt).username(), clock));
    }

    record ReportReceipt(@NotNull Integer year, LocalDate sponsorReceivedOn, LocalDate registryReceivedOn,
            AnnualReport.Verdict result) {
    }

    @Operation(summary = "年度报告 Annual report",
            description = "录入年度工作报告的接收日期（业务主管单位、登记管理机关）和登记管理机关的结论（合格、基本合格、不合格）；"
                    + "可分次录入。是否列入活动异常名录只看是否在截止日前收到，不看审查用了多久。带 If-Match。\n"
                    + "Records when a year's report was received (by the sponsor unit, by the registry) and the "
                    + "registry's verdict (PASS, BASIC_PASS, FAIL), in one call or several. Listing depends on receipt "
                    + "by the deadline, not on how long the review takes. Send If-Match.")
    @PostMapping("/{id}/annual-reports")
    @PreAuthorize("hasRole('orgs-officer')")
    ResponseEntity<OrganizationResponse> annualReport(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ReportReceipt command) {
        return change(jwt, id, ifMatch, org -> org.reportReceived(command.year(), command.sponsorReceivedOn(),
                command.registryReceivedOn(), command.result(), Caller.from(jwt).username(), clock));
    }

    record AmendmentBody(@NotNull Amendment.Item item, @Size(max = 1000) String value,
            @Valid Representative legalRepresentative, @NotNull LocalDate approvedOn) {
    }

    @Operation(summary = "变更登记 Change filing",
            description = "记录核准的变更登记：名称、法定代表人、业务范围、住所或业务主管单位，原值和新值均留痕（法定代表人只记姓名和脱敏号码）；"
                    + "新名称在同一登记管理机关内不得重复。带 If-Match。\n"
                    + "Records an approved change filing of the name, legal representative, business scope, address or "
                    + "sponsor unit, keeping the old and the new value (a legal representative as name and masked "
                    + "number); a new name must be free within the registering authority. Send If-Match.")
    @PostMapping("/{id}/amendments")
    @PreAuthorize("hasRole('orgs-officer')")
    ResponseEntity<OrganizationResponse> amend(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody AmendmentBody command) {
        boolean representative = command.item() == Amendment.Item.LEGAL_REPRESENTATIVE;
        if (representative && command.legalRepresentative() == null) {
            throw cn.minzheng.platform.refusal.Refusal.invalid("amendment-value-required").on("legalRepresentative");
        }
        if (!representative && (command.value() == null || command.value().isBlank())) {
            throw cn.minzheng.platform.refusal.Refusal.invalid("amendment-value-required").on("value");
        }
        Organization org = ETags.requireMatch(ifMatch, inDivision(jwt, id));
        LegalRepresentative newRepresentative = representative ? new LegalRepresentative(
                command.legalRepresentative().name().strip(),
                ProtectedIdNumber.protect(command.legalRepresentative().idNumber(), cipher)) : null;
        registry.amend(org, command.item(), command.value(), newRepresentative, command.approvedOn(),
                Caller.from(jwt).username());
        return ETags.ok(org, view(org, jwt));
    }

    private OrganizationResponse view(Organization org, Jwt jwt) {
        return changes.view(org, jwt);
    }

    private ResponseEntity<OrganizationResponse> change(Jwt jwt, String id, String ifMatch,
            java.util.function.Consumer<Organization> change) {
        return changes.change(jwt, id, ifMatch, change);
    }

    private Organization inDivision(Jwt jwt, String id) {
        return changes.inDivision(jwt, id);
    }
}
