package cn.minzheng.orgs.organization.web;

import java.time.LocalDate;

import cn.minzheng.orgs.organization.AnnualReport;
import cn.minzheng.orgs.organization.OrgStatus;
import cn.minzheng.orgs.organization.OrgType;
import cn.minzheng.orgs.organization.Organization;
import cn.minzheng.platform.time.LegalCalendar;

/**
 * An organisation as the public sees it (信息公开), in a search and in the open-data export alike: no legal
 * representative's ID number, no officer names. Status, list membership and grade are as of the day read.
 */
record PublicOrganization(String name, String creditCode, OrgType type, String businessScope, String divisionCode,
        String address, LocalDate registeredOn, OrgStatus status, LocalDate listedSince, LocalDate charitySince,
        Integer lastInspectionYear, AnnualReport.Verdict lastInspectionResult, String grade,
        LocalDate gradeValidUntil) {

    static PublicOrganization of(Organization o, LocalDate today, LegalCalendar calendar) {
        var grade = o.gradeOn(today);
        var verdict = o.lastVerdict();
        var standing = o.standingOn(today, calendar);
        return new PublicOrganization(o.name(), o.creditCode().value(), o.type(), o.businessScope(),
                o.division().value(), o.address(), o.registeredOn(), standing.status(), standing.listedSince(),
                o.charityRecognizedOn(),
                verdict.map(AnnualReport::year).orElse(null), verdict.map(AnnualReport::verdict).orElse(null),
                grade.map(g -> g.label()).orElse(null), grade.map(g -> g.validUntil()).orElse(null));
    }
}
