package cn.minzheng.platform.store;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Lookups by {@code _id} that stay lookups on the embedded store. {@code MongoTemplate.exists} counts, and the
 * embedded store answers a count with a scan of the whole collection (measured: 20-50 ms per call at 200,000
 * documents, against 0.4 ms for a find by {@code _id}); a consumer asking its processed-events ledger that way
 * slowed with every event it had ever handled.
 */
public final class ById {

    private static final Document ID_ONLY = new Document("_id", 1);

    private ById() {
    }

    public static boolean exists(MongoTemplate mongo, String collection, Object id) {
        return mongo.getCollection(collection).find(new Document("_id", id)).projection(ID_ONLY).limit(1)
                .first() != null;
    }
}
