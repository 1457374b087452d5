package cn.minzheng.assistance.allowance.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.assistance.allowance.Beneficiaries;
import cn.minzheng.assistance.allowance.CitizenHousehold;
import cn.minzheng.platform.security.Caller;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A citizen's own allowances and those of the minors of their household. */
@Tag(name = "分类补贴 Allowances")
@RestController
class MyAllowancesController {

    private final Beneficiaries beneficiaries;
    private final CitizenHousehold citizens;
    private final AllowanceViews views;

    MyAllowancesController(Beneficiaries beneficiaries, CitizenHousehold citizens, AllowanceViews views) {
        this.beneficiaries = beneficiaries;
        this.citizens = citizens;
        this.views = views;
    }

    @Operation(summary = "我的分类补贴 My allowances",
            description = "公民查看本人及同户未成年人的分类补贴（身份证号码脱敏）。\n"
                    + "A citizen sees their own allowances and those of the minors of their household (ID numbers "
                    + "masked).")
    @GetMapping("/api/assistance/me/allowances")
    @PreAuthorize("hasRole('citizen')")
    List<AllowanceResponse> mine(@AuthenticationPrincipal Jwt jwt) {
        return beneficiaries.all(citizens.personRefs(Caller.from(jwt))).stream()
                .flatMap(b -> b.allowances().stream().map(a -> views.of(b, a))).toList();
    }
}
