package cn.minzheng.assistance.household.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import cn.minzheng.assistance.household.CircumstanceChangeRequest;
import cn.minzheng.assistance.household.Household;
import cn.minzheng.assistance.household.HouseholdRegistry;
import cn.minzheng.assistance.household.Households;
import cn.minzheng.assistance.household.Member;
import cn.minzheng.assistance.household.web.HouseholdRequests.ChangeOfCircumstances;
import cn.minzheng.assistance.household.web.HouseholdRequests.NewHousehold;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.platform.audit.Auditor;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonRefs;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.ProtectedValue;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.ETags;
import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;
import cn.minzheng.platform.text.Texts;

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

@Tag(name = "低保家庭 Households", description = "申请救助的家庭、成员、收入和财产，及其变化。 Households, members, incomes and assets, and their changes.")
@RestController
@RequestMapping("/api/assistance/households")
class HouseholdController {

    private static final String STAFF = "hasAnyRole('township-officer', 'county-approver', 'auditor', 'admin')";

    private final HouseholdRegistry registry;
    private final Households households;
    private final Authorization authorization;
    private final Auditor auditor;
    private final PersonalDataCipher cipher;
    private final Texts texts;
    private final Clock clock;

    HouseholdController(HouseholdRegistry registry, Households households, Authorization authorization,
            Auditor auditor, PersonalDataCipher cipher, Texts texts, Clock clock) {
        this.texts = texts;
        this.registry = registry;
        this.households = households;
        this.authorization = authorization;
        this.auditor = auditor;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Operation(summary = "登记家庭 Register a household",
            description = "乡镇经办人登记家庭成员、收入和财产；身份证号码加密保存，答复中脱敏。\n"
                    + "A township officer registers the members, incomes and assets; ID numbers are stored sealed and answered masked.")
    @PostMapping
    @PreAuthorize("hasRole('township-officer')")
    ResponseEntity<HouseholdResponse> register(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody NewHousehold command) {
        Caller caller = Caller.from(jwt);
        authorization.requireDivision(caller, command.divisionCode(), "household", null);
        List<Member> members = command.members().stream().map(m -> m.toMember(cipher)).toList();
        Household household = registry.register(command.divisionCode(), command.residence(),
                command.address(), members, command.assets().toAssets(),
                command.contactPhone() == null ? null : ProtectedValue.protect(command.contactPhone(), cipher),
                command.paymentAccount() == null ? null : ProtectedValue.protect(command.paymentAccount(), cipher),
                caller.username());
        auditor.concerning(household.id(), household.activeMemberRefs());
        return ResponseEntity.created(URI.create("/api/assistance/households/" + household.id()))
                .eTag(ETags.of(household.version())).body(HouseholdResponse.of(household, LocalDate.now(clock), texts));
    }

    @Operation(summary = "查看家庭 Read a household",
            description = "辖区内工作人员查看家庭（身份证号码脱敏）。\n"
                    + "Staff of the division read a household (ID numbers masked).")
    @GetMapping("/{id}")
    @PreAuthorize(STAFF)
    ResponseEntity<HouseholdResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Household household = inDivision(jwt, id);
        return ResponseEntity.ok().eTag(ETags.of(household.version()))
                .body(HouseholdResponse.of(household, LocalDate.now(clock), texts));
    }

