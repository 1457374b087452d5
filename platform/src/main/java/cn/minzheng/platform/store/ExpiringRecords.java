package cn.minzheng.platform.store;

import java.time.Duration;

/**
 * Records of a collection that may go once {@code field} (a date) lies {@code retention} in the past: ledgers that
 * grow with every request or event and are only needed for a while. {@link RecordExpiry} deletes them now and then,
 * because the embedded store has no TTL indexes; on MongoDB the declared index on {@code field} serves the delete.
 */
public record ExpiringRecords(String collection, String field, Duration retention) implements DeclaresIndexes {

    @Override
    public CollectionIndexes indexDeclaration() {
        return DeclaresIndexes.indexes(collection, DeclaresIndexes.index(field));
    }
}
