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

    public Organization register(Organization.Registration registration, String by) {
        Organization org = Organization.register(registration, by, clock);
        if (organizations.find(org.id()).isPresent()) {
            throw Refusal.conflict("credit-code-registered", registration.creditCode().value()).on("creditCode");
        }
        String nameKey = registration.division().county().value() + "|"
                + org.name().toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        names.claim(nameKey, org.id(), (key, holder) -> organizations.find(holder).isPresent()).ifPresent(taken -> {
            throw Refusal.conflict("org-name-taken", org.name()).on("name");
        });
        try {
            organizations.insert(org);
        } catch (DuplicateKeyException raced) {
            throw Refusal.conflict("credit-code-registered", registration.creditCode().value()).on("creditCode");
        }
        return org;
    }
}
