package cn.minzheng.funeral.cemetery.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.funeral.marriage.SurvivingSpouse;
import cn.minzheng.funeral.cemetery.BurialService;
import cn.minzheng.funeral.cemetery.Cemeteries;
import cn.minzheng.funeral.cemetery.Cemetery;
import cn.minzheng.funeral.cemetery.Plot;
import cn.minzheng.funeral.cemetery.ReservationRules;
import cn.minzheng.platform.audit.Auditor;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonRefs;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.security.Caller;

import cn.minzheng.platform.web.PageResponse;
import cn.minzheng.platform.web.PageParams;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Plots held for the living (寿墓), usage terms renewed, and the terms ending soon. */
@Tag(name = "墓位 Plots", description = "寿墓预留、使用期限续期和到期提醒。 Reservations, term renewals and terms ending.")
@RestController
class PlotController {

    private final Cemeteries cemeteries;
    private final BurialService burials;
    private final Authorization authorization;
    private final PersonalDataCipher cipher;
    private final Auditor auditor;
    private final Clock clock;

    PlotController(Cemeteries cemeteries, BurialService burials, Authorization authorization,
            PersonalDataCipher cipher, Auditor auditor, Clock clock) {
        this.cemeteries = cemeteries;
        this.burials = burials;
        this.authorization = authorization;
        this.cipher = cipher;
        this.auditor = auditor;
        this.clock = clock;
    }

    /** {@code divisionCode}: the person's household-registration division. */
    record NewReservation(@NotBlank @Size(max = 64) String cemeteryId, @NotNull Plot.Kind plotKind,
            @NotNull ResidentIdNumber idNumber, @NotBlank @Size(max = 50) String name,
            @NotNull DivisionCode divisionCode, @NotNull ReservationRules.Ground ground,
            @NotBlank @Size(max = 120) String nextToDeathId, @Size(max = 200) String spouseEvidence) {
    }

    record ReservationResponse(String cemeteryId, String plotId, Plot.Kind kind, Plot.Status status, String name,
            ReservationRules.Ground ground, String nextToDeathId, LocalDate on, SurvivingSpouse.Basis basis,
            String spouseEvidence) {
    }

    record Renewal(@Min(1) @Max(20) int years, @NotNull LocalDate currentUntil) {
    }

    record TermEnding(String cemeteryId, String cemetery, String plotId, Plot.Kind kind, String deathId,
            LocalDate termUntil, long daysLeft, boolean expired) {
    }

    @Operation(summary = "预留墓位（寿墓） Reserve a plot for a living person",
            description = "仅在本县规定允许时办理（如为已安葬在该公墓者的健在配偶预留相邻墓位），否则 422。申请人须在死者死亡时"
                    + "是其配偶：按婚姻登记（含补录）判断（basis REGISTRY），已与他人结婚或已离婚的 422 not-spouse-at-death；"
                    + "登记中无此二人婚姻记录的，凭经办人核验并记录的证明办理（spouseEvidence，basis EVIDENCE），无证明的 422。\n"
                    + "Only where the county's rules allow it (e.g. the surviving spouse of someone buried in that "
                    + "cemetery); 422 otherwise. The claimant must have been the deceased's spouse at the death: judged "
                    + "on registry's marriages, back-entered ones included (basis REGISTRY); married to someone else "
                    + "or divorced is 422 not-spouse-at-death; where registry knows nothing of the couple, on the "
                    + "evidence the officer checked and records (spouseEvidence, basis EVIDENCE), 422 without it.")
    @PostMapping("/api/funeral/reservations")
    @PreAuthorize("hasRole('funeral-officer')")
    ReservationResponse reserve(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody NewReservation command) {
        Caller caller = Caller.from(jwt);
        Cemetery cemetery = cemeteries.get(command.cemeteryId());
        authorization.requireDivision(caller, cemetery.division(), "cemetery", cemetery.id());
        String personRef = PersonRefs.of(command.idNumber(), cipher);
        Plot plot = burials.reserve(cemetery.id(), command.plotKind(), new Plot.Reservation(personRef, command.name(),
                command.ground(), command.nextToDeathId(), LocalDate.now(clock), caller.username(), null,
                command.spouseEvidence()),
                command.divisionCode());
        auditor.concerning(cemetery.id() + "/" + plot.id(), List.of(personRef));
        return new ReservationResponse(cemetery.id(), plot.id(), plot.kind(), plot.status(), command.name(),
                command.ground(), command.nextToDeathId(), plot.reservation().on(), plot.reservation().basis(),
                plot.reservation().evidence());
    }

    @Operation(summary = "墓位续期 Renew a plot's term",
            description = "在现有期限上延长整年；须给出所见的现期限，重复提交不会重复延长（409 term-changed）。\n"
                    + "Extends the term by whole years from its current end; the caller gives the end it saw, so a "
                    + "retry does not add the years twice (409 term-changed).")
    @PostMapping("/api/funeral/cemeteries/{id}/plots/{plotId}/renewal")
    @PreAuthorize("hasRole('funeral-officer')")
    Plot renew(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String plotId,
            @Valid @RequestBody Renewal command) {
        Cemetery cemetery = cemeteries.get(id);
        authorization.requireDivision(Caller.from(jwt), cemetery.division(), "cemetery", id);
        return burials.renew(id, plotId, command.years(), command.currentUntil());
    }

    @Operation(summary = "到期墓位 Terms ending soon",
            description = "辖区内使用期限在若干天内到期（含已到期）的墓位，按到期日排序；天数按读取时计算。\n"
                    + "Used plots of the division whose term ends within the days given (expired ones included), "
                    + "soonest first; days left as of the reading; paged with the total.")
    @GetMapping("/api/funeral/cemeteries/terms-ending")
    @PreAuthorize("hasAnyRole('funeral-officer', 'auditor', 'admin')")
    PageResponse<TermEnding> termsEnding(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division,
            @RequestParam(defaultValue = "90") int withinDays, @Valid PageParams page) {
        if (withinDays < 0 || withinDays > 3650) {
            throw Refusal.invalid("invalid-request").as("within-days").on("withinDays");
        }
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "cemetery");
        LocalDate today = LocalDate.now(clock);
        LocalDate by = today.plusDays(withinDays);
        return PageResponse.of(cemeteries.termsEndingBy(scope, by, page.offset(), page.size()), page,
                cemeteries.countTermsEndingBy(scope, by), term -> {
                    long days = ChronoUnit.DAYS.between(today, term.plot().termUntil());
                    return new TermEnding(term.cemeteryId(), term.cemeteryName(), term.plot().id(),
                            term.plot().kind(), term.plot().deathId(), term.plot().termUntil(), days, days < 0);
                });
    }
}
