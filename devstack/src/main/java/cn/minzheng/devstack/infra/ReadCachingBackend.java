package cn.minzheng.devstack.infra;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * The embedded store's answer to its missing secondary indexes (dev and test stacks only): mongo-java-server scans
 * a collection for every query that is not by a unique index, so a list page and its count over 10,000 households
 * cost two scans where MongoDB reads two index ranges. This keeps the answers of {@code find}, {@code count},
 * {@code distinct} and {@code aggregate} and gives them again while nothing they read has been written since: the
 * same answers the store would compute, at the speed of an index. The services send the same commands as to a real
 * MongoDB, which never sees this class.
 * <p>
 * Why it cannot answer stale: every collection has two counters, writes started and writes finished. A write
 * (insert, update, delete, findAndModify, or any command this class does not know, which counts as a write to the
 * whole database) raises the first before it runs and the second after. An answer is kept only if no write to what
 * it read was running while it was computed and none started since; it is given again only while those counters are
 * still the ones it was kept at. What an aggregation reads includes its {@code $lookup}, {@code $graphLookup} and
 * {@code $unionWith} collections. The store has no TTL deletion and no background writes, so every change comes
 * through a command.
 */
final class ReadCachingBackend implements MongoBackend {

    /** Answers kept at most; beyond, the cache starts again (a dev store's working set is small). */
    static final int MAX_ENTRIES = 5_000;
    /** A bigger answer is not kept: the point is the scan, not the copying. */
    static final int MAX_DOCUMENTS = 200;

