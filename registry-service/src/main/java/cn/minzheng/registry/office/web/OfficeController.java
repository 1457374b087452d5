package cn.minzheng.registry.office.web;

import java.net.URI;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.web.ETags;
import cn.minzheng.registry.office.Office;
import cn.minzheng.registry.office.Offices;
import cn.minzheng.registry.office.TimeBand;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/registry/offices")
class OfficeController {

    private final Offices offices;

    OfficeController(Offices offices) {
        this.offices = offices;
    }

    record Band(@NotBlank @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]",
            message = "must be a band like 09:00-10:30") String slot, @Min(1) @Max(10000) int capacity) {
    }

    record NewOffice(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{2,20}") String code, @NotBlank @Size(max = 100) String name,
            @NotBlank String divisionCode, @Size(max = 200) String address, @NotEmpty Set<DayOfWeek> openingDays,
            @NotEmpty @Size(max = 24) List<@Valid Band> bands) {
    }

    record OfficeResponse(String id, String code, String name, String division, String address,
            Set<DayOfWeek> openingDays, List<TimeBand> bands) {

        static OfficeResponse of(Office office) {
            return new OfficeResponse(office.id(), office.code(), office.name(), office.division().value(), office.address(),
                    office.openingDays(), office.bands());
        }
    }

    @PostMapping
    @PreAuthorize("hasRole('admin')")
    ResponseEntity<OfficeResponse> open(@Valid @RequestBody NewOffice command) {
        DivisionCode division = DivisionCode.of(command.divisionCode());
        if (command.bands().stream().map(Band::slot).distinct().count() != command.bands().size()) {
            throw Refusal.invalid("invalid-request").as("band-twice").on("bands");
        }
        Office office = Office.open(command.code(), command.name(), division, command.address(),
                command.openingDays(), command.bands().stream().map(b -> new TimeBand(b.slot(), b.capacity()))
                        .toList());
        if (!offices.insertIfAbsent(office)) {
            throw Refusal.conflict("office-exists", command.code());
        }
        return ETags.created(URI.create("/api/registry/offices/" + office.id()), office, OfficeResponse.of(office));
    }

    /** Public: where one can register, for the booking pages of the mobile apps. */
    @GetMapping
    List<OfficeResponse> list(@RequestParam(defaultValue = "") String division) {
        return (division.isEmpty() ? offices.all() : offices.inDivision(DivisionCode.of(division))).stream().map(OfficeResponse::of).toList();
    }
}
