package cn.minzheng.funeral.death.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.funeral.callback.IntegrationClients;
import cn.minzheng.funeral.death.Burial;
import cn.minzheng.funeral.death.CauseCategory;
import cn.minzheng.funeral.death.Death;
import cn.minzheng.funeral.death.Deaths;
import cn.minzheng.funeral.death.Retraction;
import cn.minzheng.funeral.retraction.RetractionService;
import cn.minzheng.funeral.death.ServiceItem;
import cn.minzheng.funeral.death.ServiceRecord;
import cn.minzheng.platform.audit.Auditor;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.claims.ExclusiveClaims;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.ProtectedIdNumber;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.ETags;
import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.format.annotation.DateTimeFormat;
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

/** Deaths recorded by funeral homes (or the provincial platform) and the services given for them. */
@Tag(name = "死亡登记 Deaths", description = "死亡信息登记、殡仪服务和火化。 Deaths, funeral services and cremation.")
@RestController
@RequestMapping("/api/funeral/deaths")
class DeathController {

    static final String STAFF = "hasAnyRole('funeral-officer', 'funeral-home-operator', 'auditor', 'admin')";

    private final Deaths deaths;
    private final ExclusiveClaims certificates;
    private final Authorization authorization;
    private final IntegrationClients integrations;
    private final Auditor auditor;
    private final PersonalDataCipher cipher;
    private final RetractionService retractions;
    private final Clock clock;

    DeathController(Deaths deaths, MongoTemplate mongo, Authorization authorization, IntegrationClients integrations,
            Auditor auditor, PersonalDataCipher cipher, RetractionService retractions, Clock clock) {
        this.deaths = deaths;
        this.retractions = retractions;
        this.integrations = integrations;
        // A certificate number names one cremation: claimed (by _id) before the death is saved.
        this.certificates = new ExclusiveClaims(mongo, "cremation_certificates", java.time.Duration.ofSeconds(30));
        this.authorization = authorization;
        this.auditor = auditor;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** {@code divisionCode}: the household-registration (户籍) division, as recorded, never read from the ID number. */
    record NewDeath(@NotNull ResidentIdNumber idNumber, @NotBlank @Size(max = 50) String name,
            @NotNull LocalDate dateOfDeath, @NotBlank @Size(max = 200) String place, CauseCategory cause,
            @NotNull DivisionCode divisionCode, DivisionCode funeralHomeDivision) {
    }

    record NewService(@NotNull ServiceItem item, @Min(1) @Max(365) int quantity, @NotNull LocalDate on) {
    }

    record NewRetraction(@NotBlank @Size(max = 500) String reason) {
    }

    record NewCremation(@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9-]+") String certificateNo,
            @NotNull LocalDate date) {
    }

    record DeathResponse(String id, String personRef, String idNumber, String name, LocalDate dateOfDeath,
            String place, CauseCategory cause, String residenceDivision, String funeralHomeDivision,
            String funeralHome, String caseId, String recordedBy, Instant recordedAt, List<ServiceRecord> services,
            Death.Cremation cremation, Burial burial, Retraction retraction, boolean retracted, long version,
            List<Death.Action> actions) {

        /** The death as this caller reads it, with what they may do on it now. */
        static DeathResponse of(Death d, Jwt jwt) {
            Caller caller = Caller.from(jwt);
            return new DeathResponse(d.id(), d.personRef(), d.idNumber().masked(), d.name(), d.dateOfDeath(),
                    d.place(), d.cause(), d.residenceDivision().value(), d.funeralHomeDivision().value(),
                    d.funeralHome(), d.caseId(), d.recordedBy(), d.recordedAt(), d.services(), d.cremation(),
                    d.burial(), d.retraction(), d.isRetracted(), d.version(), d.actions(caller.username(),
                            caller.hasRole("funeral-home-operator"), caller.hasRole("funeral-officer")));
        }
    }

    @Operation(summary = "死亡登记 Record a death",
            description = "殡仪馆（或省级平台）登记死亡，户籍地区划按登记填写，不由身份证号码推定；发布 death.recorded。"
                    + "同一人再次登记返回 409 并指出首次登记。\n"
                    + "A funeral home (or the provincial platform) records a death with the household-registration "
                    + "division as given, never derived from the ID number; publishes death.recorded. A second "
                    + "record for the same person is a 409 naming the first.")
    @PostMapping
    @PreAuthorize("hasAnyRole('funeral-home-operator', 'integration')")
    ResponseEntity<DeathResponse> record(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody NewDeath command) {
        Caller caller = Caller.from(jwt);
        DivisionCode home = caller.hasRole("funeral-home-operator") ? DivisionCode.of(caller.division()
                .orElseThrow(() -> Refusal.forbidden("outside-division"))) : command.funeralHomeDivision() != null
                        ? command.funeralHomeDivision() : command.divisionCode().county();
        if (caller.hasRole("funeral-home-operator") && command.funeralHomeDivision() != null) {
            authorization.requireDivision(caller, command.funeralHomeDivision(), "death", null);
            home = command.funeralHomeDivision();
        }
        if (caller.hasRole("integration")) {
            integrations.requireActsFor(jwt.getClaimAsString("azp"), command.divisionCode(), "death");
        }
        ProtectedIdNumber idNumber = ProtectedIdNumber.protect(command.idNumber(), cipher);
        Death death = Death.record(idNumber, command.name(), command.dateOfDeath(), command.place(),
                command.cause() == null ? CauseCategory.OTHER : command.cause(), command.divisionCode(), home,
                caller.username(), null, caller.username(), clock);
        if (!deaths.insertIfAbsent(death)) {
            throw Refusal.conflict("death-already-recorded", death.id());
        }
        auditor.concerning(death.id(), List.of(idNumber.personRef()));
        return ResponseEntity.created(URI.create("/api/funeral/deaths/" + death.id()))
                .eTag(ETags.of(death.version())).body(DeathResponse.of(death, jwt));
    }

