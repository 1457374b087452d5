package cn.minzheng.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Committed events on a topic, counted by a read-committed consumer. End offsets do not count events once a relay
 * publishes in transactions: every commit marker takes an offset too.
 */
final class CommittedEvents implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private long count;

    CommittedEvents(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers,
                "group.id", "bench-count-" + UUID.randomUUID(), "isolation.level", "read_committed",
                "auto.offset.reset", "earliest", "max.poll.records", 5_000), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Everything committed so far (polls until three polls in a row bring nothing). */
    long count() {
        for (int empty = 0; empty < 3;) {
            int n = consumer.poll(Duration.ofMillis(100)).count();
            count += n;
            empty = n == 0 ? empty + 1 : 0;
        }
        return count;
    }

    /** Polls until the count is reached; a stuck relay fails loudly after {@code atMost}. */
    void awaitAtLeast(long expected, Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        while (count < expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("only " + count + " of " + expected + " events on the broker after "
                        + atMost);
            }
            count += consumer.poll(Duration.ofMillis(100)).count();
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
