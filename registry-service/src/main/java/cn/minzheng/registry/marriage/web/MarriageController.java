package cn.minzheng.registry.marriage.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.minzheng.platform.audit.Auditor;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonRefs;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.ETags;
import cn.minzheng.registry.marriage.Marriage;
import cn.minzheng.registry.marriage.MarriageService;
import cn.minzheng.registry.marriage.Marriages;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * Marriage registration at a registrar's window. A registrar registers at an office of their own division, for
 * anyone (全国通办: no residence restriction), and may look up any record by ID number, since "already married"
 * must be answerable wherever the couple comes from.
 */
@Tag(name = "婚姻登记 Marriages", description = "结婚登记、补领和历史档案补录。 Marriage registration, reissue and back-entry of old records.")
@RestController
@RequestMapping("/api/registry/marriages")
class MarriageController {

    private final MarriageService service;
    private final Marriages marriages;
    private final Offices offices;
    private final Authorization authorization;
    private final Auditor auditor;
    private final PersonalDataCipher cipher;

    MarriageController(MarriageService service, Marriages marriages, Offices offices, Authorization authorization,
            Auditor auditor, PersonalDataCipher cipher) {
        this.service = service;
        this.marriages = marriages;
        this.offices = offices;
        this.authorization = authorization;
        this.auditor = auditor;
        this.cipher = cipher;
    }

    record PartyCommand(@NotNull ResidentIdNumber idNumber, @NotBlank @Size(max = 50) String name) {

        Party toParty(PersonalDataCipher cipher) {
            return Party.of(idNumber, name, cipher);
        }
    }

    record NewMarriage(@NotNull @Valid PartyCommand partyA, @NotNull @Valid PartyCommand partyB,
            @NotBlank String officeId, @NotNull Boolean declarationSigned) {
    }

    record BackEntryCommand(@NotNull @Valid PartyCommand partyA, @NotNull @Valid PartyCommand partyB,
            @NotBlank String officeId, @NotNull @PastOrPresent LocalDate registeredOn,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{4,40}") String certificateNo, @NotNull Marriage.Status status,
            @NotBlank @Size(max = 500) String provenance) {
    }

    /** {@code officeId}: the acting registrar's own office (全国通办: reissued where the couple asks). */
    record Reissue(@NotBlank @Size(max = 500) String reason, @NotBlank @Size(max = 64) String officeId) {
    }

    @Operation(summary = "结婚登记 Register a marriage",
            description = "登记员在办理日为双方登记结婚并发结婚证；审查法定婚龄、重婚和死亡。\n"
                    + "A registrar registers a marriage on a registration day and issues the certificate; age, existing marriages and deaths are checked.")
    @PostMapping
    @PreAuthorize("hasRole('registrar')")
    ResponseEntity<MarriageResponse> register(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody NewMarriage command) {
        Office office = officeOfCaller(jwt, command.officeId());
        Marriage marriage = service.register(office, command.partyA().toParty(cipher),
                command.partyB().toParty(cipher), command.declarationSigned(), Caller.from(jwt).username());
        auditor.concerning(marriage.id(), marriage.personRefs());
        return ETags.created(URI.create("/api/registry/marriages/" + marriage.id()), marriage,
                MarriageResponse.of(marriage, true));
    }

    /** 历史数据补录: an old record entered with where it came from; flagged as back-entered, announces nothing. */
    @Operation(summary = "补录历史婚姻档案 Back-enter an old record",
            description = "录入纸质档案中的婚姻，保留原证号和日期。\n"
                    + "Enters a marriage from the paper archive with its original number and date.")
    @PostMapping("/back-entries")
    @PreAuthorize("hasRole('registrar')")
    ResponseEntity<MarriageResponse> backEnter(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody BackEntryCommand command) {
        Office office = officeOfCaller(jwt, command.officeId());
        Marriage marriage = service.backEnter(office, command.partyA().toParty(cipher),
                command.partyB().toParty(cipher), command.registeredOn(), command.certificateNo(), command.status(),
                command.provenance(), Caller.from(jwt).username());
        auditor.concerning(marriage.id(), marriage.personRefs());
        return ETags.created(URI.create("/api/registry/marriages/" + marriage.id()), marriage,
                MarriageResponse.of(marriage, true));
    }

    @Operation(summary = "查看婚姻登记 Read a marriage",
            description = "婚姻登记及其证件（身份证号码脱敏）。婚姻登记全国通办，任何辖区的登记员都可查看。\n"
                    + "A marriage and its certificates (ID numbers masked). Marriage registration is nationwide "
                    + "(全国通办): a registrar of any division may read it.",
            extensions = @io.swagger.v3.oas.annotations.extensions.Extension(properties =
                    @io.swagger.v3.oas.annotations.extensions.ExtensionProperty(name = "x-nationwide",
                            value = "true", parseValue = true)))
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('registrar', 'auditor', 'admin')")
    ResponseEntity<MarriageResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Marriage marriage = marriages.get(id);
        return ETags.ok(marriage, MarriageResponse.of(marriage, Caller.from(jwt).hasRole("registrar")));
    }

    record Search(@NotNull ResidentIdNumber idNumber) {
    }

    /**
     * A person's marriages by ID number (the check at the window). A POST so that the number never sits in a URL
     * (and so in no access log); every search is audited against the person it names.
     */
    @Operation(summary = "按身份证号码查询 Find by ID number",
            description = "号码放在请求体中，不出现在网址和日志里。\n"
                    + "The number goes in the body, never in URLs or logs.")
    @PostMapping("/search")
    @PreAuthorize("hasRole('registrar')")
    List<MarriageResponse> ofPerson(@Valid @RequestBody Search command) {
        String personRef = PersonRefs.of(command.idNumber(), cipher);
        auditor.record("SEARCH_BY_ID_NUMBER", "marriage", null, "200", personRef);
        return marriages.of(personRef).stream().map(m -> MarriageResponse.of(m, true)).toList();
    }

    /** 补领: a lost certificate is replaced by a new number linked to the original. */
    @Operation(summary = "补领结婚证 Reissue a certificate",
            description = "在办理登记员本辖区的登记处补领（全国通办）：按该登记处的证号序列发新证号并关联旧证，旧证号保留；"
                    + "指定其他辖区登记处的 403。\n"
                    + "Reissued at an office of the acting registrar's own division (nationwide service): a new number "
                    + "from that office's series, linked to the old one, which is kept; another division's office is "
                    + "403.")
    @PostMapping("/{id}/reissue")
    @PreAuthorize("hasRole('registrar')")
    ResponseEntity<MarriageResponse> reissue(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody Reissue command) {
        Marriage marriage = ETags.requireMatch(ifMatch, marriages.get(id));
        // At the acting registrar's office, from its series: never at another division's office.
        Office office = officeOfCaller(jwt, command.officeId());
        auditor.concerning(id, marriage.personRefs());
        Marriage reissued = service.reissue(marriage, office, command.reason(), Caller.from(jwt).username());
        return ETags.ok(reissued, MarriageResponse.of(reissued, true));
    }

    private Office officeOfCaller(Jwt jwt, String officeId) {
        Office office = offices.get(officeId);
        authorization.requireDivision(Caller.from(jwt), office.division(), "office", office.id());
        return office;
    }
}
