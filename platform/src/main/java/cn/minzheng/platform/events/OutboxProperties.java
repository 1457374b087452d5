package cn.minzheng.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param lease        how long one instance owns a document while publishing it; after a crash, another
 *                     instance takes over when it runs out
 * @param pollInterval the pause when a pass found nothing to publish
 * @param batchSize    documents claimed and published together (one broker flush, one bulk removal)
 * @param sweepInterval how often the collections that carried events in this instance are scanned even if no
 *                     write announced new ones (writes by other instances)
 * @param fullSweepInterval how often every aggregate collection is scanned (leftovers after a crash, collections
 *                     only other instances write); also done once at start
 */
@ConfigurationProperties("minzheng.events.outbox")
public record OutboxProperties(Duration lease, Duration pollInterval, Integer batchSize, Duration sweepInterval,
        Duration fullSweepInterval) {

    public OutboxProperties {
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        pollInterval = pollInterval == null ? Duration.ofMillis(100) : pollInterval;
        batchSize = batchSize == null ? 2_000 : batchSize;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
        fullSweepInterval = fullSweepInterval == null ? Duration.ofMinutes(1) : fullSweepInterval;
    }
}
