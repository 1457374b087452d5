package cn.minzheng.platform.events;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * What the embedded MongoDB-wire store (mongo-java-server: no secondary indexes in its query planner) needs to run
 * the production path at the speed of a real MongoDB, and nothing more: a unique index on {@code {_id, version}} for
 * every aggregate collection. Every save is the same conditional update on {@code {_id, version}} MongoDB documents
 * for optimistic concurrency; a real MongoDB answers its filter from the {@code _id} index, the embedded store only
 * from a unique index whose keys are exactly the filter's (it scans the collection otherwise). The index cannot
 * change a result: {@code (_id, version)} is unique because {@code _id} is.
 * <p>
 * On only where {@code minzheng.store.embedded-adapter} is set, which devstack and test-support do for the embedded
 * store alone; the {@code prod} profile refuses it, like the movable clock.
 */
public final class EmbeddedStoreAdapter implements SmartInitializingSingleton {

    public static final String PROPERTY = "minzheng.store.embedded-adapter";
    static final String INDEX_NAME = "embedded_store_id_version";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreAdapter.class);

    private final MongoTemplate mongo;
    private final ListableBeanFactory beans;

    EmbeddedStoreAdapter(MongoTemplate mongo, ListableBeanFactory beans, Environment environment) {
        if (environment.matchesProfiles("prod")) {
            throw new IllegalStateException(PROPERTY + " is for the embedded store of dev and test stacks");
        }
        this.mongo = mongo;
        this.beans = beans;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void afterSingletonsInstantiated() {
        Map<String, AggregateCollection> collections = beans.getBeansOfType(AggregateCollection.class);
        for (AggregateCollection<?> collection : collections.values()) {
            mongo.indexOps(collection.collectionName()).createIndex(new Index().on("_id", Sort.Direction.ASC)
                    .on("version", Sort.Direction.ASC).unique().named(INDEX_NAME));
        }
        log.info("Embedded store adapter: a unique {_id, version} index on {} aggregate collection(s)",
                collections.size());
    }
}
