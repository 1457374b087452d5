package cn.minzheng.orgs.organization.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Consumer;

import cn.minzheng.orgs.organization.Organization;
import cn.minzheng.orgs.organization.Organizations;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.platform.web.ETags;

import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/** How every officer's change to an organisation goes: of the caller's division, on the version read (If-Match). */
@Component
class OrgChanges {

    private final Organizations organizations;
    private final Authorization authorization;
    private final LegalCalendar calendar;
    private final Clock clock;

    OrgChanges(Organizations organizations, Authorization authorization, LegalCalendar calendar, Clock clock) {
        this.organizations = organizations;
        this.authorization = authorization;
        this.calendar = calendar;
        this.clock = clock;
    }

    ResponseEntity<OrganizationResponse> change(Jwt jwt, String id, String ifMatch, Consumer<Organization> change) {
        Organization org = ETags.requireMatch(ifMatch, inDivision(jwt, id));
        change.accept(org);
        organizations.save(org);
        return ETags.ok(org, view(org, jwt));
    }

    Organization inDivision(Jwt jwt, String id) {
        Organization org = organizations.get(id);
        authorization.requireDivision(Caller.from(jwt), org.division(), "organization", id);
        return org;
    }

    /** The organisation as this caller reads it, with what they may do on it now. */
    OrganizationResponse view(Organization org, Jwt jwt) {
        Caller caller = Caller.from(jwt);
        return OrganizationResponse.of(org, LocalDate.now(clock), calendar,
                org.actions(caller.username(), caller.hasRole("orgs-officer")));
    }
}
