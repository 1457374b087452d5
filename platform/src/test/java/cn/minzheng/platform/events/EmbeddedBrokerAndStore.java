package cn.minzheng.platform.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import com.mongodb.client.MongoClients;

import cn.minzheng.devstack.StackSettings;
import cn.minzheng.devstack.infra.KafkaBroker;
import cn.minzheng.devstack.infra.MongoStore;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A real Kafka broker (KRaft) and the MongoDB-wire store for the platform's own tests, started once per test JVM
 * (the same parts the dev stack runs). Services' tests get theirs from test-support, which depends on this library.
 */
final class EmbeddedBrokerAndStore {

    private static MongoStore store;
    private static KafkaBroker broker;

    private EmbeddedBrokerAndStore() {
    }

    static synchronized String bootstrapServers() {
        if (broker == null) {
            try {
                broker = KafkaBroker.start(Files.createTempDirectory("platform-kafka"), StackSettings.freePort(),
                        StackSettings.freePort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return broker.bootstrapServers();
    }

    static synchronized MongoTemplate mongo(String database) {
        return new MongoTemplate(MongoClients.create(mongoUri(database)), database);
    }

    static synchronized String mongoUri(String database) {
        if (store == null) {
            store = MongoStore.inMemory();
        }
        return store.uri(database);
    }
}
