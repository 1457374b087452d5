package cn.minzheng.eldercare.resident.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.minzheng.eldercare.access.FacilityStaff;
import cn.minzheng.eldercare.facility.BedType;
import cn.minzheng.eldercare.facility.Facilities;
import cn.minzheng.eldercare.facility.Facility;
import cn.minzheng.eldercare.resident.AbilityLevel;
import cn.minzheng.eldercare.resident.AdmissionService;
import cn.minzheng.eldercare.resident.Elder;
import cn.minzheng.eldercare.resident.Reassessment;
import cn.minzheng.eldercare.resident.Resident;
import cn.minzheng.eldercare.resident.Residents;
import cn.minzheng.eldercare.support.CentralisedSupport;
import cn.minzheng.platform.audit.Auditor;
import cn.minzheng.platform.authz.Authorization;
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
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "入住老人 Residents", description = "入住（能力评估定护理等级）、复评和离院。 Admission with an ability assessment, reassessment and discharge.")
@RestController
class ResidentController {

    private static final String ACTORS = "hasAnyRole('eldercare-officer', 'facility-operator')";
    private static final String READERS = "hasAnyRole('eldercare-officer', 'facility-operator', 'auditor', 'admin')";

    private final AdmissionService admissions;
    private final Residents residents;
    private final Facilities facilities;
    private final Authorization authorization;
    private final Auditor auditor;
    private final PersonalDataCipher cipher;
    private final CentralisedSupport centralisedSupport;

    ResidentController(AdmissionService admissions, Residents residents, Facilities facilities,
            Authorization authorization, Auditor auditor, PersonalDataCipher cipher,
            CentralisedSupport centralisedSupport) {
        this.centralisedSupport = centralisedSupport;
        this.admissions = admissions;
        this.residents = residents;
        this.facilities = facilities;
        this.authorization = authorization;
        this.auditor = auditor;
        this.cipher = cipher;
    }

    record Admission(@NotNull ResidentIdNumber idNumber, @NotBlank @Size(max = 50) String name,
            @NotNull AbilityLevel abilityLevel, @NotNull BedType bedType) {
    }

    record Discharge(@NotBlank @Size(max = 200) String reason, @NotNull LocalDate date) {
    }

    record NewAssessment(@NotNull AbilityLevel abilityLevel, @NotNull LocalDate assessedOn) {
    }

    /** A resident for staff: the ID number masked, the care level from the latest assessment. */
    record ResidentResponse(String id, String facilityId, String divisionCode, String name, String idNumber,
            String personRef, LocalDate birthDate, BedType bedType, AbilityLevel abilityLevel, AbilityLevel.CareLevel careLevel,
            Resident.Status status, LocalDate admittedOn, LocalDate dischargedOn, String dischargeReason,
            List<Reassessment> assessments, Boolean centralisedSupport, List<Resident.Action> actions) {

        /** After an act of the caller's (who may act, then). */
        static ResidentResponse afterAct(Resident r) {
            return of(r, null, true);
        }

        /**
         * {@code centralisedSupport}: 特困 集中供养 as of today, from assistance's events (on one resident's read);
         * {@code actions}: what the caller may do now, none for those who only read.
         */
        static ResidentResponse of(Resident r, Boolean centralisedSupport, boolean actor) {
            return new ResidentResponse(r.id(), r.facilityId(), r.division().value(), r.elder().name(),
                    r.elder().idNumber().masked(), r.elder().personRef(), r.elder().birthDate(), r.bedType(), r.abilityLevel(),
                    r.careLevel(), r.status(), r.admittedOn(), r.dischargedOn(), r.dischargeReason(),
                    r.assessments(), centralisedSupport, actor ? r.actions() : List.of());
        }
    }

