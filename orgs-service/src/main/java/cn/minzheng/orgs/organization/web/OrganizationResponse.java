package cn.minzheng.orgs.organization.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.minzheng.orgs.organization.Amendment;
import cn.minzheng.orgs.organization.AnnualReport;
import cn.minzheng.orgs.organization.Deregistration;
import cn.minzheng.orgs.organization.MajorMatter;
import cn.minzheng.orgs.organization.RevocationProposal;
import cn.minzheng.orgs.organization.Evaluation;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.orgs.organization.OrgStatus;
import cn.minzheng.orgs.organization.OrgType;
import cn.minzheng.orgs.organization.Organization;
import cn.minzheng.orgs.organization.StatusChange;

/** An organisation as staff see it: the legal representative's ID number masked, the whole status history. */
record OrganizationResponse(String id, String name, OrgType type, String creditCode, String sponsorUnit,
        boolean directRegistration, Representative legalRepresentative, String businessScope,
        BigDecimal registeredCapital, String address, String divisionCode, LocalDate registeredOn,
        String registeredBy, OrgStatus status, List<Integer> missedReports, List<AnnualReport> reports,
        List<StatusChange> history, List<Amendment> amendments, Grade grade, List<Grade> evaluations,
        LocalDate charityRecognizedOn, List<MajorMatter> majorMatters, Deregistration deregistration,
        RevocationProposal revocationProposal, List<Organization.Action> actions) {

    record Representative(String name, String idNumber) {
    }

    /** A grade as read: "4A", when graded and until when it is valid. */
    record Grade(String grade, LocalDate gradedOn, LocalDate validUntil) {

        static Grade of(Evaluation e) {
            return new Grade(e.label(), e.gradedOn(), e.validUntil());
        }
    }

    /**
     * As of {@code today}: the status reads ABNORMAL from the day after a missed deadline, and the grade shown is
     * the one in force, so neither waits for a sweep.
     */
    static OrganizationResponse of(Organization o, LocalDate today, LegalCalendar calendar,
            List<Organization.Action> actions) {
        var standing = o.standingOn(today, calendar);
        return new OrganizationResponse(o.id(), o.name(), o.type(), o.creditCode().value(), o.sponsorUnit(),
                o.directRegistration(), new Representative(o.legalRepresentative().name(),
                        o.legalRepresentative().idNumber().masked()), o.businessScope(), o.registeredCapital(),
                o.address(), o.division().value(), o.registeredOn(), o.registeredBy(), standing.status(),
                standing.missedReports(), o.reports(), o.history(), o.amendments(),
                o.gradeOn(today).map(Grade::of).orElse(null), o.evaluations().stream().map(Grade::of).toList(),
                o.charityRecognizedOn(), o.majorMatters(), o.deregistration(), o.revocationProposal(), actions);
    }
}
