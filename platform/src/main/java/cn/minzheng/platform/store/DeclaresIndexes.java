package cn.minzheng.platform.store;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;

/**
 * A bean that owns a collection and says which indexes its queries need on a real MongoDB: one per query shape
 * that does not go by {@code _id} (created at start by {@link IndexCreation}).
 */
public interface DeclaresIndexes {

    CollectionIndexes indexDeclaration();

    /** An ascending index on these fields, in this order (equality fields first, then the range or sort field). */
    static Index index(String... fields) {
        Index index = new Index();
        for (String field : fields) {
            index.on(field, Sort.Direction.ASC);
        }
        return index;
    }

    static CollectionIndexes indexes(String collection, Index... indexes) {
        return new CollectionIndexes(collection, List.of(indexes));
    }
}
