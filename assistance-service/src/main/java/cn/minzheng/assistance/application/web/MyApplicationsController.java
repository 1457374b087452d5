package cn.minzheng.assistance.application.web;

import java.util.List;

import cn.minzheng.assistance.application.Applications;
import cn.minzheng.assistance.household.Household;
import cn.minzheng.assistance.household.Households;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.platform.personal.PersonRefs;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.security.Caller;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** For mobile apps: the applications of every household the citizen belongs to, found by the ID in the token. */
@RestController
class MyApplicationsController {

    private final Applications applications;
    private final Households households;
    private final PersonalDataCipher cipher;
    private final LegalCalendar calendar;

    MyApplicationsController(Applications applications, Households households, PersonalDataCipher cipher,
            LegalCalendar calendar) {
        this.calendar = calendar;
        this.applications = applications;
        this.households = households;
        this.cipher = cipher;
    }

    @GetMapping("/api/assistance/me/applications")
    List<ApplicationResponse> mine(@AuthenticationPrincipal Jwt jwt) {
        String me = PersonRefs.ofCitizen(Caller.from(jwt), cipher);
        List<String> ids = households.withMember(me).stream().map(Household::id).toList();
        return applications.ofHouseholds(ids).stream().map(a -> ApplicationResponse.of(a, calendar)).toList();
    }
}