    @Operation(summary = "查看死亡登记 Read a death", description = "身份证号码脱敏。\nThe ID number masked.")
    @GetMapping("/{id}")
    @PreAuthorize(STAFF)
    ResponseEntity<DeathResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Death death = inDivision(jwt, id);
        return ResponseEntity.ok().eTag(ETags.of(death.version())).body(DeathResponse.of(death, jwt));
    }

    @Operation(summary = "死亡登记列表 List deaths", description = "按殡仪馆所在区划和死亡日期分页列出。\n"
            + "By the funeral home's division and date of death, paged.")
    @GetMapping
    @PreAuthorize(STAFF)
    PageResponse<DeathResponse> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "death");
        return PageResponse.of(deaths.find(scope, from, to, page.offset(), page.size()), page,
                deaths.count(scope, from, to), death -> DeathResponse.of(death, jwt));
    }

    @Operation(summary = "登记殡仪服务 Record a service", description = "接运（趟）、冷藏（天）、告别、骨灰盒、骨灰寄存等。\n"
            + "Transport (trips), cold storage (days), farewell, ash box, ash storage and others.")
    @PostMapping("/{id}/services")
    @PreAuthorize("hasRole('funeral-home-operator')")
    ResponseEntity<DeathResponse> serve(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody NewService command) {
        Death death = ETags.requireMatch(ifMatch, inDivision(jwt, id));
        death.serve(new ServiceRecord(command.item(), command.quantity(), command.on(), Caller.from(jwt).username()),
                clock);
        deaths.save(death);
        return respond(death, jwt);
    }

    @Operation(summary = "火化 Record the cremation", description = "火化证明编号全局唯一，重复使用返回 409。\n"
            + "The cremation certificate number is unique; using it twice is a 409.")
    @PostMapping("/{id}/cremation")
    @PreAuthorize("hasRole('funeral-home-operator')")
    ResponseEntity<DeathResponse> cremate(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody NewCremation command) {
        Death death = ETags.requireMatch(ifMatch, inDivision(jwt, id));
        if (death.cremation() != null) {
            throw Refusal.conflict("already-cremated", death.cremation().certificateNo());
        }
        certificates.claim(command.certificateNo(), death.id(), (holder, key) -> deaths.find(holder)
                .map(d -> d.cremation() != null && key.equals(d.cremation().certificateNo())).orElse(false))
                .ifPresent(conflict -> {
                    throw Refusal.conflict("certificate-used", conflict.key());
                });
        death.cremated(command.certificateNo(), command.date(), Caller.from(jwt).username(), clock);
        deaths.save(death);
        return respond(death, jwt);
    }

    @Operation(summary = "提出撤销死亡登记 Propose a retraction",
            description = "误登记的死亡由一名殡葬管理人员提出撤销，须另一人确认后生效（双人复核）。\n"
                    + "A funeral officer proposes to retract a death recorded in error; it takes effect only when a "
                    + "second officer confirms (four eyes).")
    @PostMapping("/{id}/retraction")
    @PreAuthorize("hasRole('funeral-officer')")
    ResponseEntity<DeathResponse> proposeRetraction(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody NewRetraction command) {
        return respond(retractions.propose(ETags.requireMatch(ifMatch, inDivision(jwt, id)), command.reason(),
                Caller.from(jwt).username()), jwt);
    }

    @Operation(summary = "确认撤销死亡登记 Confirm a retraction",
            description = "由提出人以外的殡葬管理人员确认（本人确认返回 403）；发布 death.retracted，各部门撤回可撤回的处理，"
                    + "并报告需人工办理的事项（见 retraction.offices）。\n"
                    + "Confirmed by an officer other than the proposer (403 for the proposer); publishes "
                    + "death.retracted; each office reverses what it can and reports what needs a person "
                    + "(retraction.offices).")
    @PostMapping("/{id}/retraction/confirmation")
    @PreAuthorize("hasRole('funeral-officer')")
    ResponseEntity<DeathResponse> confirmRetraction(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return respond(retractions.confirm(ETags.requireMatch(ifMatch, inDivision(jwt, id)),
                Caller.from(jwt).username()), jwt);
    }

    private ResponseEntity<DeathResponse> respond(Death death, Jwt jwt) {
        auditor.concerning(death.id(), List.of(death.personRef()));
        return ResponseEntity.ok().eTag(ETags.of(death.version())).body(DeathResponse.of(death, jwt));
    }

    private Death inDivision(Jwt jwt, String id) {
        Death death = deaths.get(id);
        authorization.requireDivision(Caller.from(jwt), death.funeralHomeDivision(), "death", id);
        return death;
    }
}
