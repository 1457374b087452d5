package cn.minzheng.registry.office.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.web.ETags;
import cn.minzheng.registry.office.DayNote;
import cn.minzheng.registry.office.Office;
import cn.minzheng.registry.office.OfficeCalendar;
import cn.minzheng.registry.office.OfficeCalendar.NextDay;
import cn.minzheng.registry.office.Offices;
import cn.minzheng.registry.office.TimeBand;

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

@Tag(name = "登记机关 Offices", description = "婚姻登记处、办公日和公告的停办与特别办理日。 Registry offices, their registration days, declared closures and special openings.")
@RestController
@RequestMapping("/api/registry/offices")
class OfficeController {

    private final Offices offices;
    private final OfficeCalendar days;
    private final Authorization authorization;

    OfficeController(Offices offices, OfficeCalendar days, Authorization authorization) {
        this.offices = offices;
        this.days = days;
        this.authorization = authorization;
    }

    record Band(@NotBlank @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]",
            message = "{registry.time-band}") String slot, @Min(1) @Max(10000) int capacity) {
    }

    record NewOffice(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{2,20}") String code, @NotBlank @Size(max = 100) String name,
            @NotBlank String divisionCode, @Size(max = 200) String address, @NotEmpty @Size(max = 7) List<@NotNull DayOfWeek> openingDays,
            @NotEmpty @Size(max = 24) List<@Valid Band> bands) {
    }

    record DeclaredDay(@NotNull LocalDate date, @NotBlank @Size(max = 200) String note) {
    }

    /** A declared day as the public sees it (who declared it stays in the audit trail). */
    record Day(LocalDate date, String note) {

        static List<Day> of(List<DayNote> notes) {
            return notes.stream().map(n -> new Day(n.date(), n.note())).toList();
        }
    }

    /** {@code nextRegistrationDay} is computed when read: today or later, null when none within a year. */
    record OfficeResponse(String id, String code, String name, String division, String address,
            List<DayOfWeek> openingDays, List<TimeBand> bands, List<Day> specialOpenings, List<Day> closures,
            NextDay nextRegistrationDay) {

        static OfficeResponse of(Office office, OfficeCalendar days) {
            return new OfficeResponse(office.id(), office.code(), office.name(), office.division().value(),
                    office.address(), office.openingDays().stream().sorted().toList(), office.bands(),
                    Day.of(office.specialOpenings()),
                    Day.of(office.closures()), days.nextRegistrationDay(office).orElse(null));
        }
    }

    @Operation(summary = "设立登记处 Open an office",
            description = "管理员设立登记处及其办公日和预约时段。\n"
                    + "An admin opens an office with its opening days and booking bands.")
    @PostMapping
    @PreAuthorize("hasRole('admin')")
    ResponseEntity<OfficeResponse> open(@Valid @RequestBody NewOffice command) {
        DivisionCode division = DivisionCode.of(command.divisionCode());
        if (command.bands().stream().map(Band::slot).distinct().count() != command.bands().size()) {
            throw Refusal.invalid("invalid-request").as("band-twice").on("bands");
        }
        Office office = Office.open(command.code(), command.name(), division, command.address(),
                Set.copyOf(command.openingDays()), command.bands().stream().map(b -> new TimeBand(b.slot(), b.capacity()))
                        .toList());
        if (!offices.insertIfAbsent(office)) {
            throw Refusal.conflict("office-exists", command.code());
        }
        return ETags.created(URI.create("/api/registry/offices/" + office.id()), office, view(office));
    }

    /** Public: where one can register, for the booking pages of the mobile apps. */
    @Operation(summary = "登记处列表 List offices",
            description = "可办理登记的登记处；无需登录。\n"
                    + "Where one can register; no login.")
    @GetMapping
    List<OfficeResponse> list(@RequestParam(defaultValue = "") String division) {
        return (division.isEmpty() ? offices.all() : offices.inDivision(DivisionCode.of(division))).stream().map(this::view).toList();
    }

    /** Public: one office with the days it declared open or closed. */
    @Operation(summary = "查看登记处 Read an office",
            description = "登记处及其公告的停办日和特别办理日；无需登录。\n"
                    + "An office with its declared closures and special openings; no login.")
    @GetMapping("/{id}")
    ResponseEntity<OfficeResponse> get(@PathVariable String id) {
        Office office = offices.get(id);
        return ETags.ok(office, view(office));
    }

    /**
     * The office will not register that day. Bookings for it are cancelled (OFFICE_CLOSED, with an event for the
     * citizen's app) and divorce applications whose last day it was get the office's next open day.
     */
    @Operation(summary = "公告停办 Declare a closure",
            description = "该日不办理登记：当日预约取消并通知本人，以该日为最后一日的离婚办理期限顺延至下一个办理日。\n"
                    + "No registration that day: its bookings are cancelled with a notice to the citizen, and divorce deadlines on it move to the next open day.")
    @PostMapping("/{id}/closures")
    @PreAuthorize("hasRole('registrar')")
    ResponseEntity<OfficeResponse> closeDay(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody DeclaredDay command) {
        Office office = ETags.requireMatch(ifMatch, ofCaller(jwt, id));
        return ETags.ok(office, view(days.close(office, command.date(), command.note(),
                Caller.from(jwt).username())));
    }

    /** The office registers that day although it otherwise would not (a weekend 5/20, 七夕, 2/14). */
    @Operation(summary = "公告特别办理日 Declare a special opening",
            description = "在本不办公的日子办理登记（如周末的 5 月 20 日、七夕）。\n"
                    + "The office registers on a day it otherwise would not (a weekend 5/20, Qixi).")
    @PostMapping("/{id}/special-openings")
    @PreAuthorize("hasRole('registrar')")
    ResponseEntity<OfficeResponse> openDay(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody DeclaredDay command) {
        Office office = ETags.requireMatch(ifMatch, ofCaller(jwt, id));
        return ETags.ok(office, view(days.open(office, command.date(), command.note(),
                Caller.from(jwt).username())));
    }

    private OfficeResponse view(Office office) {
        return OfficeResponse.of(office, days);
    }

    private Office ofCaller(Jwt jwt, String id) {
        Office office = offices.get(id);
        authorization.requireDivision(Caller.from(jwt), office.division(), "office", office.id());
        return office;
    }
}
