package cn.minzheng.platform.demo;

import java.time.Clock;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A service's demo data set for the run command: loaded once per database (a marker document in
 * {@code demo_data}, so a restart or a second instance loads nothing twice), every item through the service's real
 * workflow. A failed item is counted and logged with its reason, never swallowed: the demo-data test asserts that
 * none failed, so a rule change that breaks the demo data is seen at once.
 */
public abstract class DemoDataSet {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSet.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String marker;
    private final AtomicInteger loaded = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    protected DemoDataSet(MongoTemplate mongo, Clock clock, String marker) {
        this.mongo = mongo;
        this.clock = clock;
        this.marker = marker;
    }

    /** What was loaded and what failed, for the log and the demo-data test. */
    public record Report(int loaded, int failed) {
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadOnce() {
        try {
            mongo.insert(new Document("_id", marker).append("at", Date.from(clock.instant())), "demo_data");
        } catch (DuplicateKeyException loadedBefore) {
            return;
        }
        load();
        log.info("Demo data {} loaded: {} items, {} failed", marker, loaded.get(), failed.get());
    }

    /** Loads the set, calling {@link #item} for each thing it enters. */
    protected abstract void load();

    /** One item of the set: counted when it works; when it fails, counted and logged with the reason. */
    protected final void item(String what, Runnable work) {
        try {
            work.run();
            loaded.incrementAndGet();
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            log.warn("Demo data {}: {} failed: {}", marker, what, e.getMessage());
        }
    }

    public Report report() {
        return new Report(loaded.get(), failed.get());
    }
}
