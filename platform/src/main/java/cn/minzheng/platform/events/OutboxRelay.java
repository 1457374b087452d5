package cn.minzheng.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
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
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes what aggregates left in their {@code outbox}, in order, and removes it once the broker acknowledged
 * ({@code acks=all}, idempotent producer). A document is claimed with a lease first, so several instances never
 * publish the same document at once; a crash between publishing and removing means those events go out again
 * (at least once, never lost): consumers are idempotent by event id.
 *
 * <p>The relay watches the collections of the service's {@link AggregateCollection}s, so no list is kept by hand: a
 * collection this instance writes events to is looked at at once (nudged) and swept often; every collection is
 * swept at start and then now and then, which finds leftovers of a crash and writes of other instances.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final Supplier<Producer<String, byte[]>> producers;
    private final boolean transactional;
    /** Made on first use; a transactional one is dropped after a failed batch and made again (see publish). */
    private Producer<String, byte[]> producer;
    private final CloudEvents cloudEvents;
    private final List<String> collections;
    private final Set<String> carryingEvents = ConcurrentHashMap.newKeySet();
    private final OutboxProperties properties;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private final Counter published;
    private final Counter failures;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private final Set<String> nudged = ConcurrentHashMap.newKeySet();
    private volatile Thread worker;
    private volatile boolean running;
    private Instant lastMeasured = Instant.EPOCH;
    private Instant lastSweep = Instant.EPOCH;
    private Instant lastFullSweep = Instant.EPOCH;

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
        this.mongo = mongo;
        this.collections = List.copyOf(new LinkedHashSet<>(collections));
        this.producers = producers;
        this.transactional = transactional;
        this.cloudEvents = new CloudEvents(serviceName);
        this.properties = properties;
        this.clock = clock;
        this.published = meters.counter("minzheng.outbox.published");
        this.failures = meters.counter("minzheng.outbox.publish.failures");
        meters.gauge("minzheng.outbox.pending", pending);
        meters.gauge("minzheng.outbox.oldest.pending.seconds", oldestPendingSeconds);
    }

    /**
     * One pass over every collection, until nothing is pending; returns how many events went out. The running
     * relay works through {@code dueCollections()} instead; the crash-recovery tests (this package) drive a relay
     * that was not started with it.
     */
    int publishPending() {
        return publishPending(collections);
    }

    public List<String> collections() {
        return collections;
    }

    /**
     * Called by {@link OutboxWrites} in this instance after it wrote events: the relay wakes up and looks at that
     * collection at once. Collections nobody nudged are swept every {@code sweepInterval} only (leftovers of a
     * crash, events written by another instance), which spares a scan per idle poll where no index serves it.
     */
    public void nudge(String collection) {
        if (collections.contains(collection)) {
            nudged.add(collection);
            carryingEvents.add(collection);
            Thread thread = worker;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        }
    }

    private int publishPending(Collection<String> collections) {
        int count = 0;
        for (String collection : collections) {
            List<Document> claimed;
            Instant leaseStart = Instant.now(clock);
            while (!(claimed = claimBatch(collection)).isEmpty()) {
                carryingEvents.add(collection);
                count += publish(collection, claimed, leaseStart);
                leaseStart = Instant.now(clock);
            }
        }
        return count;
    }

    /**
     * Claims up to a batch of documents: find candidates, lease those still free under a fresh token. When every
     * candidate was leased (the usual case) they are published as read; when another instance took some
     * meanwhile, only what this token holds is read back.
     */
    private List<Document> claimBatch(String collection) {
        Instant now = Instant.now(clock);
        Criteria free = new Criteria().orOperator(Criteria.where("outboxLease").exists(false),
                Criteria.where("outboxLease.until").lt(Date.from(now)));
        List<Document> candidates = mongo.find(new Query(Criteria.where("outbox.0").exists(true).andOperator(free))
                .limit(properties.batchSize()), Document.class, collection);
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Object> ids = candidates.stream().map(d -> d.get("_id")).toList();
        String token = UUID.randomUUID().toString();
        long leased = mongo.updateMulti(new Query(Criteria.where("_id").in(ids).andOperator(free)),
                new Update().set("outboxLease", new Document("owner", owner).append("token", token)
                        .append("until", Date.from(now.plus(properties.lease())))), collection).getModifiedCount();
        if (leased == ids.size()) {
            return candidates;
        }
        return mongo.find(new Query(Criteria.where("_id").in(ids).and("outboxLease.token").is(token)),
                Document.class, collection);
    }

    private int publish(String collection, List<Document> claimed, Instant leaseStart) {
        Map<Object, List<String>> publishedIds = new java.util.LinkedHashMap<>();
        try {
            Producer<String, byte[]> producer = producer();
            if (transactional) {
                producer.beginTransaction();
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (Document document : claimed) {
                List<String> ids = new ArrayList<>();
                for (Document event : document.getList("outbox", Document.class)) {
                    acks.add(producer.send(cloudEvents.record(toEvent(event))));
                    ids.add(event.getString("id"));
                }
                publishedIds.put(document.get("_id"), ids);
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
                // starts: nothing of the failed batch becomes visible, and the batch goes out again whole.
                discardProducer();
            }
            failures.increment();
            log.warn("Publishing a batch of {} outboxes from {} failed; their leases expire and they are retried",
                    claimed.size(), collection, e);
            return 0;
        }
        // Only what was published is removed: events appended meanwhile stay for the next pass.
        BulkOperations removals = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        // While the lease surely still holds (with a margin for clock skew), nobody else can have claimed these
        // documents, so the removal selects by _id alone (an index lookup even in the embedded store); after a
        // slow batch it must also check that the lease is still this instance's.
        boolean leaseHeld = Instant.now(clock).isBefore(leaseStart.plus(properties.lease().dividedBy(2)));
        publishedIds.forEach((id, events) -> removals.updateOne(leaseHeld ? new Query(Criteria.where("_id").is(id))
                : new Query(Criteria.where("_id").is(id).and("outboxLease.owner").is(owner)),
                new Update().pull("outbox", new Document("id", new Document("$in", events))).unset("outboxLease")));
        removals.execute();
        int count = publishedIds.values().stream().mapToInt(List::size).sum();
        published.increment(count);
        return count;
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

    /** Refreshes the pending-count and oldest-age gauges (a scan: run it on the poll, not per event). */
    void measure() {
        long total = 0;
        Instant oldest = null;
        for (String collection : carryingEvents) {
            Query withOutbox = new Query(Criteria.where("outbox.0").exists(true));
            for (Document doc : mongo.find(withOutbox.with(Sort.by("_id")).limit(1_000), Document.class, collection)) {
                for (Document event : doc.getList("outbox", Document.class)) {
                    total++;
                    Instant time = toEvent(event).time();
                    oldest = oldest == null || time.isBefore(oldest) ? time : oldest;
                }
            }
        }
        pending.set(total);
        oldestPendingSeconds.set(oldest == null ? 0 : Math.max(0, Instant.now(clock).getEpochSecond()
                - oldest.getEpochSecond()));
    }

    private Collection<String> dueCollections() {
        Instant now = Instant.now();
        if (now.isAfter(lastFullSweep.plus(properties.fullSweepInterval()))) {
            lastFullSweep = now;
            lastSweep = now;
            nudged.clear();
            return collections;
        }
        if (now.isAfter(lastSweep.plus(properties.sweepInterval()))) {
            lastSweep = now;
            nudged.clear();
            return List.copyOf(carryingEvents);
        }
        return collections.stream().filter(nudged::remove).toList();
    }

    @Override
    public void start() {
        // Set before the thread starts: it checks the flag at once.
        running = true;
        worker = Thread.ofVirtual().name("outbox-relay").start(this::run);
    }

    private void run() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                if (publishPending(dueCollections()) == 0) {
                    // The gauges need a scan: refresh them every few seconds, not on every idle poll.
                    if (Instant.now().isAfter(lastMeasured.plusSeconds(5))) {
                        measure();
                        lastMeasured = Instant.now();
                    }
                    // Nothing to do: pause before the next poll (the only wait in this loop).
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