    private static final Set<String> CACHED = Set.of("find", "count", "distinct", "aggregate");
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify", "findandmodify",
            "create", "drop", "createIndexes", "dropIndexes", "collMod");
    private static final Set<String> PASSED = Set.of("getMore", "killCursors", "hello", "isMaster", "ismaster",
            "ping", "buildInfo", "buildinfo", "listCollections", "listIndexes", "listDatabases", "endSessions",
            "dbStats", "dbstats", "collStats", "serverStatus", "getLastError", "getlasterror", "getParameter",
            "whatsmyuri", "saslStart", "saslContinue", "connectionStatus", "getLog", "hostInfo", "getCmdLineOpts",
            "startSession", "refreshSessions", "explain", "getFreeMonitoringStatus");
    /** Parts of a command that do not change its answer (sessions, cluster time, routing). */
    private static final Set<String> UNKEYED = Set.of("lsid", "$clusterTime", "$db", "txnNumber", "autocommit",
            "$readPreference", "apiVersion", "apiStrict", "apiDeprecationErrors", "maxTimeMS", "comment");

    private record Versions(AtomicLong started, AtomicLong finished) {
    }

    private record Kept(List<String> reads, long[] versions, Document answer) {
    }

    private final MongoBackend store;
    private final Map<String, Versions> versions = new ConcurrentHashMap<>();
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final AtomicLong answeredAgain = new AtomicLong();

    ReadCachingBackend(MongoBackend store) {
        this.store = store;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document command = message.getDocument();
        return route(message.getDatabaseName(), command.keySet().iterator().next(), command,
                () -> store.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String name, Document command) {
        return route(database, name, command, () -> store.handleCommand(channel, database, name, command));
    }

    /** One decision for both ways a command arrives: kept-answer read, passed through, or counted as a write. */
    private Document route(String database, String name, Document command,
            java.util.function.Supplier<Document> run) {
        if (CACHED.contains(name) && command.get(name) instanceof String collection && !writesOut(command)) {
            return read(database, collection, command, run);
        }
        if (PASSED.contains(name)) {
            return run.get();
        }
        String written = WRITES.contains(name) && command.get(name) instanceof String collection
                ? database + "." + collection : database + ".*";
        return write(written, run);
    }

    /** The legacy query path (a driver's first handshake): anything but a handshake counts as a write to all. */
    @Override
    public QueryResult handleQuery(MongoQuery query) {
        String first = query.getQuery().isEmpty() ? "" : query.getQuery().keySet().iterator().next();
        if (PASSED.contains(first)) {
            return store.handleQuery(query);
        }
        return write("*", () -> store.handleQuery(query));
    }

    private Document read(String database, String collection, Document command,
            java.util.function.Supplier<Document> compute) {
        List<String> reads = reads(database, collection, command);
        long[] before = current(reads);
        if (before == null) {
            return compute.get();
        }
        String key = database + "|" + keyOf(command);
        Kept earlier = kept.get(key);
        if (earlier != null && earlier.reads().equals(reads) && java.util.Arrays.equals(earlier.versions(), before)) {
            answeredAgain.incrementAndGet();
            return earlier.answer().cloneDeeply();
        }
        Document answer = compute.get();
        if (keepable(answer) && java.util.Arrays.equals(before, current(reads))) {
            if (kept.size() >= MAX_ENTRIES) {
                kept.clear();
            }
            kept.put(key, new Kept(reads, before, answer.cloneDeeply()));
        }
        return answer;
    }

    /** How many reads were answered from what was kept (for its tests). */
    long answeredAgain() {
        return answeredAgain.get();
    }

    private <T> T write(String written, java.util.function.Supplier<T> run) {
        Versions of = versionsOf(written);
        of.started().incrementAndGet();
        try {
            return run.get();
        } finally {
            of.finished().incrementAndGet();
        }
    }

    /** The versions of what a read depends on, or null while a write to any of it is running. */
    private long[] current(List<String> reads) {
        long[] now = new long[reads.size()];
        for (int i = 0; i < reads.size(); i++) {
            Versions of = versionsOf(reads.get(i));
            long finished = of.finished().get();
            long started = of.started().get();
            if (started != finished) {
                return null;
            }
            now[i] = started;
        }
        return now;
    }

    private Versions versionsOf(String name) {
        return versions.computeIfAbsent(name, n -> new Versions(new AtomicLong(), new AtomicLong()));
    }

    /** The collection read, the others an aggregation reads, its database's and the whole store's counters. */
    private static List<String> reads(String database, String collection, Document command) {
        List<String> reads = new ArrayList<>();
        reads.add("*");
        reads.add(database + ".*");
        reads.add(database + "." + collection);
        if (command.get("pipeline") instanceof List<?> pipeline) {
            collectForeign(database, pipeline, reads);
        }
        return reads;
    }

    private static void collectForeign(String database, Object node, List<String> reads) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object key = entry.getKey();
                Object value = entry.getValue();
                if (("from".equals(key) || "$unionWith".equals(key) || "coll".equals(key))
                        && value instanceof String foreign) {
                    reads.add(database + "." + foreign);
                }
                collectForeign(database, value, reads);
            }
        } else if (node instanceof Collection<?> items) {
            items.forEach(item -> collectForeign(database, item, reads));
        }
    }

    /** An aggregation that writes ($out, $merge) is a write, never a kept answer. */
    private static boolean writesOut(Document command) {
        return command.get("pipeline") instanceof List<?> pipeline && pipeline.stream()
                .anyMatch(stage -> stage instanceof Map<?, ?> map
                        && (map.containsKey("$out") || map.containsKey("$merge")));
    }

    private static String keyOf(Document command) {
        Document keyed = new Document();
        command.forEach((field, value) -> {
            if (!UNKEYED.contains(field)) {
                keyed.put(field, value);
            }
        });
        return keyed.toString();
    }

    /** A complete, successful answer of modest size: one with an open cursor has more to fetch and is not kept. */
    private static boolean keepable(Document answer) {
        if (!(answer.get("ok") instanceof Number ok) || ok.doubleValue() != 1.0) {
            return false;
        }
        if (answer.get("cursor") instanceof Document cursor) {
            return cursor.get("id") instanceof Number id && id.longValue() == 0
                    && cursor.get("firstBatch") instanceof List<?> batch && batch.size() <= MAX_DOCUMENTS;
        }
        return true;
    }

    @Override
    public void handleClose(Channel channel) {
        store.handleClose(channel);
    }

    @Override
    public void dropDatabase(String database) {
        write(database + ".*", () -> {
            store.dropDatabase(database);
            return null;
        });
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return store.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return store.getServerStatus();
    }

    @Override
    public void close() {
        store.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        store.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return store.getClock();
    }

    @Override
    public void enableOplog() {
        store.enableOplog();
    }

    @Override
    public void disableOplog() {
        store.disableOplog();
    }

    /** Direct access to a database bypasses the counters: everything kept is forgotten, as after a write to all. */
    @Override
    public MongoDatabase resolveDatabase(String database) {
        versionsOf("*").started().incrementAndGet();
        versionsOf("*").finished().incrementAndGet();
        return store.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        store.version(version);
        return this;
    }
}
