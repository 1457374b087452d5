package cn.minzheng.registry.appointment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

import cn.minzheng.platform.personal.PersonRefs;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.registry.appointment.Appointments;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The citizen's own bookings, found by the ID number in their token. */
@Tag(name = "预约 Appointments", description = "登记预约：名额、预约、取消与到场。 Booking: places, bookings, cancellation and attendance.")
@RestController
class MyAppointmentsController {

    private final Appointments appointments;
    private final PersonalDataCipher cipher;

    MyAppointmentsController(Appointments appointments, PersonalDataCipher cipher) {
        this.appointments = appointments;
        this.cipher = cipher;
    }

    @Operation(summary = "我的预约 My bookings",
            description = "公民查看本人的预约。\n"
                    + "A citizen sees their own bookings.")
    @GetMapping("/api/registry/me/appointments")
    @PreAuthorize("hasRole('citizen')")
    List<AppointmentResponse> mine(@AuthenticationPrincipal Jwt jwt) {
        return appointments.of(PersonRefs.ofCitizen(Caller.from(jwt), cipher)).stream()
                .map(AppointmentResponse::of).toList();
    }
}
