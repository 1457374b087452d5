package cn.minzheng.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where the stack runs and with how much: ports, memory, folders. The dev run reads {@code MZ_*} environment
 * variables (see the root README); tests take free ports and a fresh folder so that they never collide with a
 * developer's running platform.
 */
public record StackSettings(
        Path root,
        Path dataDir,
        Path keycloakHome,
        Path javaHome,
        boolean persistent,
        int gatewayPort,
        int servicePortBase,
        int keycloakPort,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        String serviceJavaOptions,
        String keycloakJavaOptions) {

    /** Small heaps and a quick-starting JIT: six JVMs and Keycloak share 2 cores and must fit in 2.5 GB. */
    public static final String DEFAULT_SERVICE_JAVA_OPTIONS = "-Xms32m -Xmx160m -Xss512k -XX:+UseSerialGC "
            + "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=160m "
            + "-XX:+ExitOnOutOfMemoryError";
    public static final String DEFAULT_KEYCLOAK_JAVA_OPTIONS = "-Xms64m -Xmx384m -XX:+UseSerialGC "
            + "-XX:TieredStopAtLevel=1 -XX:MaxMetaspaceSize=256m";

    public static StackSettings fromEnvironment(Path root) {
        return from(root, System.getenv()::get);
    }

    static StackSettings from(Path root, Function<String, String> env) {
        Path dataDir = Path.of(valueOf(env, "MZ_DATA_DIR", root.resolve(".devstack/data").toString()));
        return new StackSettings(root, dataDir, keycloakHome(root), currentJavaHome(), true,
                port(env, "MZ_GATEWAY_PORT", 8080), port(env, "MZ_SERVICE_PORT_BASE", 8081),
                port(env, "MZ_KEYCLOAK_PORT", 8180), port(env, "MZ_KAFKA_PORT", 9092),
                port(env, "MZ_KAFKA_CONTROLLER_PORT", 9093), port(env, "MZ_MONGO_PORT", 27017),
                valueOf(env, "MZ_SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JAVA_OPTIONS),
                valueOf(env, "MZ_KEYCLOAK_JAVA_OPTS", DEFAULT_KEYCLOAK_JAVA_OPTIONS));
    }

    /** A throw-away stack on free ports: in-memory store, fresh Keycloak database, nothing shared with a dev run. */
    public static StackSettings forTests(Path root, Path dataDir) {
        // Services at base..base+4, then the gateway, Keycloak, Kafka's two listeners and the portal, all below the
        // ephemeral range.
        int base = freePortBlock(10);
        return new StackSettings(root, dataDir, keycloakHome(root), currentJavaHome(), false,
                base + 5, base, base + 6, base + 7, base + 8, 0,
                DEFAULT_SERVICE_JAVA_OPTIONS, DEFAULT_KEYCLOAK_JAVA_OPTIONS);
    }

    public int port(Deployable deployable) {
        return deployable == Deployable.GATEWAY ? gatewayPort : servicePortBase + deployable.portOffset() - 1;
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path realmFile() {
        return root.resolve("keycloak/minzheng-realm.json");
    }

    /** The repository root: the nearest folder upwards that holds the realm file and the Maven wrapper. */
    public static Path findRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("keycloak/minzheng-realm.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the Minzheng repository: " + start.toAbsolutePath());
    }

    private static Path keycloakHome(Path root) {
        Path unpacked = root.resolve(".devstack/keycloak");
        try (Stream<Path> dirs = Files.exists(unpacked) ? Files.list(unpacked) : Stream.empty()) {
            return dirs.filter(dir -> dir.getFileName().toString().startsWith("keycloak-")).findFirst()
                    .orElse(unpacked.resolve("keycloak-not-unpacked"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Children run on the JDK running this stack: the run script and CI chose one >= 21. */
    private static Path currentJavaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    private static int port(Function<String, String> env, String name, int fallback) {
        return Integer.parseInt(valueOf(env, name, Integer.toString(fallback)));
    }

    private static String valueOf(Function<String, String> env, String name, String fallback) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A run of consecutive free ports, since service ports are a base plus an offset. Below the kernel's ephemeral
     * range (32768 and up on Linux): a port there that is free when checked can be taken by any outgoing connection
     * (the stack's own Kafka and MongoDB clients) before the service binds it, which made services fail to start.
     */
    private static int freePortBlock(int size) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20_000 + (int) (Math.random() * 12_000);
            if (allFree(base, size)) {
                return base;
            }
        }
        throw new IllegalStateException("no block of " + size + " free ports");
    }

    private static boolean allFree(int base, int size) {
        for (int port = base; port < base + size; port++) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

}
