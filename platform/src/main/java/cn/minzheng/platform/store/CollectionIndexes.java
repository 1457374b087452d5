package cn.minzheng.platform.store;

import java.util.List;

import org.springframework.data.mongodb.core.index.Index;

/**
 * The indexes one collection needs on a real MongoDB, one per query shape that does not go by {@code _id}.
 * Declared by each bean that owns a collection ({@link DeclaresIndexes}: every {@code AggregateCollection}, the
 * audit trail, a service's other stores); all are created at start ({@link IndexCreation}). The embedded store
 * accepts and ignores non-unique ones, which is no reason to leave them out: {@code IndexCoverageTest} fails when
 * a query shape the tests sent has none.
 */
public record CollectionIndexes(String collection, List<Index> indexes) {

    public CollectionIndexes {
        indexes = List.copyOf(indexes);
    }
}
