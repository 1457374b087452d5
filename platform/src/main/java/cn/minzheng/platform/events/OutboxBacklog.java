package cn.minzheng.platform.events;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The ids of one collection's documents that may hold unpublished events, as the relay learns them: from this
 * instance's own writes (handed over as they are stored) and from sweeps. The relay reads those documents by
 * {@code _id}, an index lookup in every store, so publishing costs the same in a collection of ten thousand
 * documents as in one of a million; only a sweep scans.
 *
 * <p>Bounded: past {@code capacity} ids the backlog stops taking them and notes that it overflowed, and the relay
 * sweeps the collection once the backlog is drained (the documents still carry their events, so nothing is lost;
 * they are only found by a scan instead). A broker that is away for long thus costs memory up to the bound only.
 */
final class OutboxBacklog {

    private record Entry(Object id, long enqueuedAt) {
    }

    private final int capacity;
    private final ArrayDeque<Entry> ids = new ArrayDeque<>();
    /** Documents another instance holds a lease on, with the time the lease runs out. */
    private final Map<Object, Instant> deferred = new LinkedHashMap<>();
    private boolean sweepWanted;

    OutboxBacklog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(Collection<?> written, long now) {
        for (Object id : written) {
            if (ids.size() >= capacity) {
                sweepWanted = true;
                return;
            }
            ids.add(new Entry(id, now));
        }
    }

    /** Up to {@code max} distinct ids, oldest first. */
    synchronized List<Object> take(int max) {
        LinkedHashSet<Object> taken = new LinkedHashSet<>();
        while (taken.size() < max && !ids.isEmpty()) {
            taken.add(ids.poll().id());
        }
        notifyAll();
        return new ArrayList<>(taken);
    }

    /**
     * Waits while more than {@code limit} ids are in line, at most {@code atMost}: a bulk writer keeps pace with
     * delivery instead of running ahead of it. Returns false when it stopped waiting (the broker may be away; the
     * writer goes on, and an overflow is found by a sweep later).
     */
    synchronized boolean awaitAtMost(int limit, java.time.Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (ids.size() > limit) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Ids of a batch that failed, first in line again (their documents are read afresh next time). */
    synchronized void retry(List<Object> failed, long now) {
        for (int i = failed.size() - 1; i >= 0; i--) {
            ids.addFirst(new Entry(failed.get(i), now));
        }
    }

    synchronized void defer(Object id, Instant until) {
        deferred.merge(id, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Deferred ids whose lease has run out go back in line. */
    synchronized void releaseDue(Instant now, long nanos) {
        for (Iterator<Map.Entry<Object, Instant>> it = deferred.entrySet().iterator(); it.hasNext();) {
            var entry = it.next();
            if (!entry.getValue().isAfter(now)) {
                ids.add(new Entry(entry.getKey(), nanos));
                it.remove();
            }
        }
    }

    synchronized boolean isDeferred(Object id) {
        return deferred.containsKey(id);
    }

    synchronized void wantSweep() {
        sweepWanted = true;
    }

    /** True once (then cleared) when a sweep is wanted and nothing is in line: sweeping earlier finds the same. */
    synchronized boolean takeSweepRequest() {
        if (sweepWanted && ids.isEmpty()) {
            sweepWanted = false;
            return true;
        }
        return false;
    }

    synchronized boolean isEmpty() {
        return ids.isEmpty();
    }

    synchronized int room() {
        return capacity - ids.size();
    }

    synchronized int size() {
        return ids.size() + deferred.size();
    }

    /** When the oldest id in line was handed over (System.nanoTime), or -1. */
    synchronized long oldestEnqueuedAt() {
        return ids.isEmpty() ? -1 : ids.peek().enqueuedAt();
    }
}
