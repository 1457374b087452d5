package cn.minzheng.orgs.organization;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import cn.minzheng.platform.claims.ExclusiveClaims;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Registers organisations with the two uniqueness rules the registry keeps: one registration per credit code (the
 * derived id decides) and one name per registering authority, the county (a claim on
 * {@code <county>|<name>} in {@code org_names}, whose {@code _id} decides between concurrent registrations).
 */
@Service
public class OrgRegistry {

    private final Organizations organizations;
    private final ExclusiveClaims names;
    private final Clock clock;

    OrgRegistry(Organizations organizations, MongoTemplate mongo, Clock clock) {
        this.organizations = organizations;
        this.names = new ExclusiveClaims(mongo, "org_names", Duration.ofSeconds(30));
        this.clock = clock;
    }

    /**
     * A change filing; a new name is claimed first, as at registration, and the old one released once the change
     * is stored.
     */
    public Organization amend(Organization org, Amendment.Item item, String value,
            LegalRepresentative representative, java.time.LocalDate approvedOn, String by) {
        String oldName = org.name();
        if (item == Amendment.Item.NAME && value != null && !value.strip().equals(oldName)) {
            claimName(org, value.strip(), "value");
        }
        org.amend(item, value, representative, approvedOn, by, clock);
        organizations.save(org);
        if (!org.name().equals(oldName)) {
            names.release(nameKey(org, oldName), org.id());
        }
        return org;
    }

    private void claimName(Organization org, String name, String field) {
        names.claim(nameKey(org, name), org.id(), (key, holder) -> organizations.find(holder)
                .filter(o -> nameKey(o, o.name()).equals(key)).isPresent()).ifPresent(taken -> {
                    throw Refusal.conflict("org-name-taken", name).on(field);
                });
    }

    private static String nameKey(Organization org, String name) {
        return org.division().county().value() + "|" + name.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    public Organization register(Organization.Registration registration, String by) {
        return insert(Organization.register(registration, by, clock));
    }

    /**
     * Stores a newly registered organisation under both uniqueness rules (demo and migrated registers enter their
     * history before it is stored, in one write).
     */
    public Organization insert(Organization org) {
        if (organizations.find(org.id()).isPresent()) {
            throw Refusal.conflict("credit-code-registered", org.creditCode().value()).on("creditCode");
        }
        claimName(org, org.name(), "name");
        try {
            organizations.insert(org);
        } catch (DuplicateKeyException raced) {
            throw Refusal.conflict("credit-code-registered", org.creditCode().value()).on("creditCode");
        }
        return org;
    }
}
