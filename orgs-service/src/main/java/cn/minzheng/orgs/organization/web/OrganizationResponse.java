package cn.minzheng.orgs.organization.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.minzheng.orgs.organization.OrgStatus;
import cn.minzheng.orgs.organization.OrgType;
import cn.minzheng.orgs.organization.Organization;
import cn.minzheng.orgs.organization.StatusChange;

/** An organisation as staff see it: the legal representative's ID number masked, the whole status history. */
record OrganizationResponse(String id, String name, OrgType type, String creditCode, String sponsorUnit,
        boolean directRegistration, Representative legalRepresentative, String businessScope,
        BigDecimal registeredCapital, String address, String divisionCode, LocalDate registeredOn,
        String registeredBy, OrgStatus status, List<StatusChange> history) {

    record Representative(String name, String idNumber) {
    }

    static OrganizationResponse of(Organization o) {
        return new OrganizationResponse(o.id(), o.name(), o.type(), o.creditCode().value(), o.sponsorUnit(),
                o.directRegistration(), new Representative(o.legalRepresentative().name(),
                        o.legalRepresentative().idNumber().masked()), o.businessScope(), o.registeredCapital(),
                o.address(), o.division().value(), o.registeredOn(), o.registeredBy(), o.status(), o.history());
    }
}
