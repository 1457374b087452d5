package cn.minzheng.orgs.organization.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.orgs.organization.CreditRecords;
import cn.minzheng.orgs.organization.OrgStatus;
import cn.minzheng.orgs.organization.Organization;
import cn.minzheng.orgs.organization.Organizations;
import cn.minzheng.orgs.organization.RevocationProposal;
import cn.minzheng.orgs.organization.StatusChange;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The registry's worklists, computed as of today (true when read). */
@Tag(name = "社会组织监管 Supervision")
@RestController
@RequestMapping("/api/orgs/worklists")
@PreAuthorize("hasAnyRole('orgs-officer', 'auditor')")
class WorklistController {

    private final Organizations organizations;
    private final Authorization authorization;
    private final LegalCalendar calendar;
    private final Clock clock;

    WorklistController(Organizations organizations, Authorization authorization, LegalCalendar calendar,
            Clock clock) {
        this.organizations = organizations;
        this.authorization = authorization;
        this.calendar = calendar;
        this.clock = clock;
    }

    record RevocationCandidate(String id, String name, String creditCode, OrgStatus status, int firstMissedYear,
            List<Integer> missedReports, RevocationProposal proposal) {
    }

    @Operation(summary = "僵尸型社会组织撤销清单 Revocation worklist",
            description = "连续两年未参加年检（未在截止日前报送年度报告）的社会组织，及其撤销提议（待另一名人员确认）；"
                    + "分页并给出总数，按当日计算。\n"
                    + "Organisations with two consecutive years without annual inspection (no report received by the "
                    + "deadline), with any proposal awaiting a second officer; paged with the total, as of today.")
    @GetMapping("/revocation")
    PageResponse<RevocationCandidate> revocation(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division, @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "organization");
        LocalDate today = LocalDate.now(clock);
        // The page's records only (a range on dates.revocableFrom); each standing is computed when read.
        return PageResponse.of(organizations.revocable(scope, today, page.offset(), page.size()), page,
                organizations.countRevocable(scope, today), o -> {
                    var standing = o.standingOn(today, calendar);
                    return new RevocationCandidate(o.id(), o.name(), o.creditCode().value(), standing.status(),
                            standing.zombieSince(), standing.missedReports(), o.revocationProposal());
                });
    }

    record CreditRecordDue(int change, OrgStatus from, OrgStatus to, LocalDate effectiveOn, LocalDate dueBy,
            boolean overdue) {
    }

    record CreditRecordsDue(String id, String name, List<CreditRecordDue> due) {
    }

    @Operation(summary = "信用记录待录入清单 Credit records due",
            description = "列入或移出名录后尚未录入信用记录的决定，应在决定后 5 个工作日内录入；逾期的标明 overdue。"
                    + "按组织分页并给出总数。\n"
                    + "List decisions not yet entered in the credit record, due within 5 working days; overdue ones "
                    + "are marked. Paged by organisation, with the total.")
    @GetMapping("/credit-records")
    PageResponse<CreditRecordsDue> creditRecords(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division,
            @RequestParam(defaultValue = "false") boolean overdueOnly, @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "organization");
        LocalDate today = LocalDate.now(clock);
        // Revoked and deregistered organisations included: leaving a list by revocation is a credit record too.
        LocalDate overdueOn = overdueOnly ? today : null;
        return PageResponse.of(organizations.creditRecordsDue(scope, overdueOn, page.offset(), page.size()), page,
                organizations.countCreditRecordsDue(scope, overdueOn), o -> due(o, today, overdueOnly));
    }

    private CreditRecordsDue due(Organization o, LocalDate today, boolean overdueOnly) {
        List<StatusChange> history = o.history();
        List<CreditRecordDue> due = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            StatusChange change = history.get(i);
            if (change.isCreditChange() && change.creditRecordedOn() == null) {
                LocalDate dueBy = CreditRecords.dueBy(change, calendar, clock);
                if (!overdueOnly || today.isAfter(dueBy)) {
                    due.add(new CreditRecordDue(i, change.from(), change.to(), change.effectiveOn(), dueBy,
                            today.isAfter(dueBy)));
                }
            }
        }
        return new CreditRecordsDue(o.id(), o.name(), due);
    }
}
