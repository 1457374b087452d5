package cn.minzheng.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes what aggregates left in their {@code outbox}, in order, and removes it once the broker acknowledged
 * ({@code acks=all}, idempotent producer, one Kafka transaction per batch). A document is leased first
 * ({@link OutboxLeases}), so several instances never publish the same document at once; a crash between publishing
 * and removing means those events go out again (at least once, never lost): consumers are idempotent by event id.
 *
 * <p>The cost of an event does not grow with the collection. The writer hands the relay the ids it stored
 * ({@link #nudge(String, Collection)}), and the relay reads exactly those documents by {@code _id}, leases them by
 * {@code _id} and removes their published events by {@code _id}: index lookups in the embedded store too, which
 * has no secondary index and answers every other query with a scan. Only the sweep scans: at start, after a
 * backlog overflowed, and every {@code sweepInterval} for a collection whose backlog is empty (leftovers of a
 * crashed instance, documents written by another means). On MongoDB the sweep is served by the partial index on
 * {@code outbox.0} that {@link AggregateCollection} declares.
 *
 * <p>The relay watches the collections of the service's {@link AggregateCollection}s, so no list is kept by hand.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Ids held per collection before the backlog overflows into a sweep (about 100 bytes each). */
    static final int BACKLOG_CAPACITY = 200_000;
    /** How far a bulk writer may run ahead of delivery (ids in line), and how long it waits at most. */
    static final int BULK_BACKLOG = 20_000;
    static final Duration BULK_WAIT = Duration.ofSeconds(30);
    /** Without a published batch for this long, the relay counts as stalled and holds no writer back. */
    static final Duration STALLED = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final Supplier<Producer<String, byte[]>> producers;
    private final PublishSpans spans;
    private final boolean transactional;
    /** Made on first use; a transactional one is dropped after a failed batch and made again (see publish). */
    private Producer<String, byte[]> producer;
    private final CloudEvents cloudEvents;
    private final List<String> collections;
    private final Map<String, OutboxBacklog> backlogs = new ConcurrentHashMap<>();
    private final OutboxLeases leases;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private final Counter published;
    private final Counter failures;
    private final Counter transactions;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private volatile Thread worker;
    private volatile boolean running;
    private Instant lastSweep = Instant.EPOCH;
    private volatile long lastPublishedAt = System.nanoTime();

    /** A relay on one plain (idempotent, not transactional) producer, as the crash tests drive it. */
    public OutboxRelay(MongoTemplate mongo, Producer<String, byte[]> producer, String serviceName,
            Collection<String> collections, OutboxProperties properties, Clock clock, MeterRegistry meters) {
        this(mongo, () -> producer, false, serviceName, collections, properties, clock, meters);
    }

    /**
     * {@code transactional}: the producers have a {@code transactional.id}, and each batch is one Kafka transaction.
     * That keeps each aggregate's events in order for read-committed consumers even when the broker fails
     * part-way: without it, a batch that expired while the broker was away could be followed by a later one that
     * got through, and an aggregate's events 6-10 arrived before 1-5 ({@code BrokerRestartTest}).
     */
    public OutboxRelay(MongoTemplate mongo, Supplier<Producer<String, byte[]>> producers, boolean transactional,
            String serviceName, Collection<String> collections, OutboxProperties properties, Clock clock,
            MeterRegistry meters) {
        this(mongo, producers, transactional, serviceName, collections, properties, clock, meters, PublishSpans.NONE);
    }

    /** The same, with a span per event sent (the service's relay, when tracing is on). */
    OutboxRelay(MongoTemplate mongo, Supplier<Producer<String, byte[]>> producers, boolean transactional,
            String serviceName, Collection<String> collections, OutboxProperties properties, Clock clock,
            MeterRegistry meters, PublishSpans spans) {
        this.spans = spans;
        this.mongo = mongo;
        this.collections = List.copyOf(new LinkedHashSet<>(collections));
        this.collections.forEach(c -> backlogs.put(c, new OutboxBacklog(BACKLOG_CAPACITY)));
        this.producers = producers;
        this.transactional = transactional;
        this.cloudEvents = new CloudEvents(serviceName);
        this.properties = properties;
        this.clock = clock;
        this.leases = new OutboxLeases(mongo, owner, properties.lease(), clock);
        this.published = meters.counter("minzheng.outbox.published");
        this.failures = meters.counter("minzheng.outbox.publish.failures");
        // Each batch is one Kafka transaction (or one flush): its cost is per batch, not per event.
        this.transactions = meters.counter("minzheng.outbox.batches");
        meters.gauge("minzheng.outbox.pending", pending);
        meters.gauge("minzheng.outbox.oldest.pending.seconds", oldestPendingSeconds);
    }

    /**
     * Sweeps every collection and publishes until nothing is pending; returns how many events went out. The
     * running relay sweeps only now and then; the crash-recovery tests drive a relay that was not started with
     * this.
     */
    int publishPending() {
        collections.forEach(c -> backlogs.get(c).releaseDue(Instant.now(clock), System.nanoTime()));
        collections.forEach(this::sweep);
        int count = 0;
        while (backlogs.values().stream().anyMatch(b -> !b.isEmpty())) {
            int sent = publishPass();
            if (sent < 0) {
                break;
            }
            count += sent;
        }
        return count;
    }

    public List<String> collections() {
        return collections;
    }

    /**
     * Called by {@link OutboxWrites} in this instance after it stored documents with new events: the relay takes
     * their ids and wakes up.
     */
    public void nudge(String collection, Collection<?> ids) {
        OutboxBacklog backlog = backlogs.get(collection);
        if (backlog != null) {
            backlog.add(ids, System.nanoTime());
            wake();
        }
    }

    /**
     * As {@link #nudge(String, Collection)}, for a bulk writer (a payroll): then waits, at most
     * {@code BULK_WAIT}, while more than {@code BULK_BACKLOG} ids are in line. A batch job that ran ahead of
     * delivery left consumers minutes behind when it finished (a million payment lines: the last event 74 s after
     * the run); kept to pace, the events are out within seconds of the last write, for the same total work.
     */
    public void nudgeAndKeepPace(String collection, Collection<?> ids) {
        nudge(collection, ids);
        OutboxBacklog backlog = backlogs.get(collection);
        // Only while delivery makes progress: with the broker away the writer must not be held up at all.
        boolean delivering = System.nanoTime() - lastPublishedAt < STALLED.toNanos();
        if (backlog != null && running && delivering) {
            try {
                if (!backlog.awaitAtMost(BULK_BACKLOG, BULK_WAIT)) {
                    log.info("Events of {} are {} behind its writes; the writer goes on", collection, backlog.size());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Documents with events were stored in this collection by other means: the relay sweeps it soon. */
    public void nudge(String collection) {
        OutboxBacklog backlog = backlogs.get(collection);
        if (backlog != null) {
            backlog.wantSweep();
            wake();
        }
    }

    private void wake() {
        Thread thread = worker;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Finds documents with events by a scan (served by the partial index on MongoDB), as many as the backlog has
     * room for; when there were more, the next sweep follows as soon as these are published.
     */
    private void sweep(String collection) {
        OutboxBacklog backlog = backlogs.get(collection);
        int room = backlog.room();
        if (room <= 0) {
            backlog.wantSweep();
            return;
        }
        Query withEvents = new Query(Criteria.where("outbox.0").exists(true)).limit(room);
        withEvents.fields().include("_id");
        List<Object> found = new ArrayList<>();
        for (Document document : mongo.find(withEvents, Document.class, collection)) {
            if (!backlog.isDeferred(document.get("_id"))) {
                found.add(document.get("_id"));
            }
        }
        backlog.add(found, System.nanoTime());
        if (found.size() >= room) {
            backlog.wantSweep();
        }
    }

    /** Documents of one collection leased and read, ready to go out in a pass's transaction. */
    private record Prepared(String collection, OutboxLeases.Claim claim, List<Document> documents,
            Instant leaseStart) {
    }

    /**
     * One pass: a batch from each collection's backlog, each read by id and leased, then all of them published in ONE
     * Kafka transaction and removed. A transaction costs the broker the same for one event as for a hundred (its
     * markers and its state records), so a pass over a service's collections pays it once, not once per collection.
     * Returns the events sent, or -1 when publishing failed (every batch of the pass is first in line again).
     */
    private int publishPass() {
        List<Prepared> pass = new ArrayList<>();
        try {
            for (String collection : collections) {
                OutboxBacklog backlog = backlogs.get(collection);
                List<Object> ids = backlog.take(properties.batchSize());
                if (ids.isEmpty()) {
                    continue;
                }
                try {
                    Prepared prepared = prepare(collection, backlog, ids);
                    if (prepared != null) {
                        pass.add(prepared);
                    }
                } catch (RuntimeException storeAway) {
                    // The store failed part-way: the ids go back in line (a lease of this relay left behind is
                    // taken over by its next claim at once).
                    backlog.retry(ids, System.nanoTime());
                    throw storeAway;
                }
            }
        } catch (RuntimeException storeAway) {
            pass.forEach(this::giveBack);
            throw storeAway;
        }
        if (pass.isEmpty()) {
            return 0;
        }
        int sent = publish(pass);
        if (sent < 0) {
            pass.forEach(this::giveBack);
        }
        return sent;
    }

    /** A prepared batch that did not go out: first in line again, its leases given up. */
    private void giveBack(Prepared prepared) {
        backlogs.get(prepared.collection()).retry(prepared.documents().stream().map(d -> d.get("_id")).toList(),
                System.nanoTime());
        try {
            leases.release(prepared.collection(), prepared.claim().leased());
        } catch (RuntimeException storeAway) {
            // Harmless: this relay's own leftover lease is taken over by its next claim at once.
            log.debug("Releasing the leases of a batch that did not go out", storeAway);
        }
    }

    /** Leases the ids, then reads them: null when nothing of them is this relay's to publish now. */
    private Prepared prepare(String collection, OutboxBacklog backlog, List<Object> ids) {
        Instant now = Instant.now(clock);
        // Lease first, then read: a document read before its lease was taken could have been published and
        // cleared by another instance in between, and would go out twice.
        OutboxLeases.Claim claim = leases.claim(collection, ids);
        claim.heldElsewhere().forEach(backlog::defer);
        if (claim.leased().isEmpty()) {
            return null;
        }
        Query byId = new Query(Criteria.where("_id").in(claim.leased()));
        byId.fields().include("outbox", "outboxLease");
        List<Document> claimed = new ArrayList<>();
        for (Document document : mongo.find(byId, Document.class, collection)) {
            Instant legacyLease = legacyLeaseUntil(document);
            if (legacyLease != null && legacyLease.isAfter(now)) {
                backlog.defer(document.get("_id"), legacyLease);
            } else if (!document.getList("outbox", Document.class, List.of()).isEmpty()) {
                claimed.add(document);
            }
        }
        if (claimed.isEmpty()) {
            leases.release(collection, claim.leased());
            return null;
        }
        return new Prepared(collection, claim, claimed, now);
    }

    /**
     * A lease written into the document itself by an instance of the version before this one (during a rolling
     * upgrade): honoured until it runs out.
     */
    private static Instant legacyLeaseUntil(Document document) {
        Document lease = document.get("outboxLease", Document.class);
        Object until = lease == null ? null : lease.get("until");
        return until instanceof Date date ? date.toInstant() : null;
    }

    private int publish(List<Prepared> pass) {
        Map<Prepared, Map<Object, List<String>>> publishedIds = new LinkedHashMap<>();
        try {
            Producer<String, byte[]> producer = producer();
            if (transactional) {
                producer.beginTransaction();
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (Prepared prepared : pass) {
                Map<Object, List<String>> ofCollection = new LinkedHashMap<>();
                for (Document document : prepared.documents()) {
                    List<String> ids = new ArrayList<>();
                    for (Document event : document.getList("outbox", Document.class)) {
                        acks.add(spans.send(toEvent(event), cloudEvents.topic(),
                                outgoing -> producer.send(cloudEvents.record(outgoing))));
                        ids.add(event.getString("id"));
                    }
                    ofCollection.put(document.get("_id"), ids);
                }
                publishedIds.put(prepared, ofCollection);
            }
            if (transactional) {
                producer.commitTransaction();
            } else {
                producer.flush();
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            if (transactional) {
                // The next producer, with the same transactional.id, aborts this one's open transaction when it
                // starts: nothing of the failed pass becomes visible, and the pass goes out again whole.
                discardProducer();
            }
            failures.increment();
            log.warn("Publishing a pass of {} outboxes from {} failed; they are tried again",
                    pass.stream().mapToInt(p -> p.documents().size()).sum(),
                    pass.stream().map(Prepared::collection).toList(), e);
            return -1;
        }
        int count = 0;
        for (Map.Entry<Prepared, Map<Object, List<String>>> entry : publishedIds.entrySet()) {
            count += removePublished(entry.getKey(), entry.getValue());
        }
        published.increment(count);
        transactions.increment();
        lastPublishedAt = System.nanoTime();
        return count;
    }

    /**
     * While the lease surely still holds (with a margin for clock skew), nobody else can have claimed these
     * documents; after a slow pass, only those whose lease is still this claim's are cleared (another instance
     * publishes the rest again: at least once). Only what was published is removed, by _id: events appended
     * meanwhile stay for the next pass.
     */
    private int removePublished(Prepared prepared, Map<Object, List<String>> publishedIds) {
        String collection = prepared.collection();
        boolean leaseHeld = Instant.now(clock).isBefore(prepared.leaseStart().plus(properties.lease().dividedBy(2)));
        Set<Object> held = leaseHeld ? prepared.claim().leased() : leases.stillHeld(collection, prepared.claim());
        BulkOperations removals = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        publishedIds.forEach((id, events) -> {
            if (held.contains(id)) {
                removals.updateOne(new Query(Criteria.where("_id").is(id)), new Update()
                        .pull("outbox", new Document("id", new Document("$in", events))).unset("outboxLease"));
            }
        });
        if (publishedIds.keySet().stream().anyMatch(held::contains)) {
            removals.execute();
        }
        leases.release(collection, held);
        return publishedIds.values().stream().mapToInt(List::size).sum();
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            Producer<String, byte[]> made = producers.get();
            if (transactional) {
                try {
                    made.initTransactions();
                } catch (RuntimeException e) {
                    made.close(Duration.ZERO);
                    throw e;
                }
            }
            producer = made;
        }
        return producer;
    }

    private void discardProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                log.debug("Closing the failed producer", e);
            }
            producer = null;
        }
    }

    @SuppressWarnings("unchecked")
    private static OutboxEvent toEvent(Document event) {
        Object time = event.get("time");
        Instant instant = time instanceof Date date ? date.toInstant() : Instant.parse(String.valueOf(time));
        return new OutboxEvent(event.getString("id"), event.getString("type"), event.getString("subject"), instant,
                (Map<String, Object>) event.get("data", Map.class), event.getString("traceparent"));
    }

    /** Refreshes the pending-count and oldest-age gauges from the backlogs (no query). */
    void measure() {
        long total = 0;
        long oldest = -1;
        for (OutboxBacklog backlog : backlogs.values()) {
            total += backlog.size();
            long at = backlog.oldestEnqueuedAt();
            oldest = at >= 0 && (oldest < 0 || at < oldest) ? at : oldest;
        }
        pending.set(total);
        oldestPendingSeconds.set(oldest < 0 ? 0 : TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - oldest));
    }

    /**
     * Every {@code sweepInterval}, a collection whose backlog is empty is swept (with one in line, the sweep would
     * find what is already there); so is one whose backlog overflowed, as soon as it is drained.
     */
    private void sweepWhereDue() {
        Instant now = Instant.now();
        boolean interval = now.isAfter(lastSweep.plus(properties.sweepInterval()));
        if (interval) {
            lastSweep = now;
        }
        long nanos = System.nanoTime();
        for (String collection : collections) {
            OutboxBacklog backlog = backlogs.get(collection);
            backlog.releaseDue(Instant.now(clock), nanos);
            if (interval) {
                backlog.wantSweep();
            }
            if (backlog.takeSweepRequest()) {
                sweep(collection);
            }
        }
    }

    @Override
    public void start() {
        // Set before the thread starts: it checks the flag at once.
        running = true;
        collections.forEach(c -> backlogs.get(c).wantSweep());
        worker = Thread.ofVirtual().name("outbox-relay").start(this::run);
    }

    private void run() {
        Instant lastMeasured = Instant.EPOCH;
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                sweepWhereDue();
                boolean failed = publishPass() < 0;
                if (Instant.now().isAfter(lastMeasured.plusSeconds(1))) {
                    measure();
                    lastMeasured = Instant.now();
                }
                if (failed || backlogs.values().stream().allMatch(OutboxBacklog::isEmpty)) {
                    // Nothing to do, or the broker is away: pause until a write wakes the relay or the next poll
                    // (the only wait in this loop).
                    LockSupport.parkNanos(properties.pollInterval().toNanos());
                }
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("Outbox relay pass failed; retrying", e);
                LockSupport.parkNanos(properties.pollInterval().toNanos());
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (transactional && producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
