package cn.minzheng.orgs.support.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.minzheng.orgs.organization.Organization;
import cn.minzheng.orgs.support.Donation;
import cn.minzheng.orgs.support.SupportRecords;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.ETags;
import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;

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

@Tag(name = "培育扶持 Support")
@RestController
@RequestMapping("/api/orgs/donations")
class DonationController {

    private final SupportRecords.Donations donations;
    private final SupportAccess access;
    private final Clock clock;

    DonationController(SupportRecords.Donations donations, SupportAccess access, Clock clock) {
        this.donations = donations;
        this.access = access;
        this.clock = clock;
    }

    record NewDonation(@NotBlank @Size(max = 40) String organizationId, @NotNull Donation.DonorKind donorKind,
            @Size(max = 100) String donorName, @Size(max = 200) String purpose,
            @NotNull @Digits(integer = 12, fraction = 2) BigDecimal pledged, @NotNull LocalDate pledgedOn) {
    }

    record DonationResponse(String id, String organizationId, String divisionCode, Donation.DonorKind donorKind,
            String donorName, String purpose, BigDecimal pledged, LocalDate pledgedOn, BigDecimal received,
            List<Donation.Receipt> receipts, List<Donation.Action> actions) {

        /** With what the caller may do on it now (the workbench offers only those forms). */
        static DonationResponse of(Donation d, Jwt caller) {
            return new DonationResponse(d.id(), d.orgId(), d.division().value(), d.donorKind(), d.donorName(),
                    d.purpose(), d.pledged(), d.pledgedOn(), d.received(), d.receipts(),
                    d.actions(Caller.from(caller).hasRole("orgs-officer")));
        }
    }

    @Operation(summary = "登记捐赠承诺 Record a pledge", description = "向已认定的慈善组织承诺的捐赠：捐赠方类别（个人不记姓名）、用途、金额和日期；"
            + "不是慈善组织的 422。\nA donation pledged to a recognised charity: donor kind (a person is not named), "
            + "purpose, amount and day; an organisation that is not a charity is a 422.")
    @PostMapping
    @PreAuthorize("hasRole('orgs-officer')")
    ResponseEntity<DonationResponse> pledge(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody NewDonation command) {
        Organization org = access.organization(jwt, command.organizationId());
        Donation donation = Donation.pledge(org.id(), org.isCharity(), org.division(), command.donorKind(),
                command.donorName(), command.purpose(), command.pledged(), command.pledgedOn(), clock);
        donations.insert(donation);
        return ETags.created(URI.create("/api/orgs/donations/" + donation.id()), donation,
                DonationResponse.of(donation, jwt));
    }

    @Operation(summary = "捐赠列表 List donations", description = "辖区内的捐赠，可按慈善组织筛选。\n"
            + "A division's donations, optionally to one charity.")
    @GetMapping
    @PreAuthorize(SupportAccess.STAFF)
    PageResponse<DonationResponse> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division,
            @RequestParam(required = false) @Size(max = 40) String organizationId, @Valid PageParams page) {
        DivisionCode scope = access.scope(jwt, division, "donation");
        return PageResponse.of(donations.find(scope, organizationId, page.offset(), page.size()), page,
                donations.count(scope, organizationId), donation -> DonationResponse.of(donation, jwt));
    }

    @Operation(summary = "查看捐赠 Read a donation", description = "查看捐赠。\nRead a donation.")
    @GetMapping("/{id}")
    @PreAuthorize(SupportAccess.STAFF)
    ResponseEntity<DonationResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Donation record = access.read(jwt, donations, id, Donation::division);
        return ETags.ok(record, DonationResponse.of(record, jwt));
    }

    record ReceiptBody(@NotNull @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull LocalDate receivedOn) {
    }

    @Operation(summary = "捐赠到账 Record a receipt", description = "承诺捐赠的一笔到账；累计到账不得超过承诺金额。带 If-Match。\n"
            + "One instalment received; what is received never exceeds the pledge. Send If-Match.")
    @PostMapping("/{id}/receipts")
    @PreAuthorize("hasRole('orgs-officer')")
    ResponseEntity<DonationResponse> receive(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ReceiptBody command) {
        Donation donation = access.change(jwt, donations, id, ifMatch, Donation::division, d -> d.receive(
                command.amount(), command.receivedOn(), Caller.from(jwt).username(), clock));
        return ETags.ok(donation, DonationResponse.of(donation, jwt));
    }
}
