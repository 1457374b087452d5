package cn.minzheng.platform.events;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How every service consumes other services' events: {@code @KafkaListener(containerFactory =
 * "eventListenerFactory")} receives raw CloudEvent records and hands them to the {@link EventInbox}; a failing
 * record is retried a few times, then goes to {@code <topic>.dlt} so the partition keeps flowing; a poison record
 * goes there at once.
 */
@Configuration(proxyBeanMethods = false)
public class EventConsumersConfiguration {

    @Bean
    ProcessedEvents processedEvents(MongoTemplate mongo, Clock clock) {
        return new ProcessedEvents(mongo, clock);
    }

    /**
     * The ledger keeps an event id for 30 days (configurable), far beyond the topics' 7-day retention: no
     * redelivery can come after its id is gone.
     */
    @Bean
    cn.minzheng.platform.store.ExpiringRecords processedEventsExpiry(
            @org.springframework.beans.factory.annotation.Value("${minzheng.events.processed-retention:P30D}")
            java.time.Duration retention) {
        return new cn.minzheng.platform.store.ExpiringRecords(ProcessedEvents.COLLECTION, "at", retention);
    }

    @Bean
    EventInbox eventInbox(ProcessedEvents processedEvents,
            org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        return new EventInbox(processedEvents, meters.getIfAvailable(
                io.micrometer.core.instrument.simple.SimpleMeterRegistry::new));
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> eventListenerFactory(KafkaAdmin admin,
            org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meterRegistry,
            @Value("${spring.application.name}") String group,
            @Value("${minzheng.events.retry.attempts:2}") long retries,
            @Value("${minzheng.events.retry.interval-ms:500}") long intervalMs) {
        Map<String, Object> consumer = new HashMap<>(admin.getConfigurationProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // The relays publish each batch as a transaction: a batch aborted when the broker failed is never read.
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Object> producer = ReliableProducerSettings.of(admin, group + "-dead-letters");
        var deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer, new StringSerializer(),
                new ByteArraySerializer()));
        var recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (record, e) -> new TopicPartition(record.topic() + ".dlt", -1));
        var meters = meterRegistry.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new);
        // Counted as it goes: a dead letter is an event some office never applied, which an alert must show.
        org.springframework.kafka.listener.ConsumerRecordRecoverer counted = (record, e) -> {
            recoverer.accept(record, e);
            meters.counter("minzheng.events.dead.lettered", "topic", record.topic()).increment();
        };
        var errors = new DefaultErrorHandler(counted, new FixedBackOff(intervalMs, retries));
        errors.addNotRetryableExceptions(IncomingEvent.InvalidEventException.class);

        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        var consumers = new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(),
                new ByteArrayDeserializer());
        // The Kafka client's own metrics, the consumer lag (records-lag-max) among them, for the lag alert.
        consumers.addListener(new org.springframework.kafka.core.MicrometerConsumerListener<>(meters));
        factory.setConsumerFactory(consumers);
        factory.setCommonErrorHandler(errors);
        // Spring Kafka's observation: each record is handled in a consumer span, a child of the trace it carries
        // (the relay's send span), so the trace and its id in the logs run on through the consumer's work.
        factory.getContainerProperties().setObservationEnabled(true);
        return factory;
    }
}
