package cn.minzheng.funeral.subscription;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.time.Instant;
import java.util.List;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxWrites;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Death subscriptions (collection {@code death_subscriptions}): few, one or two per integration client. */
@Component
public class DeathSubscriptions extends AggregateCollection<DeathSubscription> {

    DeathSubscriptions(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, DeathSubscription.class, "death_subscriptions", "death-subscription");
    }

    @Override
    protected List<Index> indexes() {
        return List.of(index("status"), index("clientId"),
                index("notices.delivery.state", "notices.delivery.nextAttemptAt"));
    }

    public List<DeathSubscription> active() {
        return mongo.find(new Query(Criteria.where("status").is(DeathSubscription.Status.ACTIVE)),
                DeathSubscription.class, collection);
    }

    public List<DeathSubscription> ofClient(String clientId) {
        return mongo.find(new Query(Criteria.where("clientId").is(clientId)), DeathSubscription.class, collection);
    }

    /** Subscriptions that may have a notice due now (the dispatcher's work), a few at a time. */
    public List<DeathSubscription> withDueNotices(Instant now, int limit) {
        return mongo.find(new Query(Criteria.where("notices.delivery.state").is("PENDING")
                .and("notices.delivery.nextAttemptAt").lte(now)).limit(limit), DeathSubscription.class, collection);
    }
}
