package cn.minzheng.devstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB wire-protocol server (mongo-java-server) in this JVM, because no mongod can be installed here.
 * It has no transactions and no change streams, which the platform's design does not need (DESIGN.md §3).
 * Persistent on an H2 MVStore file for the dev run, in memory for tests; either way behind {@link ReadCachingBackend},
 * which gives a query's answer again while nothing it read was written (what an index would make cheap).
 */
public final class MongoStore implements AutoCloseable {

    private final MongoServer server;
    private final int port;

    private MongoStore(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static MongoStore persistent(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MongoServer server = new MongoServer(adapted(new H2Backend(file.toAbsolutePath().toString())));
        server.bind("127.0.0.1", port);
        return new MongoStore(server, port);
    }

    public static MongoStore inMemory() {
        MongoServer server = new MongoServer(adapted(new MemoryBackend()));
        int port = server.bind().getPort();
        return new MongoStore(server, port);
    }

    /**
     * With {@link ReadCachingBackend} in front (the answer to the store's missing secondary indexes), unless
     * {@code MZ_STORE_READ_CACHE=off}: to measure the bare store, or to rule the cache out.
     */
    private static de.bwaldvogel.mongo.MongoBackend adapted(de.bwaldvogel.mongo.MongoBackend store) {
        return "off".equals(System.getenv("MZ_STORE_READ_CACHE")) ? store : new ReadCachingBackend(store);
    }

    public int port() {
        return port;
    }

    /** Each service owns its own database on the shared server. */
    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
