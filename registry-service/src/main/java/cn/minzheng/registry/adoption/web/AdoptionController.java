package cn.minzheng.registry.adoption.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.minzheng.platform.audit.Auditor;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.ETags;
import cn.minzheng.registry.adoption.Adoption;
import cn.minzheng.registry.adoption.AdoptionService;
import cn.minzheng.registry.adoption.Adoptions;
import cn.minzheng.registry.adoption.ChildStatus;
import cn.minzheng.registry.office.Office;
import cn.minzheng.registry.office.Offices;
import cn.minzheng.registry.party.Party;
import cn.minzheng.registry.party.PartyView;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "收养登记 Adoptions", description = "收养登记及其法定条件。 Adoption registration and its legal conditions.")
@RestController
@RequestMapping("/api/registry/adoptions")
class AdoptionController {

    private final AdoptionService service;
    private final Adoptions adoptions;
    private final Offices offices;
    private final Authorization authorization;
    private final Auditor auditor;
    private final PersonalDataCipher cipher;

    AdoptionController(AdoptionService service, Adoptions adoptions, Offices offices, Authorization authorization,
            Auditor auditor, PersonalDataCipher cipher) {
        this.service = service;
        this.adoptions = adoptions;
        this.offices = offices;
        this.authorization = authorization;
        this.auditor = auditor;
        this.cipher = cipher;
    }

    record AdopterCommand(@NotNull ResidentIdNumber idNumber, @NotBlank @Size(max = 50) String name,
            @NotNull @Min(0) @Max(20) Integer childrenCount) {
    }

    record ChildCommand(@NotNull ResidentIdNumber idNumber, @NotBlank @Size(max = 50) String name,
            @NotNull ChildStatus status, Boolean disabled, Boolean inWelfareInstitution, Boolean consented) {
    }

    record NewAdoption(@NotBlank String officeId, @NotNull @Size(min = 1, max = 2) List<@NotNull @Valid AdopterCommand> adopters,
            @NotNull @Valid ChildCommand child, @NotNull Boolean assessmentCompleted, LocalDate noticeFrom) {
    }

    record AdopterView(PartyView person, int childrenCount) {
    }

    record AdoptionResponse(String id, String certificateNo, List<AdopterView> adopters, PartyView child,
            ChildStatus childStatus, boolean childDisabled, boolean inWelfareInstitution, boolean childConsented,
            LocalDate noticeFrom, String officeId, LocalDate registeredOn, String registeredBy) {

        static AdoptionResponse of(Adoption adoption) {
            return new AdoptionResponse(adoption.id(), adoption.certificateNo(), adoption.adopters().stream()
                    .map(a -> new AdopterView(PartyView.of(a.party()), a.childrenCount())).toList(),
                    PartyView.of(adoption.child()), adoption.childStatus(), adoption.childDisabled(),
                    adoption.inWelfareInstitution(), adoption.childConsented(), adoption.noticeFrom(),
                    adoption.officeId(), adoption.registeredOn(), adoption.registeredBy());
        }
    }

    @Operation(summary = "收养登记 Register an adoption",
            description = "审查收养人年龄、子女数、年龄差、被收养人同意和弃婴公告期等条件后登记。\n"
                    + "Registers after checking the adopters' age, children, age gap, the child's consent and a foundling's notice period.")
    @PostMapping
    @PreAuthorize("hasRole('registrar')")
    ResponseEntity<AdoptionResponse> register(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody NewAdoption command) {
        Caller caller = Caller.from(jwt);
        Office office = offices.get(command.officeId());
        authorization.requireDivision(caller, office.division(), "office", office.id());
        ChildCommand child = command.child();
        Adoption adoption = service.register(office, command.adopters().stream()
                .map(a -> new AdoptionService.NamedAdopter(Party.of(a.idNumber(), a.name(), cipher), a.childrenCount()))
                .toList(), Party.of(child.idNumber(), child.name(), cipher), child.status(),
                Boolean.TRUE.equals(child.disabled()), Boolean.TRUE.equals(child.inWelfareInstitution()),
                Boolean.TRUE.equals(child.consented()), command.assessmentCompleted(), command.noticeFrom(),
                caller.username());
        auditor.concerning(adoption.id(), adoption.personRefs());
        return ETags.created(URI.create("/api/registry/adoptions/" + adoption.id()), adoption,
                AdoptionResponse.of(adoption));
    }

    @Operation(summary = "查看收养登记 Read an adoption",
            description = "收养登记及其依据的事实。\n"
                    + "The adoption and the facts it was decided on.")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('registrar', 'auditor', 'admin')")
    ResponseEntity<AdoptionResponse> get(@PathVariable String id) {
        Adoption adoption = adoptions.get(id);
        return ETags.ok(adoption, AdoptionResponse.of(adoption));
    }
}