    @Operation(summary = "办理入住 Admit a resident",
            description = "按能力评估结果确定护理等级，占用一张该类型的空床；无空床时 409，同一人不能同时入住两处。\n"
                    + "The ability assessment sets the care level and a free bed of the type is taken; none free is "
                    + "409, and a person lives in one facility at a time.")
    @PostMapping("/api/eldercare/facilities/{id}/admissions")
    @PreAuthorize(ACTORS)
    ResponseEntity<ResidentResponse> admit(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @Valid @RequestBody Admission command) {
        Facility facility = facility(jwt, id);
        Resident resident = admissions.admit(facility, Elder.of(command.idNumber(), command.name(), cipher),
                command.abilityLevel(), command.bedType(), Caller.from(jwt).username());
        auditor.concerning(resident.id(), List.of(resident.elder().personRef()));
        return ETags.created(URI.create("/api/eldercare/residents/" + resident.id()), resident,
                ResidentResponse.afterAct(resident));
    }

    @Operation(summary = "本机构在住老人 A facility's residents",
            description = "机构当前在住的老人（身份证号码脱敏），分页并给出总数。\n"
                    + "The facility's current residents (ID numbers masked), paged with the total.")
    @GetMapping("/api/eldercare/facilities/{id}/residents")
    @PreAuthorize(READERS)
    PageResponse<ResidentResponse> residents(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @Valid PageParams page) {
        Facility facility = facility(jwt, id);
        boolean actor = FacilityStaff.mayAct(jwt);
        return PageResponse.of(residents.admittedAt(facility.id(), page.offset(), page.size()), page,
                residents.countAdmittedAt(facility.id()), r -> ResidentResponse.of(r, null, actor));
    }

    @Operation(summary = "查看入住老人 Read a resident",
            description = "入住记录、历次能力评估和护理等级。\n"
                    + "The stay, every ability assessment and the care level.")
    @GetMapping("/api/eldercare/residents/{id}")
    @PreAuthorize(READERS)
    ResponseEntity<ResidentResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Resident resident = resident(jwt, id);
        auditor.concerning(resident.id(), List.of(resident.elder().personRef()));
        return ETags.ok(resident, ResidentResponse.of(resident, centralisedSupport.of(resident), FacilityStaff.mayAct(jwt)));
    }

    @Operation(summary = "能力复评 Reassess",
            description = "新的能力评估结果，护理等级随之调整。带 If-Match。\n"
                    + "A new ability assessment; the care level follows it. Send If-Match.")
    @PostMapping("/api/eldercare/residents/{id}/reassessments")
    @PreAuthorize(ACTORS)
    ResponseEntity<ResidentResponse> reassess(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody NewAssessment command) {
        Resident resident = ETags.requireMatch(ifMatch, resident(jwt, id));
        auditor.concerning(resident.id(), List.of(resident.elder().personRef()));
        return ETags.ok(resident, ResidentResponse.afterAct(admissions.reassess(resident, command.abilityLevel(),
                command.assessedOn(), Caller.from(jwt).username())));
    }

    @Operation(summary = "办理离院 Discharge",
            description = "写明原因和日期，床位随即空出。带 If-Match。\n"
                    + "With a reason and a date; the bed is free at once. Send If-Match.")
    @PostMapping("/api/eldercare/residents/{id}/discharge")
    @PreAuthorize(ACTORS)
    ResponseEntity<ResidentResponse> discharge(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody Discharge command) {
        Resident resident = ETags.requireMatch(ifMatch, resident(jwt, id));
        auditor.concerning(resident.id(), List.of(resident.elder().personRef()));
        return ETags.ok(resident, ResidentResponse.afterAct(admissions.discharge(resident, command.reason(),
                command.date(), Caller.from(jwt).username())));
    }

    /** Facility staff act on their own facility only (403 otherwise); officers within their division. */
    private Facility facility(Jwt jwt, String id) {
        return FacilityStaff.requireAccess(jwt, facilities.get(id), authorization);
    }

    private Resident resident(Jwt jwt, String id) {
        Resident resident = residents.get(id);
        facility(jwt, resident.facilityId());
        return resident;
    }
}
