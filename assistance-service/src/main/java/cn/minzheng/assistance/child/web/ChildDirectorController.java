package cn.minzheng.assistance.child.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.assistance.child.ChildDirector;
import cn.minzheng.assistance.child.ChildDirectors;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.BankAccount;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.ProtectedIdNumber;
import cn.minzheng.platform.personal.ProtectedValue;
import cn.minzheng.platform.refusal.Refusal;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Village child directors: appointed by the township or county, paid the county's stipend by the payroll. */
@Tag(name = "未成年人保护 Child protection")
@RestController
@RequestMapping("/api/assistance/child-directors")
class ChildDirectorController {

    private static final String OFFICERS = "hasAnyRole('township-officer', 'county-approver')";

    private final ChildDirectors directors;
    private final Authorization authorization;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    ChildDirectorController(ChildDirectors directors, Authorization authorization, PersonalDataCipher cipher,
            Clock clock) {
        this.directors = directors;
        this.authorization = authorization;
        this.cipher = cipher;
        this.clock = clock;
    }

    record NewDirector(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String username,
            @NotNull ResidentIdNumber idNumber, @NotBlank @Size(max = 50) String name,
            @NotNull DivisionCode divisionCode, @NotNull LocalDate servesFrom, BankAccount account) {
    }

    record Ending(@NotNull LocalDate until) {
    }

    record DirectorResponse(String id, String username, String idNumber, String name, String divisionCode,
            String account, LocalDate servesFrom, LocalDate servesUntil, String appointedBy, Instant appointedAt,
            long version) {

        static DirectorResponse of(ChildDirector d) {
            return new DirectorResponse(d.id(), d.username(), d.idNumber().masked(), d.name(), d.division().value(),
                    d.account() == null ? null : d.account().masked(), d.servesFrom(), d.servesUntil(),
                    d.appointedBy(), d.appointedAt(), d.version());
        }
    }

    @Operation(summary = "聘任儿童主任 Appoint a child director",
            description = "为村（社区）聘任儿童主任（一个村可有多名），从聘任月起按区县标准发放补贴。\n"
                    + "Appoints a child director for a village (a village may have several); paid the county's "
                    + "stipend from the month of appointment.")
    @PostMapping
    @PreAuthorize(OFFICERS)
    ResponseEntity<DirectorResponse> appoint(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody NewDirector command) {
        Caller caller = Caller.from(jwt);
        authorization.requireDivision(caller, command.divisionCode(), "child-director", null);
        ChildDirector director = ChildDirector.appoint(command.username(),
                ProtectedIdNumber.protect(command.idNumber(), cipher), command.name(), command.divisionCode(),
                command.account() == null ? null : ProtectedValue.protect(command.account(), cipher),
                command.servesFrom(), caller.username(), clock);
        if (!directors.insertIfAbsent(director)) {
            throw Refusal.conflict("child-director-exists", director.id());
        }
        return ResponseEntity.created(URI.create("/api/assistance/child-directors/" + director.id()))
                .eTag(ETags.of(director.version())).body(DirectorResponse.of(director));
    }

    @Operation(summary = "儿童主任列表 List child directors", description = "按区划分页列出儿童主任。\n"
            + "Child directors of a division, paged.")
    @GetMapping
    @PreAuthorize(OFFICERS)
    PageResponse<DirectorResponse> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division, @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "child-director");
        return PageResponse.of(directors.find(scope, page.offset(), page.size()), page, directors.count(scope),
                DirectorResponse::of);
    }

    @Operation(summary = "儿童主任离任 End a child director's service", description = "离任日所在月仍发放补贴。\n"
            + "The month of leaving is still paid.")
    @PostMapping("/{id}/ending")
    @PreAuthorize(OFFICERS)
    ResponseEntity<DirectorResponse> end(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @Valid @RequestBody Ending command) {
        ChildDirector director = directors.get(id);
        authorization.requireDivision(Caller.from(jwt), director.division(), "child-director", id);
        director.end(command.until());
        directors.save(director);
        return ResponseEntity.ok().eTag(ETags.of(director.version())).body(DirectorResponse.of(director));
    }
}
