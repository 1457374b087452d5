package cn.minzheng.platform.events;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections  the aggregate collections whose {@code outbox} arrays the relay empties
 * @param lease        how long one instance owns a document while publishing it; after a crash, another
 *                     instance takes over when it runs out
 * @param pollInterval the pause when a pass found nothing to publish
 * @param batchSize    documents claimed and published together (one broker flush, one bulk removal)
 * @param sweepInterval how often every collection is scanned even if no write in this instance announced events
 *                     (leftovers after a crash, writes by other instances)
 */
@ConfigurationProperties("minzheng.events.outbox")
public record OutboxProperties(List<String> collections, Duration lease, Duration pollInterval, Integer batchSize,
        Duration sweepInterval) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        pollInterval = pollInterval == null ? Duration.ofMillis(100) : pollInterval;
        batchSize = batchSize == null ? 2_000 : batchSize;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
    }
}
