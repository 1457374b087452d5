package cn.minzheng.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.minzheng.devstack.StackSettings;
import cn.minzheng.devstack.infra.KafkaBroker;
import cn.minzheng.devstack.infra.MongoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One Kafka broker and one MongoDB per test JVM, shared by every Spring context of that JVM and stopped when it
 * exits. Each service uses its own database on it, as in production.
 */
public abstract sealed class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static TestInfrastructure instance;

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = dockerAvailable() ? new Containers() : new Embedded();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-infrastructure-stop"));
        }
        return instance;
    }

    public abstract String kafkaBootstrapServers();

    public abstract String mongoUri(String database);

    /** Whether the store is the embedded MongoDB-wire server (which gets its adapter), not a real MongoDB. */
    public boolean embeddedStore() {
        return this instanceof Embedded;
    }

    abstract void stop();

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Production-like: a MongoDB replica set and an Apache Kafka broker in containers. */
    static final class Containers extends TestInfrastructure {

        private final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0").withReplicaSet();
        private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");

        Containers() {
            log.info("Docker is available: tests use MongoDB and Kafka containers");
            mongo.start();
            kafka.start();
        }

        @Override
        public String kafkaBootstrapServers() {
            return kafka.getBootstrapServers();
        }

        @Override
        public String mongoUri(String database) {
            return mongo.getReplicaSetUrl(database);
        }

        @Override
        void stop() {
            kafka.stop();
            mongo.stop();
        }
    }

    /** No Docker (this machine, CI here): a real Kafka broker from jars and the MongoDB-wire server, in memory. */
    static final class Embedded extends TestInfrastructure {

        private final MongoStore mongo;
        private final KafkaBroker kafka;

        Embedded() {
            log.info("No Docker engine: tests use an embedded Kafka broker and mongo-java-server");
            try {
                Path logDir = Files.createTempDirectory("test-kafka");
                mongo = MongoStore.inMemory();
                kafka = KafkaBroker.start(logDir, StackSettings.freePort(), StackSettings.freePort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String kafkaBootstrapServers() {
            return kafka.bootstrapServers();
        }

        @Override
        public String mongoUri(String database) {
            return mongo.uri(database);
        }

        @Override
        void stop() {
            kafka.close();
            mongo.close();
        }
    }
}
