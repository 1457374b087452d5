package cn.minzheng.eldercare.serviceorder.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.minzheng.eldercare.access.ProviderStaff;
import cn.minzheng.eldercare.resident.Elder;
import cn.minzheng.eldercare.serviceorder.Proof;
import cn.minzheng.eldercare.serviceorder.ServiceOrder;
import cn.minzheng.eldercare.serviceorder.ServiceOrders;
import cn.minzheng.eldercare.serviceorder.ServiceType;
import cn.minzheng.platform.audit.Auditor;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonRefs;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.ETags;
import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "居家上门服务 Home care", description = "居家养老上门服务工单：服务凭证在前、结算在后。 Home-care orders: proof of service before reimbursement.")
@RestController
class ServiceOrderController {

    private final ServiceOrders orders;
    private final Authorization authorization;
    private final Auditor auditor;
    private final PersonalDataCipher cipher;

    ServiceOrderController(ServiceOrders orders, Authorization authorization, Auditor auditor,
            PersonalDataCipher cipher) {
        this.orders = orders;
        this.authorization = authorization;
        this.auditor = auditor;
        this.cipher = cipher;
    }

    record NewOrder(@NotNull ResidentIdNumber idNumber, @NotBlank @Size(max = 50) String name,
            @NotNull DivisionCode divisionCode, Boolean disabled, @NotNull ServiceType serviceType,
            @NotNull CreditCode providerCreditCode, @NotBlank @Size(max = 100) String providerName,
            @NotNull LocalDate plannedOn,
            @NotNull @DecimalMin("0.5") @DecimalMax("12") @Digits(integer = 2, fraction = 1) BigDecimal hours) {
    }

    record NewProof(@NotNull Instant checkIn, @NotNull Instant checkOut, @NotBlank @Size(max = 200) String place,
            @NotNull Boolean elderConfirmed, @NotNull @Pattern(regexp = "[0-9a-f]{64}") String photoSha256) {
    }

    /** An order for staff and the person: the ID number masked. */
    record OrderResponse(String id, String name, String idNumber, String divisionCode, ServiceType serviceType,
            String providerCreditCode, String providerName, LocalDate plannedOn, BigDecimal hoursOrdered,
            List<ServiceOrder.Ground> grounds, ServiceOrder.Status status, Proof proof, BigDecimal hoursProved,
            BigDecimal subsidy, List<ServiceOrder.Action> actions) {

        static OrderResponse of(ServiceOrder o) {
            return of(o, List.of());
        }

        /** With what the caller may do on it now (the workbench offers only those forms). */
        static OrderResponse of(ServiceOrder o, Jwt caller) {
            return of(o, o.actions(Caller.from(caller).hasRole("eldercare-officer"), ProviderStaff.hasRole(caller)));
        }

        private static OrderResponse of(ServiceOrder o, List<ServiceOrder.Action> actions) {
            return new OrderResponse(o.id(), o.elder().name(), o.elder().idNumber().masked(), o.division().value(),
                    o.serviceType(), o.provider().value(), o.providerName(), o.plannedOn(), o.hoursOrdered(),
                    o.grounds(), o.status(), o.proof(), o.hoursProved(), o.subsidy(), actions);
        }
    }

    /** A provider's month: what was ordered, proved, and reimbursed or still to be. */
    record Statement(String providerCreditCode, YearMonth month, long orders, long proved, BigDecimal hours,
            BigDecimal subsidy, BigDecimal reimbursed, BigDecimal awaiting, List<OrderResponse> lines) {
    }

    @Operation(summary = "派发上门服务工单 Order home care",
            description = "为符合条件的老人（80 岁以上、低保或特困、残疾，按县规则）派发上门服务工单，指定服务机构。\n"
                    + "Orders home care for an eligible older person (80+, dibao or extreme-poverty support, "
                    + "disabled, by the county's rules) from a provider.")
    @PostMapping("/api/eldercare/service-orders")
    @PreAuthorize("hasRole('eldercare-officer')")
    ResponseEntity<OrderResponse> order(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody NewOrder command) {
        authorization.requireDivision(Caller.from(jwt), command.divisionCode(), "service order", null);
        ServiceOrder order = orders.order(Elder.of(command.idNumber(), command.name(), cipher),
                command.divisionCode(), Boolean.TRUE.equals(command.disabled()), command.serviceType(),
                command.providerCreditCode(), command.providerName(), command.plannedOn(), command.hours(),
                Caller.from(jwt).username());
        auditor.concerning(order.id(), List.of(order.elder().personRef()));
        return ETags.created(URI.create("/api/eldercare/service-orders/" + order.id()), order,
                OrderResponse.of(order));
    }

