package cn.minzheng.assistance.application.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

import cn.minzheng.assistance.application.Applications;
import cn.minzheng.assistance.household.Household;
import cn.minzheng.assistance.household.Households;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.platform.personal.PersonRefs;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.text.Texts;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** For mobile apps: the applications of every household the citizen belongs to, found by the ID in the token. */
@Tag(name = "救助申请 Applications", description = "从申请、乡镇审核、公示到县级审批。 From application through township review and public notice to county approval.")
@RestController
class MyApplicationsController {

    private final Applications applications;
    private final Households households;
    private final PersonalDataCipher cipher;
    private final LegalCalendar calendar;
    private final Texts texts;

    MyApplicationsController(Applications applications, Households households, PersonalDataCipher cipher,
            LegalCalendar calendar, Texts texts) {
        this.texts = texts;
        this.calendar = calendar;
        this.applications = applications;
        this.households = households;
        this.cipher = cipher;
    }

    @Operation(summary = "我的申请 My applications",
            description = "公民查看本人家庭的申请及进度。\n"
                    + "A citizen sees their household's applications and how far they are.")
    @GetMapping("/api/assistance/me/applications")
    List<ApplicationResponse> mine(@AuthenticationPrincipal Jwt jwt) {
        String me = PersonRefs.ofCitizen(Caller.from(jwt), cipher);
        List<String> ids = households.withMember(me).stream().map(Household::id).toList();
        return applications.ofHouseholds(ids).stream().map(a -> ApplicationResponse.of(a, calendar, texts, java.util.Set.of())).toList();
    }
}
