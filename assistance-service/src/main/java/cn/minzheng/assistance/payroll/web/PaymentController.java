package cn.minzheng.assistance.payroll.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;

import cn.minzheng.assistance.household.Household;
import cn.minzheng.assistance.household.Households;
import cn.minzheng.assistance.payroll.Payment;
import cn.minzheng.assistance.payroll.Payments;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.personal.PersonRefs;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Payment lines: staff by household, a citizen for the households they belong to. */
@Tag(name = "资金发放 Payroll", description = "按月发放救助金及其明细。 Monthly payroll and its payments.")
@RestController
class PaymentController {

    private final Payments payments;
    private final Households households;
    private final Authorization authorization;
    private final PersonalDataCipher cipher;

    PaymentController(Payments payments, Households households, Authorization authorization,
            PersonalDataCipher cipher) {
        this.payments = payments;
        this.households = households;
        this.authorization = authorization;
        this.cipher = cipher;
    }

    record PaymentResponse(String id, String payrollId, Payment.Kind kind, String householdId, String enrolmentId,
            String divisionCode, String programme, YearMonth month, BigDecimal amount, Instant paidAt) {

        static PaymentResponse of(Payment p) {
            return new PaymentResponse(p.id(), p.payrollId(), p.kind(), p.householdId(), p.enrolmentId(),
                    p.division().value(), p.programme(), p.month(), p.amount().amount(), p.paidAt());
        }
    }

    @Operation(summary = "发放明细 List payments",
            description = "按区划和月份分页列出发放明细。\n"
                    + "Payments by division and month, paged.")
    @GetMapping("/api/assistance/payments")
    @PreAuthorize("hasAnyRole('township-officer', 'county-approver', 'auditor', 'admin')")
    PageResponse<PaymentResponse> list(@AuthenticationPrincipal Jwt jwt, @RequestParam String householdId,
            @RequestParam(required = false) YearMonth month, @Valid PageParams page) {
        Household household = households.get(householdId);
        authorization.requireDivision(Caller.from(jwt), household.division(), "household",
                householdId);
        List<String> ids = List.of(householdId);
        return PageResponse.of(payments.find(ids, month, page.offset(), page.size()), page,
                payments.count(ids, month), PaymentResponse::of);
    }

    /** The citizen's own payments: every household they are or were a member of. */
    @Operation(summary = "我的救助金 My payments",
            description = "公民查看本人家庭收到的救助金。\n"
                    + "A citizen sees the payments to their household.")
    @GetMapping("/api/assistance/me/payments")
    PageResponse<PaymentResponse> mine(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) YearMonth month, @Valid PageParams page) {
        String me = PersonRefs.ofCitizen(Caller.from(jwt), cipher);
        List<String> ids = households.withMember(me).stream().map(Household::id).toList();
        return PageResponse.of(payments.find(ids, month, page.offset(), page.size()), page,
                payments.count(ids, month), PaymentResponse::of);
    }
}
