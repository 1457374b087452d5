package cn.minzheng.eldercare.adaptation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import cn.minzheng.eldercare.death.Deaths;
import cn.minzheng.eldercare.resident.Elder;
import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.store.CollectionIndexes;
import cn.minzheng.platform.store.DeclaresIndexes;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * 家庭照护床位: a care bed in an older person's own home, cared for by a provider. One per person: its id is the
 * person's personRef, so a repeat registration finds the first (one insert by {@code _id}, no claim needed). Part of
 * the "four-bed integration" counted in the statistics, with the residential beds.
 */
@Component
public class FamilyCareBeds implements DeclaresIndexes {

    static final String COLLECTION = "family_care_beds";

    /** A bed, as stored and answered: the ID number only masked, the person by personRef (the id). */
    public record Bed(@Id String id, String maskedIdNumber, String name, DivisionCode division, String provider,
            LocalDate since, String registeredBy, Instant registeredAt) {
    }

    public record Registered(Bed bed, boolean created) {
    }

    private final MongoTemplate mongo;
    private final Deaths deaths;
    private final Clock clock;

    FamilyCareBeds(MongoTemplate mongo, Deaths deaths, Clock clock) {
        this.mongo = mongo;
        this.deaths = deaths;
        this.clock = clock;
    }

    @Override
    public CollectionIndexes indexDeclaration() {
        return DeclaresIndexes.indexes(COLLECTION, DeclaresIndexes.index("division", "since"));
    }

    public Registered register(Elder elder, DivisionCode division, CreditCode provider, LocalDate since, String by) {
        if (since.isAfter(LocalDate.now(clock))) {
            throw Refusal.invalid("date-not-past", since).on("since");
        }
        deaths.requireAliveOn(elder.personRef(), since, "idNumber");
        Bed bed = new Bed(elder.personRef(), elder.idNumber().masked(), elder.name(), division, provider.value(),
                since, by, clock.instant());
        try {
            mongo.insert(bed, COLLECTION);
            return new Registered(bed, true);
        } catch (DuplicateKeyException registeredBefore) {
            return new Registered(mongo.findById(elder.personRef(), Bed.class, COLLECTION), false);
        }
    }
}
