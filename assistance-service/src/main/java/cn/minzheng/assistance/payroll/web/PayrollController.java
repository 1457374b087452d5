package cn.minzheng.assistance.payroll.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.assistance.payroll.Payment;
import cn.minzheng.assistance.payroll.Payroll;
import cn.minzheng.assistance.payroll.PayrollService;
import cn.minzheng.assistance.payroll.Payrolls;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.security.Caller;

import cn.minzheng.platform.web.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "资金发放 Payroll", description = "按月发放救助金及其明细。 Monthly payroll and its payments.")
@RestController
@RequestMapping("/api/assistance/payrolls")
class PayrollController {

    private final PayrollService service;
    private final Payrolls payrolls;
    private final Authorization authorization;
    private final cn.minzheng.assistance.payroll.Payments payments;
    private final cn.minzheng.platform.text.Texts texts;

    PayrollController(PayrollService service, Payrolls payrolls, Authorization authorization,
            cn.minzheng.assistance.payroll.Payments payments, cn.minzheng.platform.text.Texts texts) {
        this.payments = payments;
        this.texts = texts;
        this.service = service;
        this.payrolls = payrolls;
        this.authorization = authorization;
    }

    /** A regular monthly run, or with {@code holiday} a one-off of a fixed amount for the named programmes. */
    record NewPayroll(@NotNull @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])") String month,
            @NotNull DivisionCode divisionCode, @Valid HolidayBody holiday) {
    }

    record HolidayBody(@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String name,
            @NotEmpty List<@NotNull Programme> programmes,
            @NotNull @DecimalMin("0.01") @Digits(integer = 7, fraction = 2) BigDecimal amountPerHousehold) {
    }

    record PayrollResponse(String id, String divisionCode, YearMonth month, Payment.Kind kind,
            Payroll.Holiday holiday, Payroll.Status status, long processed, long households,
            BigDecimal totalAmount, String startedBy, Instant startedAt, Instant completedAt) {

        static PayrollResponse of(Payroll p) {
            return new PayrollResponse(p.id(), p.county(), p.month(), p.kind(), p.holiday(), p.status(),
                    p.processed(), p.households(), p.totalAmount().amount(), p.startedBy(), p.startedAt(),
                    p.completedAt());
        }
    }

    /** 202 while it runs (also when the same month was started before: the same run is returned). */
    @Operation(summary = "启动月度发放 Run a month's payroll",
            description = "县级审批人启动某月某县的发放；同月重复启动返回同一次发放。\n"
                    + "A county approver runs a month for a county; running it again answers the same run.")
    @PostMapping
    @PreAuthorize("hasRole('county-approver')")
    ResponseEntity<PayrollResponse> start(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody NewPayroll command) {
        if (command.divisionCode().level() != DivisionCode.Level.COUNTY) {
            throw Refusal.invalid("invalid-request").as("payroll-county").on("divisionCode");
        }
        Caller caller = Caller.from(jwt);
        authorization.requireDivision(caller, command.divisionCode(), "payroll", command.divisionCode().value());
        Payroll.Holiday holiday = command.holiday() == null ? null : new Payroll.Holiday(command.holiday().name(),
                command.holiday().programmes(), Money.of(command.holiday().amountPerHousehold()));
        Payroll payroll = service.start(command.divisionCode().value(), YearMonth.parse(command.month()), holiday,
                caller.username());
        URI location = URI.create("/api/assistance/payrolls/" + payroll.id());
        return payroll.status() == Payroll.Status.COMPLETED
                ? ResponseEntity.ok().location(location).body(PayrollResponse.of(payroll))
                : ResponseEntity.accepted().location(location).body(PayrollResponse.of(payroll));
    }

    /** The run's payment list for the bureau's records: CSV that opens in a spreadsheet. */
    @Operation(summary = "发放明细表 A payroll run's payment list (CSV)",
            description = "该批次的发放明细，CSV（UTF-8 带 BOM），可用表格软件打开。\n"
                    + "The run's payment lines as CSV (UTF-8 with a BOM) that opens in a spreadsheet.")
    @GetMapping(value = "/{id}/payments.csv", produces = "text/csv")
    @PreAuthorize("hasAnyRole('county-approver', 'auditor', 'admin')")
    ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> paymentList(
            @AuthenticationPrincipal Jwt jwt, @PathVariable String id, java.util.Locale locale) {
        Payroll payroll = payrolls.get(id);
        authorization.requireDivision(Caller.from(jwt), DivisionCode.of(payroll.county()), "payroll", id);
        // Worded here, on the request's thread: the body is written on another.
        java.util.Map<String, String> programmes = new java.util.HashMap<>();
        for (Programme programme : Programme.values()) {
            programmes.put(programme.name(), texts.label("label.programme." + programme.name()));
        }
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http
                        .ContentDisposition.attachment().filename("payroll-" + payroll.county() + "-"
                                + payroll.month() + ".csv").build().toString())
                .body(out -> {
                    try (var lines = payments.ofPayroll(id)) {
                        PaymentList.csv(lines.iterator(), out, locale, programmes);
                    }
                });
    }

    @Operation(summary = "查看发放批次 Read a payroll run",
            description = "发放进度和合计。\n"
                    + "The run's progress and totals.")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('township-officer', 'county-approver', 'auditor', 'admin')")
    ResponseEntity<PayrollResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Payroll payroll = payrolls.get(id);
        authorization.requireDivision(Caller.from(jwt), DivisionCode.of(payroll.county()), "payroll", id);
        return ETags.ok(payroll, PayrollResponse.of(payroll));
    }
}
