package cn.minzheng.eldercare.adaptation.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.minzheng.eldercare.adaptation.FamilyCareBeds;
import cn.minzheng.eldercare.adaptation.HomeAdaptation;
import cn.minzheng.eldercare.adaptation.HomeAdaptations;
import cn.minzheng.eldercare.resident.Elder;
import cn.minzheng.platform.audit.Auditor;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonalDataCipher;
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

@Tag(name = "适老化改造 Home adaptation", description = "困难老年人家庭适老化改造：评估、施工、验收、补贴。 Home adaptation for poor older people: assessment, construction, acceptance, subsidy.")
@RestController
class HomeAdaptationController {

    private final HomeAdaptations adaptations;
    private final Authorization authorization;
    private final Auditor auditor;
    private final PersonalDataCipher cipher;
    private final FamilyCareBeds familyBeds;

    HomeAdaptationController(HomeAdaptations adaptations, FamilyCareBeds familyBeds, Authorization authorization,
            Auditor auditor, PersonalDataCipher cipher) {
        this.familyBeds = familyBeds;
        this.adaptations = adaptations;
        this.authorization = authorization;
        this.auditor = auditor;
        this.cipher = cipher;
    }

    record Assessment(@NotNull ResidentIdNumber idNumber, @NotBlank @Size(max = 50) String name,
            @NotNull DivisionCode divisionCode, @NotBlank @Size(max = 200) String address,
            @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 100) String> items, @NotNull LocalDate assessedOn,
            @NotNull @DecimalMin("0.00") @DecimalMax("100000.00") @Digits(integer = 6, fraction = 2)
            BigDecimal estimatedCost) {
    }

    record Construction(@NotNull LocalDate startedOn, @NotBlank @Size(max = 100) String contractor) {
    }

    record Acceptance(@NotNull LocalDate acceptedOn, @NotNull Boolean passed,
            @DecimalMin("0.00") @DecimalMax("100000.00") @Digits(integer = 6, fraction = 2) BigDecimal finalCost,
            @Size(max = 500) String note) {
    }

    record AdaptationResponse(String id, String name, String idNumber, String divisionCode, String address,
            List<String> items, LocalDate assessedOn, BigDecimal estimatedCost, HomeAdaptation.Status status,
            LocalDate constructionStartedOn, String contractor, LocalDate acceptedOn, BigDecimal finalCost,
            BigDecimal subsidy, String acceptanceNote, List<HomeAdaptation.Action> actions) {

        /** With what the caller may do on it now (the workbench offers only those forms). */
        static AdaptationResponse of(HomeAdaptation a, Jwt caller) {
            return new AdaptationResponse(a.id(), a.elder().name(), a.elder().idNumber().masked(),
                    a.division().value(), a.address(), a.items(), a.assessedOn(), a.estimatedCost(), a.status(),
                    a.constructionStartedOn(), a.contractor(), a.acceptedOn(), a.finalCost(), a.subsidy(),
                    a.acceptanceNote(), a.actions(Caller.from(caller).hasRole("eldercare-officer")));
        }
    }

    @Operation(summary = "改造评估 Assess a home",
            description = "为 60 岁以上、评估日在低保或特困范围内的老人登记改造评估：改造项目和预估费用。\n"
                    + "Records the assessment for a person aged 60 or more in dibao or extreme-poverty support on "
                    + "that day: the items and the estimated cost.")
    @PostMapping("/api/eldercare/home-adaptations")
    @PreAuthorize("hasRole('eldercare-officer')")
    ResponseEntity<AdaptationResponse> assess(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody Assessment command) {
        authorization.requireDivision(Caller.from(jwt), command.divisionCode(), "home adaptation", null);
        HomeAdaptation adaptation = adaptations.assess(Elder.of(command.idNumber(), command.name(), cipher),
                command.divisionCode(), command.address(), command.items(), command.assessedOn(),
                command.estimatedCost(), Caller.from(jwt).username());
        auditor.concerning(adaptation.id(), List.of(adaptation.elder().personRef()));
        return ETags.created(URI.create("/api/eldercare/home-adaptations/" + adaptation.id()), adaptation,
                AdaptationResponse.of(adaptation, jwt));
    }

    @Operation(summary = "查看改造 Read an adaptation",
            description = "改造的评估、施工、验收和补贴。\n"
                    + "The adaptation's assessment, construction, acceptance and subsidy.")
    @GetMapping("/api/eldercare/home-adaptations/{id}")
    @PreAuthorize("hasAnyRole('eldercare-officer', 'auditor', 'admin')")
    ResponseEntity<AdaptationResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        HomeAdaptation adaptation = inDivision(jwt, id);
        return ETags.ok(adaptation, AdaptationResponse.of(adaptation, jwt));
    }

    @Operation(summary = "改造列表 Adaptations of a division",
            description = "辖区内的适老化改造（可按状态筛选），评估日期最近的在前，分页并给出总数。\n"
                    + "The division's home adaptations (of one status, when given), latest assessed first, paged "
                    + "with the total.")
    @GetMapping("/api/eldercare/home-adaptations")
    @PreAuthorize("hasAnyRole('eldercare-officer', 'auditor', 'admin')")
    PageResponse<AdaptationResponse> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division,
            @RequestParam(required = false) HomeAdaptation.Status status, @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "home adaptation");
        return PageResponse.of(adaptations.page(scope, status, page.offset(), page.size()), page,
                adaptations.count(scope, status), adaptation -> AdaptationResponse.of(adaptation, jwt));
    }

    @Operation(summary = "开始施工 Start construction",
            description = "评估之后开始施工，写明施工单位。带 If-Match。\n"
                    + "Construction starts after the assessment, by a named contractor. Send If-Match.")
    @PostMapping("/api/eldercare/home-adaptations/{id}/construction")
    @PreAuthorize("hasRole('eldercare-officer')")
    ResponseEntity<AdaptationResponse> construct(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody Construction command) {
        HomeAdaptation adaptation = ETags.requireMatch(ifMatch, inDivision(jwt, id));
        return ETags.ok(adaptation, AdaptationResponse.of(adaptations.startConstruction(adaptation,
                command.startedOn(), command.contractor()), jwt));
    }

    @Operation(summary = "改造验收 Accept the work",
            description = "施工之后验收；通过则按决算费用（不超过补贴上限）给予补贴，未通过继续施工。施工前验收为 409。带 If-Match。\n"
                    + "Acceptance after construction: passed, the subsidy is the final cost up to the cap; failed, "
                    + "the work goes on. Before construction it is 409. Send If-Match.")
    @PostMapping("/api/eldercare/home-adaptations/{id}/acceptance")
    @PreAuthorize("hasRole('eldercare-officer')")
    ResponseEntity<AdaptationResponse> accept(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody Acceptance command) {
        HomeAdaptation adaptation = ETags.requireMatch(ifMatch, inDivision(jwt, id));
        BigDecimal cost = command.finalCost() == null ? adaptation.estimatedCost() : command.finalCost();
        return ETags.ok(adaptation, AdaptationResponse.of(adaptations.accept(adaptation, command.acceptedOn(),
                command.passed(), cost, command.note()), jwt));
    }

    record FamilyBed(@NotNull ResidentIdNumber idNumber, @NotBlank @Size(max = 50) String name,
            @NotNull DivisionCode divisionCode, @NotNull cn.minzheng.platform.identity.CreditCode providerCreditCode,
            @NotNull LocalDate since) {
    }

    @Operation(summary = "登记家庭照护床位 Register a family care bed",
            description = "在老人家中设立家庭照护床位，由服务机构提供照护；每人一张，重复登记返回原记录。\n"
                    + "A care bed in the person's own home, cared for by a provider; one per person, a repeat "
                    + "answers the first.")
    @PostMapping("/api/eldercare/family-care-beds")
    @PreAuthorize("hasRole('eldercare-officer')")
    ResponseEntity<FamilyCareBeds.Bed> familyBed(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody FamilyBed command) {
        authorization.requireDivision(Caller.from(jwt), command.divisionCode(), "family care bed", null);
        FamilyCareBeds.Registered registered = familyBeds.register(Elder.of(command.idNumber(), command.name(),
                cipher), command.divisionCode(), command.providerCreditCode(), command.since(),
                Caller.from(jwt).username());
        auditor.concerning(registered.bed().id(), List.of(registered.bed().id()));
        return registered.created() ? ResponseEntity.created(URI.create("/api/eldercare/family-care-beds"))
                .body(registered.bed()) : ResponseEntity.ok(registered.bed());
    }

    private HomeAdaptation inDivision(Jwt jwt, String id) {
        HomeAdaptation adaptation = adaptations.get(id);
        authorization.requireDivision(Caller.from(jwt), adaptation.division(), "home adaptation", id);
        return adaptation;
    }
}