    @Operation(summary = "查看工单 Read an order",
            description = "工单、服务凭证和补贴；服务机构人员只能查看本机构的工单。\n"
                    + "The order, its proof and subsidy; a provider's staff see their own provider's orders only.")
    @GetMapping("/api/eldercare/service-orders/{id}")
    @PreAuthorize("hasAnyRole('eldercare-officer', 'care-provider', 'auditor', 'admin')")
    ResponseEntity<OrderResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        ServiceOrder order = accessible(jwt, id);
        return ETags.ok(order, OrderResponse.of(order, jwt));
    }

    @Operation(summary = "工单列表 Orders of a division",
            description = "辖区内的上门服务工单（可按状态筛选），计划日期最近的在前，分页并给出总数。\n"
                    + "The division's home-care orders (of one status, when given), latest planned first, paged "
                    + "with the total.")
    @GetMapping("/api/eldercare/service-orders")
    @PreAuthorize("hasAnyRole('eldercare-officer', 'auditor', 'admin')")
    PageResponse<OrderResponse> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division,
            @RequestParam(required = false) ServiceOrder.Status status, @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "service order");
        return PageResponse.of(orders.page(scope, status, page.offset(), page.size()), page,
                orders.count(scope, status), order -> OrderResponse.of(order, jwt));
    }

    @Operation(summary = "提交服务凭证 Prove the service",
            description = "服务机构人员提交签到签退时间、地点、老人确认和照片哈希；补贴按实际服务时长（不超过工单时长）计算。带 If-Match。\n"
                    + "The provider's staff send check-in and check-out, the place, the elder's confirmation and "
                    + "a photo hash; the subsidy is for the hours served, at most those ordered. Send If-Match.")
    @PostMapping("/api/eldercare/service-orders/{id}/proof")
    @PreAuthorize("hasRole('care-provider')")
    ResponseEntity<OrderResponse> prove(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody NewProof command) {
        ServiceOrder order = ETags.requireMatch(ifMatch, accessible(jwt, id));
        orders.prove(order, command.checkIn(), command.checkOut(), command.place(), command.elderConfirmed(),
                command.photoSha256(), Caller.from(jwt).username());
        return ETags.ok(order, OrderResponse.of(order, jwt));
    }

    @Operation(summary = "结算工单 Reimburse an order",
            description = "养老服务科结算已有服务凭证的工单；没有凭证的工单不能结算（409）。带 If-Match。\n"
                    + "An officer reimburses an order with proof of service; one without proof cannot be (409). "
                    + "Send If-Match.")
    @PostMapping("/api/eldercare/service-orders/{id}/reimbursement")
    @PreAuthorize("hasRole('eldercare-officer')")
    ResponseEntity<OrderResponse> reimburse(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ServiceOrder order = ETags.requireMatch(ifMatch, accessible(jwt, id));
        return ETags.ok(order, OrderResponse.of(orders.reimburse(order, Caller.from(jwt).username()), jwt));
    }

    @Operation(summary = "服务机构月度结算单 A provider's monthly statement",
            description = "某服务机构某月的工单、有凭证的工单、服务时长、补贴、已结算和待结算金额。\n"
                    + "A provider's orders of a month, those proved, hours, subsidy, reimbursed and awaiting.")
    @GetMapping("/api/eldercare/service-orders/statements")
    @PreAuthorize("hasAnyRole('eldercare-officer', 'care-provider', 'auditor', 'admin')")
    Statement statement(@AuthenticationPrincipal Jwt jwt, @RequestParam CreditCode providerCreditCode,
            @RequestParam @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])") String month) {
        if (ProviderStaff.hasRole(jwt)) {
            ProviderStaff.requireOwn(jwt, providerCreditCode.value());
        }
        Caller caller = Caller.from(jwt);
        List<ServiceOrder> all = orders.ofProvider(providerCreditCode, YearMonth.parse(month)).stream()
                .filter(o -> ProviderStaff.hasRole(jwt) || caller.division().isEmpty()
                        || DivisionCode.of(caller.division().get()).contains(o.division()))
                .toList();
        List<ServiceOrder> proved = all.stream().filter(o -> o.proof() != null).toList();
        BigDecimal subsidy = proved.stream().map(ServiceOrder::subsidy).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal reimbursed = proved.stream().filter(o -> o.status() == ServiceOrder.Status.REIMBURSED)
                .map(ServiceOrder::subsidy).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Statement(providerCreditCode.value(), YearMonth.parse(month), all.size(), proved.size(),
                proved.stream().map(ServiceOrder::hoursProved).reduce(BigDecimal.ZERO, BigDecimal::add), subsidy,
                reimbursed, subsidy.subtract(reimbursed), all.stream().map(OrderResponse::of).toList());
    }

    @Operation(summary = "我的上门服务 My home care",
            description = "公民查看为本人派发的上门服务工单。\n"
                    + "A citizen sees the home-care orders for them.")
    @GetMapping("/api/eldercare/me/service-orders")
    @PreAuthorize("hasRole('citizen')")
    List<OrderResponse> mine(@AuthenticationPrincipal Jwt jwt) {
        return orders.of(PersonRefs.ofCitizen(Caller.from(jwt), cipher)).stream().map(OrderResponse::of).toList();
    }

    private ServiceOrder accessible(Jwt jwt, String id) {
        ServiceOrder order = orders.get(id);
        if (ProviderStaff.hasRole(jwt)) {
            ProviderStaff.requireOwn(jwt, order.provider().value());
        } else {
            authorization.requireDivision(Caller.from(jwt), order.division(), "service order", order.id());
        }
        return order;
    }
}
