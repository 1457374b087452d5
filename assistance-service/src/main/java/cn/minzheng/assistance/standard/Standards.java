package cn.minzheng.assistance.standard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.assistance.benefit.Residence;
import cn.minzheng.assistance.money.Money;

import cn.minzheng.platform.store.CollectionIndexes;
import cn.minzheng.platform.store.DeclaresIndexes;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** All versions of all standards; the one in force is always derived, never stored as a flag that can drift. */
@Component
public class Standards implements DeclaresIndexes {

    /** In force = latest effective date on or before the day, and for equal dates the newest version. */
    private static final Comparator<Standard> PRECEDENCE = Comparator.comparing(Standard::effectiveFrom)
            .thenComparing(Standard::createdAt);

    private final MongoTemplate mongo;
    private final Clock clock;

    Standards(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Standard add(String county, Programme programme, Residence residence, Money amount, LocalDate effectiveFrom,
            String createdBy) {
        String supersedes = history(county, programme).stream()
                .filter(s -> s.residence() == residence && s.effectiveFrom().equals(effectiveFrom))
                .max(PRECEDENCE).map(Standard::id).orElse(null);
        Standard standard = new Standard("std-" + UUID.randomUUID(), county, programme, residence, amount,
                effectiveFrom, createdBy, clock.instant(), supersedes, false);
        return mongo.insert(standard);
    }

    /** The standard in force for a household of that residence type on a day: a specific one beats ALL. */
    public Optional<Standard> inForce(String county, Programme programme, Residence residence, LocalDate day) {
        List<Standard> applicable = history(county, programme).stream()
                .filter(s -> s.appliesTo(residence) && !s.effectiveFrom().isAfter(day))
                .toList();
        Optional<Standard> specific = applicable.stream().filter(s -> s.residence() == residence).max(PRECEDENCE);
        Optional<Standard> general = applicable.stream().filter(s -> s.residence() == Residence.ALL).max(PRECEDENCE);
        if (specific.isPresent() && general.isPresent()) {
            return Optional.of(PRECEDENCE.compare(specific.get(), general.get()) >= 0 ? specific.get()
                    : general.get());
        }
        return specific.or(() -> general);
    }

    public List<Standard> history(String county, Programme programme) {
        Query query = new Query(Criteria.where("county").is(county));
        if (programme != null) {
            query.addCriteria(Criteria.where("programme").is(programme));
        }
        return mongo.find(query, Standard.class).stream().sorted(PRECEDENCE).toList();
    }

    public List<Standard> notRolledOut() {
        return mongo.find(new Query(Criteria.where("rolledOut").is(false)), Standard.class);
    }

    public void markRolledOut(Standard standard) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(standard.id())), new Update().set("rolledOut", true),
                Standard.class);
    }

    /** A county's standards (by programme) and those not rolled out yet; everything else goes by {@code _id}. */
    @Override
    public CollectionIndexes indexDeclaration() {
        return DeclaresIndexes.indexes("standards", DeclaresIndexes.index("county", "programme"), DeclaresIndexes.index("rolledOut"));
    }
}
