package cn.minzheng.registry.appointment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.audit.Auditor;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonRefs;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.ETags;
import cn.minzheng.registry.appointment.Appointment;
import cn.minzheng.registry.appointment.AppointmentService;
import cn.minzheng.registry.appointment.Appointments;
import cn.minzheng.registry.office.Office;
import cn.minzheng.registry.office.Offices;
import cn.minzheng.registry.party.Party;

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

/**
 * Bookings. A citizen books for themself (the ID number in their token); a registrar books at the window for the
 * person in front of them (ID number and name in the command). Mobile retries carry an {@code Idempotency-Key}, which
 * the platform's filter turns into one booking and the same answer.
 */
@Tag(name = "预约 Appointments", description = "登记预约：名额、预约、取消与到场。 Booking: places, bookings, cancellation and attendance.")
@RestController
@RequestMapping("/api/registry/appointments")
class AppointmentController {

    private final AppointmentService service;
    private final java.time.Clock clock;
    private final Appointments appointments;
    private final Offices offices;
    private final Authorization authorization;
    private final Auditor auditor;
    private final PersonalDataCipher cipher;

    AppointmentController(AppointmentService service, Appointments appointments, Offices offices,
            Authorization authorization, Auditor auditor, PersonalDataCipher cipher, java.time.Clock clock) {
        this.clock = clock;
        this.service = service;
        this.appointments = appointments;
        this.offices = offices;
        this.authorization = authorization;
        this.auditor = auditor;
        this.cipher = cipher;
    }

    record NewAppointment(@NotBlank @Size(max = 64) String officeId, @NotNull LocalDate date,
            @NotBlank @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]",
                    message = "{registry.time-band}") String slot,
            @NotNull Appointment.Kind kind, ResidentIdNumber idNumber, @Size(max = 50) String name) {
    }

    record Cancellation(@Size(max = 500) String reason) {
    }

    record Attendance(@NotNull Boolean attended) {
    }

    @Operation(summary = "预约登记 Book a place",
            description = "公民为本人、登记员为当事人预约某日某时段；名额不会超订。\n"
                    + "A citizen books for themselves, a registrar for a party; a slot is never overbooked.")
    @PostMapping
    @PreAuthorize("hasAnyRole('citizen', 'registrar')")
    ResponseEntity<AppointmentResponse> book(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody NewAppointment command) {
        Caller caller = Caller.from(jwt);
        Office office = offices.get(command.officeId());
        Party person;
        String channel;
        if (caller.hasRole("registrar")) {
            authorization.requireDivision(caller, office.division(), "office", office.id());
            if (command.idNumber() == null) {
                throw Refusal.invalid("invalid-request").as("named-person").on("idNumber");
            }
            if (command.name() == null || command.name().isBlank()) {
                throw Refusal.invalid("invalid-request").as("named-person").on("name");
            }
            person = Party.of(command.idNumber(), command.name(), cipher);
            channel = "WINDOW";
        } else {
            PersonRefs.ofCitizen(caller, cipher);
            ResidentIdNumber own = ResidentIdNumber.of(caller.idNumber().orElseThrow());
            if (command.idNumber() != null && !command.idNumber().equals(own)) {
                auditor.denied("NOT_OWN_RECORD", "appointment", null);
                throw Refusal.forbidden("not-own-record");
            }
            person = Party.of(own, command.name() == null ? caller.username() : command.name(), cipher);
            channel = "MOBILE";
        }
        Appointment appointment = service.book(office, command.date(), command.slot(), command.kind(), person,
                caller.username(), channel);
        auditor.concerning(appointment.id(), List.of(person.personRef()));
        return ETags.created(URI.create("/api/registry/appointments/" + appointment.id()), appointment,
                AppointmentResponse.of(appointment));
    }

    @Operation(summary = "查看预约 Read a booking",
            description = "预约详情（身份证号码脱敏）。\n"
                    + "The booking (ID number masked).")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('citizen', 'registrar', 'auditor', 'admin')")
    ResponseEntity<AppointmentResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return respond(readable(Caller.from(jwt), id));
    }

    /**
     * The day's list at an office, for the window; without an office, at every office of the caller's division;
     * without a date, the service's today (a registrar's to-do card). Bounded by the offices' places of one day.
     */
    @Operation(summary = "某日预约名单 The day's bookings",
            description = "登记员查看登记处某日的预约；不指定登记处则为本区划所有登记处，不指定日期则为今天。\n"
                    + "A registrar's list of the day's bookings at an office; without an office, at every office of "
                    + "the caller's division; without a date, today.")
    @GetMapping
    @PreAuthorize("hasAnyRole('registrar', 'auditor', 'admin')")
    List<AppointmentResponse> day(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String officeId,
            @RequestParam(required = false) LocalDate date) {
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        if (officeId == null || officeId.isBlank()) {
            List<String> mine = offices.inDivision(authorization.scope(Caller.from(jwt), null, "office")).stream()
                    .map(Office::id).toList();
            return appointments.atOffices(mine, day).stream().map(AppointmentResponse::of).toList();
        }
        Office office = offices.get(officeId);
        authorization.requireDivision(Caller.from(jwt), office.division(), "office", office.id());
        return appointments.atOffice(officeId, day).stream().map(AppointmentResponse::of).toList();
    }

    @Operation(summary = "取消预约 Cancel a booking",
            description = "本人或登记员取消，名额释放。\n"
                    + "The person or a registrar cancels; the place is freed.")
    @PostMapping("/{id}/cancellation")
    @PreAuthorize("hasAnyRole('citizen', 'registrar')")
    ResponseEntity<AppointmentResponse> cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody(required = false) Cancellation command) {
        Caller caller = Caller.from(jwt);
        Appointment appointment = ETags.requireMatch(ifMatch, readable(caller, id));
        String reason = command == null || command.reason() == null ? "CANCELLED_BY_" + (caller.hasRole("registrar")
                ? "REGISTRAR" : "PERSON") : command.reason();
        auditor.concerning(id, List.of(appointment.person().personRef()));
        return respond(service.cancel(appointment, caller.username(), reason));
    }

    @Operation(summary = "登记到场 Record attendance",
            description = "登记员当日或之后登记是否到场。\n"
                    + "A registrar records on the day, or later, whether the person came.")
    @PostMapping("/{id}/attendance")
    @PreAuthorize("hasRole('registrar')")
    ResponseEntity<AppointmentResponse> attendance(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody Attendance command) {
        Caller caller = Caller.from(jwt);
        Appointment appointment = ETags.requireMatch(ifMatch, readable(caller, id));
        auditor.concerning(id, List.of(appointment.person().personRef()));
        return respond(service.attendance(appointment, command.attended(), caller.username()));
    }

    private static ResponseEntity<AppointmentResponse> respond(Appointment appointment) {
        return ETags.ok(appointment, AppointmentResponse.of(appointment));
    }

    /** Staff of the office's division, or the person it is for (others: 404, as if it did not exist). */
    private Appointment readable(Caller caller, String id) {
        Appointment appointment = appointments.get(id);
        if (caller.hasRole("citizen") && !caller.hasRole("registrar")) {
            authorization.requireOwnRecord(PersonRefs.ofCitizen(caller, cipher),
                    List.of(appointment.person().personRef()), "appointment", id);
            return appointment;
        }
        authorization.requireDivision(caller, appointment.division(), "appointment", id);
        return appointment;
    }
}
