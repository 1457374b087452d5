package cn.minzheng.assistance.standard.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.assistance.benefit.Residence;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.assistance.standard.Standard;
import cn.minzheng.assistance.standard.Standards;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.security.Caller;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "低保标准 Standards", description = "各县城乡低保和特困供养标准，按生效日期。 Each county's dibao and support standards, by effective date.")
@RestController
@RequestMapping("/api/assistance/standards")
class StandardController {

    private final Standards standards;
    private final Authorization authorization;
    private final Clock clock;

    StandardController(Standards standards, Authorization authorization, Clock clock) {
        this.clock = clock;
        this.standards = standards;
        this.authorization = authorization;
    }

    record NewStandard(@NotNull DivisionCode divisionCode, @NotNull Programme programme, @NotNull Residence residence,
            @NotNull @DecimalMin("0.01") @Digits(integer = 7, fraction = 2) BigDecimal amount,
            @NotNull LocalDate effectiveFrom) {
    }

    record StandardResponse(String id, String divisionCode, Programme programme, Residence residence,
            BigDecimal amount, LocalDate effectiveFrom, String createdBy, Instant createdAt, String supersedes) {

        static StandardResponse of(Standard s) {
            return new StandardResponse(s.id(), s.county(), s.programme(), s.residence(), s.amount().amount(),
                    s.effectiveFrom(), s.createdBy(), s.createdAt(), s.supersedes());
        }
    }

    record StandardsResponse(StandardResponse inForce, List<StandardResponse> history) {
    }

    @Operation(summary = "发布救助标准 Publish a standard",
            description = "县级审批人发布某项目自某日起的新标准；已纳入保障的家庭随之重新核算。\n"
                    + "A county approver publishes a programme's standard from a date; enrolled households are recalculated.")
    @PostMapping
    @PreAuthorize("hasAnyRole('county-approver', 'admin')")
    ResponseEntity<StandardResponse> add(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody NewStandard command) {
        if (command.divisionCode().level() != DivisionCode.Level.COUNTY) {
            throw Refusal.invalid("not-a-county").on("divisionCode");
        }
        Caller caller = Caller.from(jwt);
        if (!caller.hasRole("admin")) {
            authorization.requireDivision(caller, command.divisionCode(), "standard", command.divisionCode().value());
        }
        Standard standard = standards.add(command.divisionCode().value(), command.programme(), command.residence(),
                Money.of(command.amount()), command.effectiveFrom(), caller.username());
        return ResponseEntity.created(URI.create("/api/assistance/standards/" + standard.id()))
                .body(StandardResponse.of(standard));
    }

    /** The standard in force on a date (today if none given) for a residence type, with the programme's history. */
    @Operation(summary = "查询救助标准 Find the standard",
            description = "某区划某项目在某日适用的标准。\n"
                    + "The standard a division applies to a programme on a day.")
    @GetMapping
    @PreAuthorize("hasAnyRole('township-officer', 'county-approver', 'auditor', 'admin')")
    StandardsResponse find(@RequestParam DivisionCode division, @RequestParam Programme programme,
            @RequestParam(defaultValue = "URBAN") Residence residence,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        String county = division.county().value();
        LocalDate day = on != null ? on : LocalDate.now(clock);
        return new StandardsResponse(
                standards.inForce(county, programme, residence, day).map(StandardResponse::of).orElse(null),
                standards.history(county, programme).stream().map(StandardResponse::of).toList());
    }
}
