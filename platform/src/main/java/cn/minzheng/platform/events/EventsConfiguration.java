package cn.minzheng.platform.events;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import cn.minzheng.platform.ServiceProperties;
import cn.minzheng.platform.store.DeclaresIndexes;
import cn.minzheng.platform.store.IndexCreation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
public class EventsConfiguration {

    /** Writes hand their ids to this instance's relay (if it runs one), which reads those documents by _id. */
    @Bean
    OutboxWrites outboxWrites(MongoTemplate mongo, ObjectProvider<OutboxRelay> relay) {
        return new OutboxWrites(mongo, (collection, ids) -> relay.ifAvailable(r -> r.nudge(collection, ids)),
                (collection, ids) -> relay.ifAvailable(r -> r.nudgeAndKeepPace(collection, ids)));
    }

    @Bean
    IndexCreation indexCreation(MongoTemplate mongo, ObjectProvider<DeclaresIndexes> owners) {
        return new IndexCreation(mongo, owners);
    }

    /** The embedded store's adapter: dev and test stacks only (see {@link EmbeddedStoreAdapter}). */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = EmbeddedStoreAdapter.PROPERTY,
            havingValue = "true")
    EmbeddedStoreAdapter embeddedStoreAdapter(MongoTemplate mongo,
            org.springframework.beans.factory.ListableBeanFactory beans,
            org.springframework.core.env.Environment environment) {
        return new EmbeddedStoreAdapter(mongo, beans, environment);
    }

    /**
     * The relay's own producers (idempotent, acks=all, transactional: each batch one transaction). The
     * transactional id is this instance's own, so instances never fence each other (their leases keep them off
     * each other's documents); a producer made again after a failure takes the same id and so aborts what its
     * predecessor left open.
     */
    @Bean
    Supplier<Producer<String, byte[]>> outboxProducers(KafkaAdmin admin, ServiceProperties service) {
        String transactionalId = service.name() + "-outbox-" + UUID.randomUUID();
        return () -> {
            Map<String, Object> config = ReliableProducerSettings.of(admin, service.name() + "-outbox");
            config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        };
    }

    /**
     * The relay watches the collection of every {@link AggregateCollection}: there is no list to forget. Every
     * service runs one (without aggregates it has nothing to watch and idles); a condition on the aggregate beans
     * would depend on the order in which configuration is read.
     */
    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, Supplier<Producer<String, byte[]>> outboxProducers,
            ServiceProperties service, List<AggregateCollection<?>> aggregateCollections, OutboxProperties properties,
            Clock clock, MeterRegistry meters,
            org.springframework.beans.factory.ObjectProvider<io.micrometer.tracing.Tracer> tracer,
            org.springframework.beans.factory.ObjectProvider<io.micrometer.tracing.propagation.Propagator> propagator) {
        return new OutboxRelay(mongo, outboxProducers, true, service.name(),
                aggregateCollections.stream().map(AggregateCollection::collectionName).toList(), properties, clock,
                meters, new PublishSpans(tracer.getIfAvailable(() -> io.micrometer.tracing.Tracer.NOOP),
                        propagator.getIfAvailable(() -> io.micrometer.tracing.propagation.Propagator.NOOP)));
    }
}
