package cn.minzheng.orgs.support.web;

import java.util.function.Consumer;

import cn.minzheng.orgs.organization.Organization;
import cn.minzheng.orgs.organization.Organizations;
import cn.minzheng.orgs.support.SupportRecords;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.ETags;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/** What the three support controllers share: the organisation of the caller's division, and one change to a record. */
@Component
class SupportAccess {

    static final String STAFF = "hasAnyRole('orgs-officer', 'auditor', 'admin')";

    private final Organizations organizations;
    private final Authorization authorization;

    SupportAccess(Organizations organizations, Authorization authorization) {
        this.organizations = organizations;
        this.authorization = authorization;
    }

    Organization organization(Jwt jwt, String id) {
        Organization org = organizations.get(id);
        authorization.requireDivision(Caller.from(jwt), org.division(), "organization", id);
        return org;
    }

    DivisionCode scope(Jwt jwt, DivisionCode division, String noun) {
        return authorization.scope(Caller.from(jwt), division, noun);
    }

    /** A record of the caller's division. */
    <T extends OutboxAggregate> T read(Jwt jwt, SupportRecords<T> records, String id,
            java.util.function.Function<T, DivisionCode> division) {
        T record = records.get(id);
        authorization.requireDivision(Caller.from(jwt), division.apply(record), records.collectionName(), id);
        return record;
    }

    /** One change to a record of the caller's division, on the version read (If-Match). */
    <T extends OutboxAggregate> T change(Jwt jwt, SupportRecords<T> records, String id, String ifMatch,
            java.util.function.Function<T, DivisionCode> division, Consumer<T> change) {
        T record = read(jwt, records, id, division);
        ETags.requireMatch(ifMatch, record);
        change.accept(record);
        records.save(record);
        return record;
    }
}
