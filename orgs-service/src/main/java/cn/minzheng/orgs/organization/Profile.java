package cn.minzheng.orgs.organization;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.platform.identity.DivisionCode;

/**
 * What the registration recorded of an organisation, as change filings have amended it since: its name, type,
 * code, sponsor, representative, scope, capital, address, division and the day and officer of registration. Kept
 * flat in the organisation's document ({@code @Unwrapped}), so the register's queries and indexes are unchanged.
 */
public record Profile(String name, OrgType type, CreditCode creditCode, String sponsorUnit,
        boolean directRegistration, LegalRepresentative legalRepresentative, String businessScope,
        BigDecimal registeredCapital, String address, DivisionCode division, LocalDate registeredOn,
        String registeredBy) {

    /** The item as the history keeps it: a representative by name and masked number, never the number. */
    String current(Amendment.Item item) {
        return switch (item) {
            case NAME -> name;
            case LEGAL_REPRESENTATIVE -> describe(legalRepresentative);
            case BUSINESS_SCOPE -> businessScope;
            case ADDRESS -> address;
            case SPONSOR_UNIT -> sponsorUnit;
        };
    }

    /** The profile with one item changed by a change filing. */
    Profile amended(Amendment.Item item, String to, LegalRepresentative representative) {
        return switch (item) {
            case NAME -> new Profile(to, type, creditCode, sponsorUnit, directRegistration, legalRepresentative,
                    businessScope, registeredCapital, address, division, registeredOn, registeredBy);
            case LEGAL_REPRESENTATIVE -> new Profile(name, type, creditCode, sponsorUnit, directRegistration,
                    representative, businessScope, registeredCapital, address, division, registeredOn, registeredBy);
            case BUSINESS_SCOPE -> new Profile(name, type, creditCode, sponsorUnit, directRegistration,
                    legalRepresentative, to, registeredCapital, address, division, registeredOn, registeredBy);
            case ADDRESS -> new Profile(name, type, creditCode, sponsorUnit, directRegistration, legalRepresentative,
                    businessScope, registeredCapital, to, division, registeredOn, registeredBy);
            case SPONSOR_UNIT -> new Profile(name, type, creditCode, to, directRegistration, legalRepresentative,
                    businessScope, registeredCapital, address, division, registeredOn, registeredBy);
        };
    }

    static String describe(LegalRepresentative representative) {
        return representative.name() + " " + representative.idNumber().masked();
    }
}