    @Operation(summary = "家庭列表 List households",
            description = "按区划分页列出家庭。\n"
                    + "Households of a division, paged.")
    @GetMapping
    @PreAuthorize(STAFF)
    PageResponse<HouseholdResponse> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division,
            @RequestParam(required = false) Household.Status status, @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "household");
        LocalDate today = LocalDate.now(clock);
        return PageResponse.of(households.find(scope, status, page.offset(), page.size()), page,
                households.count(scope, status), h -> HouseholdResponse.of(h, today, texts));
    }

    /** Either a member's ID number or the beginning of a member's name (a surname, or the full name). */
    record Search(ResidentIdNumber idNumber, @jakarta.validation.constraints.Size(min = 1, max = 50) String name) {
    }

    /**
     * The caller's division's households a person is or was a member of: by ID number (the window's first question),
     * found by the number's keyed index, never by comparing plain text, and audited against the person it names; or
     * by the beginning of a member's name, through the index on members' names, at most {@value #NAME_MATCHES}.
     * A POST so that neither the number nor the name sits in a URL (and so in no access log).
     */
    @Operation(summary = "按身份证号码或姓名查找家庭 Find households by a member's ID number or name",
            description = "号码或姓名放在请求体中，不出现在网址和日志里；只列本区划的家庭。姓名按开头匹配（可只填姓），最多 50 户。\n"
                    + "The number or name goes in the body, never in URLs or logs; only the caller's division's "
                    + "households. A name matches from its beginning (a surname alone will do), at most 50 households.")
    @org.springframework.web.bind.annotation.PostMapping("/search")
    @PreAuthorize(STAFF)
    List<HouseholdResponse> search(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody Search command) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), null, "household");
        LocalDate today = LocalDate.now(clock);
        if ((command.idNumber() == null) == (command.name() == null || command.name().isBlank())) {
            throw Refusal.invalid("invalid-request").as("search-one-of").on("name");
        }
        if (command.idNumber() == null) {
            auditor.record("SEARCH_BY_NAME", "household", null, "200", null);
            return households.withMemberNamed(command.name().strip(), scope, NAME_MATCHES).stream()
                    .map(h -> HouseholdResponse.of(h, today, texts)).toList();
        }
        String personRef = PersonRefs.of(command.idNumber(), cipher);
        auditor.record("SEARCH_BY_ID_NUMBER", "household", null, "200", personRef);
        return households.withMember(personRef).stream().filter(h -> scope.contains(h.division()))
                .map(h -> HouseholdResponse.of(h, today, texts)).toList();
    }

    static final int NAME_MATCHES = 50;

    /** 变更: a change of circumstances; enrolments are recalculated from the month it takes effect. */
    @Operation(summary = "家庭情况变化 Change of circumstances",
            description = "成员、收入等变化，已纳入保障的家庭据此重新核算。带 If-Match。\n"
                    + "Members or incomes change; an enrolled household is recalculated. Send If-Match.")
    @PostMapping("/{id}/changes")
    @PreAuthorize("hasRole('township-officer')")
    ResponseEntity<HouseholdResponse> change(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ChangeOfCircumstances command) {
        Household household = inDivision(jwt, id);
        ETags.requireMatch(ifMatch, household.version());
        Map<String, CircumstanceChangeRequest.MemberUpdate> updates = new LinkedHashMap<>();
        if (command.memberChanges() != null) {
            command.memberChanges().forEach(c -> updates.put(c.personRef(),
                    new CircumstanceChangeRequest.MemberUpdate(c.employed(),
                            c.monthlyIncome() == null ? null : Money.of(c.monthlyIncome()), c.disabilityGrade(),
                            c.selfCare())));
        }
        List<Member> joining = command.membersJoining() == null ? List.of()
                : command.membersJoining().stream().map(m -> m.toMember(cipher)).toList();
        var change = new CircumstanceChangeRequest(command.reason(), command.effectiveOn(), updates, joining,
                command.membersLeaving() == null ? List.of() : command.membersLeaving(),
                command.assets() == null ? null : command.assets().toAssets(), command.address());
        Household changed = registry.change(household, change, Caller.from(jwt).username());
        auditor.concerning(changed.id(), changed.members().stream().map(Member::personRef).toList());
        return ResponseEntity.ok().eTag(ETags.of(changed.version()))
                .body(HouseholdResponse.of(changed, LocalDate.now(clock), texts));
    }

    /**
     * The full ID numbers of the members, for the officer who must, e.g., check them against a bank file. Only
     * township officers and county approvers of the division; every number read is audited and shows up in that
     * person's own data-usage record.
     */
    @Operation(summary = "查看完整身份证号码 Read full ID numbers",
            description = "经授权人员读取完整号码，每次读取记入审计并出现在本人的数据使用记录中。\n"
                    + "Allowed staff read the full numbers; each read is audited and shown in that person's data usage.")
    @GetMapping("/{id}/id-numbers")
    @PreAuthorize("hasAnyRole('township-officer', 'county-approver')")
    List<FullIdNumber> idNumbers(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Household household = inDivision(jwt, id);
        return household.members().stream().map(member -> {
            auditor.personalDataRead("household", household.id(), member.personRef());
            return new FullIdNumber(member.personRef(), member.name(), member.idNumber().reveal(cipher).value());
        }).toList();
    }

    record FullIdNumber(String personRef, String name, String idNumber) {
    }

    private Household inDivision(Jwt jwt, String id) {
        Household household = households.get(id);
        authorization.requireDivision(Caller.from(jwt), household.division(), "household", id);
        return household;
    }

}
