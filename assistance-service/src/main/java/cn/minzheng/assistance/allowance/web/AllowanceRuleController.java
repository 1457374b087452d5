package cn.minzheng.assistance.allowance.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.assistance.allowance.AllowanceRuleBook;
import cn.minzheng.assistance.allowance.AllowanceRules;
import cn.minzheng.assistance.allowance.AllowanceSweep;
import cn.minzheng.assistance.allowance.RuleVersion;
import cn.minzheng.assistance.allowance.web.AllowanceRequests.NewRuleVersion;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.ETags;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A county's allowance rules as data: versions proposed and approved by two county approvers (四眼). */
@Tag(name = "补贴规则 Allowance rules", description = "各区县分类补贴的资格条件、标准和就高分组，按生效日期分版本。 "
        + "Each county's eligibility rules, amounts and exclusive groups, versioned by effective date.")
@RestController
@RequestMapping("/api/assistance/allowance-rules")
class AllowanceRuleController {

    private final AllowanceRuleBook ruleBook;
    private final AllowanceSweep sweep;
    private final Authorization authorization;
    private final Clock clock;

    AllowanceRuleController(AllowanceRuleBook ruleBook, AllowanceSweep sweep, Authorization authorization,
            Clock clock) {
        this.ruleBook = ruleBook;
        this.sweep = sweep;
        this.authorization = authorization;
        this.clock = clock;
    }

    /** The county's versions, and the numbers of those the caller may decide now (a second approver's). */
    record RulesResponse(String county, Integer inForce, YearMonth on, List<RuleVersion> versions, long version,
            List<Integer> decidable) {

        static RulesResponse of(AllowanceRules rules, YearMonth on, Jwt jwt) {
            Caller caller = Caller.from(jwt);
            return new RulesResponse(rules.county(), rules.inForce(on).map(RuleVersion::number).orElse(null), on,
                    rules.versions(), rules.version(), caller.hasRole("county-approver")
                            ? rules.decidableBy(caller.username()) : List.of());
        }
    }

    record VersionDecision(@NotNull @Pattern(regexp = "APPROVE|REJECT") String decision) {
    }

    @Operation(summary = "提出规则版本 Propose a rule version",
            description = "县级审批人提出本区县自某日起施行的完整规则（各项目的条件、标准或年龄段、就高分组、"
                    + "在校延长年龄、儿童主任补贴），须另一名审批人批准后生效。\n"
                    + "A county approver proposes the county's whole rule set from a date (criteria, amounts or age "
                    + "bands, exclusive groups, the education extension, the child directors' stipend); a second "
                    + "approver must approve it.")
    @PostMapping
    @PreAuthorize("hasRole('county-approver')")
    ResponseEntity<RulesResponse> propose(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody NewRuleVersion command) {
        Caller caller = Caller.from(jwt);
        DivisionCode county = county(command.county());
        authorization.requireDivision(caller, county, "allowance-rules", county.value());
        AllowanceRules rules = ruleBook.find(county.value()).orElse(null);
        boolean isNew = rules == null;
        if (isNew) {
            rules = AllowanceRules.of(county.value());
        }
        RuleVersion proposed = rules.propose(command.toDraft(), caller.username(), clock);
        if (isNew) {
            ruleBook.insert(rules);
        } else {
            ruleBook.save(rules);
        }
        return ResponseEntity.created(URI.create("/api/assistance/allowance-rules/" + county.value() + "/versions/"
                + proposed.number())).eTag(ETags.of(rules.version())).body(RulesResponse.of(rules, now(), jwt));
    }

    @Operation(summary = "批准规则版本 Decide a rule version",
            description = "另一名县级审批人批准或驳回；批准后自生效日起适用，生效日已过的，符合新条件的人员自生效月起"
                    + "提出纳入建议（补发）。\n"
                    + "Another county approver approves or rejects; once approved it applies from its effective "
                    + "date, and people it newly covers are proposed from that month (arrears).")
    @PostMapping("/{county}/versions/{number}/decision")
    @PreAuthorize("hasRole('county-approver')")
    ResponseEntity<RulesResponse> decide(@AuthenticationPrincipal Jwt jwt, @PathVariable DivisionCode county,
            @PathVariable int number, @Valid @RequestBody VersionDecision command) {
        Caller caller = Caller.from(jwt);
        authorization.requireDivision(caller, county(county), "allowance-rules", county.value());
        AllowanceRules rules = ruleBook.get(county.value());
        boolean approve = "APPROVE".equals(command.decision());
        RuleVersion decided = rules.decide(number, approve, caller.username(), clock);
        ruleBook.save(rules);
        if (approve) {
            sweep.rulesApproved(county.value(), decided);
        }
        return ResponseEntity.ok().eTag(ETags.of(rules.version())).body(RulesResponse.of(rules, now(), jwt));
    }

    @Operation(summary = "查看规则 Read a county's rules",
            description = "全部版本及指定日期所在月份施行的版本。\n"
                    + "Every version, and the one in force in the month of the date asked (today by default).")
    @GetMapping("/{county}")
    @PreAuthorize(AllowanceController.STAFF)
    ResponseEntity<RulesResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable DivisionCode county,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        authorization.scope(Caller.from(jwt), county(county), "allowance-rules");
        AllowanceRules rules = ruleBook.get(county.value());
        YearMonth month = on == null ? now() : YearMonth.from(on);
        return ResponseEntity.ok().eTag(ETags.of(rules.version())).body(RulesResponse.of(rules, month, jwt));
    }

    private YearMonth now() {
        return YearMonth.now(clock);
    }

    private static DivisionCode county(DivisionCode code) {
        if (code.level() != DivisionCode.Level.COUNTY) {
            throw Refusal.invalid("invalid-request").as("allowance-rules-county").on("county");
        }
        return code;
    }
}
