package cn.minzheng.registry.marriage.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

import cn.minzheng.platform.personal.PersonRefs;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.registry.marriage.Marriages;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The citizen's own marriage records (e.g. to show the certificate number in a mobile app). */
@Tag(name = "婚姻登记 Marriages", description = "结婚登记、补领和历史档案补录。 Marriage registration, reissue and back-entry of old records.")
@RestController
class MyMarriagesController {

    private final Marriages marriages;
    private final PersonalDataCipher cipher;

    MyMarriagesController(Marriages marriages, PersonalDataCipher cipher) {
        this.marriages = marriages;
        this.cipher = cipher;
    }

    @Operation(summary = "我的婚姻登记 My marriages",
            description = "公民查看本人的婚姻登记记录。\n"
                    + "A citizen sees their own marriage records.")
    @GetMapping("/api/registry/me/marriages")
    @PreAuthorize("hasRole('citizen')")
    List<MarriageResponse> mine(@AuthenticationPrincipal Jwt jwt) {
        return marriages.of(PersonRefs.ofCitizen(Caller.from(jwt), cipher)).stream().map(m -> MarriageResponse.of(m, false))
                .toList();
    }
}
