package cn.minzheng.platform.store;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/** Creates every declared index at start (idempotent on MongoDB: an existing index with the same keys is kept). */
public class IndexCreation implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IndexCreation.class);

    private final MongoTemplate mongo;
    private final ObjectProvider<DeclaresIndexes> owners;

    public IndexCreation(MongoTemplate mongo, ObjectProvider<DeclaresIndexes> owners) {
        this.mongo = mongo;
        this.owners = owners;
    }

    /** Every declaration of this service: its aggregate collections', the platform's and its other stores'. */
    public List<CollectionIndexes> declared() {
        return owners.orderedStream().map(DeclaresIndexes::indexDeclaration).toList();
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<CollectionIndexes> declared = declared();
        for (CollectionIndexes declaration : declared) {
            for (Index index : declaration.indexes()) {
                mongo.indexOps(declaration.collection()).createIndex(index);
            }
        }
        log.debug("Indexes declared: {}", declared);
    }
}
