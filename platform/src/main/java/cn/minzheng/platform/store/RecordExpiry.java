package cn.minzheng.platform.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Deletes expired records ({@link ExpiringRecords}) every {@code interval}, first one interval after start so a
 * starting service is not slowed. One delete per collection: a scan on the embedded store, once an hour, instead of
 * a TTL index it does not have; an index range on MongoDB. Every instance may run it; deleting twice is harmless.
 */
public class RecordExpiry implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecordExpiry.class);

    private final MongoTemplate mongo;
    private final List<ExpiringRecords> expiring;
    private final Clock clock;
    private final Duration interval;
    private volatile Thread worker;
    private volatile boolean running;

    public RecordExpiry(MongoTemplate mongo, List<ExpiringRecords> expiring, Clock clock, Duration interval) {
        this.mongo = mongo;
        this.expiring = List.copyOf(expiring);
        this.clock = clock;
        this.interval = interval;
    }

    /** Deletes what has expired by now; returns how many records went. */
    public long purge() {
        long deleted = 0;
        Instant now = Instant.now(clock);
        for (ExpiringRecords records : expiring) {
            Date before = Date.from(now.minus(records.retention()));
            long gone = mongo.remove(new Query(Criteria.where(records.field()).lt(before)), records.collection())
                    .getDeletedCount();
            if (gone > 0) {
                log.info("Deleted {} expired records from {}", gone, records.collection());
            }
            deleted += gone;
        }
        return deleted;
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofVirtual().name("record-expiry").start(() -> {
            while (running) {
                // The pause between purges (this loop's only wait); stop() interrupts it.
                LockSupport.parkNanos(interval.toNanos());
                if (!running || Thread.currentThread().isInterrupted()) {
                    return;
                }
                try {
                    purge();
                } catch (RuntimeException e) {
                    log.warn("Deleting expired records failed; trying again in {}", interval, e);
                }
            }
        });
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
