package cn.minzheng.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import cn.minzheng.platform.store.CollectionIndexes;
import cn.minzheng.platform.store.IndexCreation;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.index.Index;

/**
 * After every other test of the service ran (the subclass carries {@code @Order(Integer.MAX_VALUE)}, which JUnit
 * does not inherit, and the service's junit-platform.properties orders classes by {@code @Order}), checks that
 * each query shape those tests sent to the store ({@link QueryShapes}) is served on a real MongoDB: it goes by
 * {@code _id}, or an index declared for its collection starts with one of its fields. Each service extends it
 * under {@link ServiceTest}.
 */
public abstract class IndexCoverageTest {

    @Autowired
    private IndexCreation indexes;

    @Test
    void every_query_shape_the_tests_sent_has_an_index() {
        Map<String, List<String>> firstFields = indexes.declared().stream().collect(Collectors.groupingBy(
                CollectionIndexes::collection, Collectors.flatMapping(declaration -> declaration.indexes().stream()
                        .map(IndexCoverageTest::firstField), Collectors.toList())));
        List<String> unserved = QueryShapes.seen().stream()
                .filter(shape -> !shape.fields().contains("_id"))
                .filter(shape -> !testOnlyCollections().contains(shape.collection()))
                .filter(shape -> firstFields.getOrDefault(shape.collection(), List.of()).stream()
                        .noneMatch(shape.fields()::contains))
                .map(shape -> shape.collection() + " " + shape.fields())
                .sorted().toList();
        assertThat(QueryShapes.seen()).as("query shapes recorded").isNotEmpty();
        assertThat(unserved).as("query shapes without an index (declare one in the collection's indexes())")
                .isEmpty();
    }

    /** Collections that only this service's tests write (probes of the platform's machinery). */
    protected Set<String> testOnlyCollections() {
        return Set.of();
    }

    private static String firstField(Index index) {
        Document keys = index.getIndexKeys();
        return keys.keySet().iterator().next();
    }
}
