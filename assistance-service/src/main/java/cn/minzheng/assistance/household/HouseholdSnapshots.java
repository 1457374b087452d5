package cn.minzheng.assistance.household;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.minzheng.assistance.benefit.MeansTest;
import cn.minzheng.assistance.benefit.Residence;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Frozen copies of households as a reviewer saw them: the household.reviewed event names one, so a later dispute
 * about what was reviewed is settled by the record, not by the household as it is today.
 */
@Component
public class HouseholdSnapshots {

    private final MongoTemplate mongo;

    HouseholdSnapshots(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public String take(Household household, Instant at) {
        Snapshot snapshot = new Snapshot("snap-" + UUID.randomUUID(), household.id(), household.version(), at,
                household.division().value(), household.residence(), household.members(), household.assets());
        mongo.insert(snapshot);
        return snapshot.id();
    }

    @Document("household_snapshots")
    record Snapshot(@Id String id, String householdId, long householdVersion, Instant takenAt, String division,
            Residence residence, List<Member> members, MeansTest.Assets assets) {
    }
}
