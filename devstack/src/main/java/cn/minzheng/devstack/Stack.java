package cn.minzheng.devstack;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import cn.minzheng.devstack.infra.KafkaBroker;
import cn.minzheng.devstack.infra.MongoStore;
import cn.minzheng.devstack.process.ManagedProcess;
import cn.minzheng.devstack.process.ResidentMemory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine: Kafka and the MongoDB-wire store inside this JVM, Keycloak, the five services
 * and the gateway as child processes. Used by {@code ./mz run} and by the system tests alike.
 */
public final class Stack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Stack.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final StackSettings settings;
    private final MongoStore mongo;
    private final KafkaBroker kafka;
    private final ManagedProcess keycloak;
    private final Map<Deployable, ManagedProcess> apps = new EnumMap<>(Deployable.class);
    private final List<ManagedProcess> extraInstances = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<Deployable, Map<String, String>> overrides;
    /** New for each run: nothing outside this stack's processes knows it. */
    private final String gatewayKey = newGatewayKey();
    /** The portal's proof to the gateway that the citizen's address it forwards is its own observation. */
    private final String portalKey = newGatewayKey();
    private final String sessionKey = newSessionKey();
    private Duration startupTime = Duration.ZERO;

    private Stack(StackSettings settings, MongoStore mongo, KafkaBroker kafka,
            Map<Deployable, Map<String, String>> overrides) {
        this.settings = settings;
        this.overrides = Map.copyOf(overrides);
        this.mongo = mongo;
        this.kafka = kafka;
        this.keycloak = KeycloakServer.prepare(settings);
        for (Deployable deployable : Deployable.values()) {
            apps.put(deployable, app(deployable));
        }
    }

    public static Stack start(StackSettings settings) {
        return start(settings, Map.of());
    }

    /** With extra environment for some deployables (a benchmark's settings, e.g. which dates are popular). */
    public static Stack start(StackSettings settings, Map<Deployable, Map<String, String>> overrides) {
        Instant begin = Instant.now();
        log.info("Starting the MongoDB-wire store and the Kafka broker");
        MongoStore mongo = settings.persistent()
                ? MongoStore.persistent(settings.dataDir().resolve("mongo/minzheng.mv"), settings.mongoPort())
                : MongoStore.inMemory();
        KafkaBroker kafka = KafkaBroker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(),
                settings.kafkaControllerPort());
        Stack stack;
        try {
            stack = new Stack(settings, mongo, kafka, overrides);
        } catch (RuntimeException e) {
            kafka.close();
            mongo.close();
            throw e;
        }
        try {
            stack.startProcesses();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        stack.startupTime = Duration.between(begin, Instant.now());
        return stack;
    }

    private void startProcesses() {
        log.info("Starting Keycloak, the five services, the gateway and the portal");
        keycloak.start();
        apps.values().forEach(ManagedProcess::start);
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        waits.add(CompletableFuture.runAsync(() -> awaitReady(keycloak, deadline)));
        apps.values().forEach(app -> waits.add(CompletableFuture.runAsync(() -> awaitReady(app, deadline))));
        try {
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static void awaitReady(ManagedProcess process, Instant deadline) {
        process.awaitReady(deadline);
        log.info("{} is ready", process.name());
    }

    /**
     * Another instance of a service on its own port, sharing the store and the broker with the first (services are
     * stateless, DESIGN.md §1); stopped with the stack. {@code extraEnvironment} adds or overrides settings.
     */
    public URI startAnotherInstance(Deployable deployable, int port, Map<String, String> extraEnvironment) {
        Map<String, String> env = new LinkedHashMap<>(environment(deployable));
        env.put("SERVER_PORT", Integer.toString(port));
        env.putAll(extraEnvironment);
        ManagedProcess app = process(deployable, port, env, deployable.module() + "-" + port);
        extraInstances.add(app);
        app.start().awaitReady(Instant.now().plus(STARTUP_TIMEOUT));
        return URI.create("http://127.0.0.1:" + port);
    }

    private ManagedProcess app(Deployable deployable) {
        return process(deployable, settings.port(deployable), environment(deployable), deployable.module());
    }

    private ManagedProcess process(Deployable deployable, int port, Map<String, String> env, String name) {
        List<String> command = new ArrayList<>();
        command.add(settings.javaHome().resolve("bin/java").toString());
        command.addAll(Arrays.asList(settings.serviceJavaOptions().trim().split("\\s+")));
        command.add("-jar");
        command.add(deployable.executableJar(settings.root()).toString());
        return new ManagedProcess(name, command, env, settings.logDir().resolve(name + ".log"),
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"));
    }

    /** 32 random bytes in standard Base64, as the portal's session seal reads its key. */
    private static String newSessionKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    private static String newGatewayKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /** The same environment variables docker-compose.yml sets, with this machine's addresses. */
    private Map<String, String> environment(Deployable deployable) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(settings.port(deployable)));
        env.put("OIDC_ISSUER_URI", KeycloakServer.issuer(settings));
        if (deployable == Deployable.PORTAL) {
            // The workbench calls only the gateway, with the person's token; its sessions live in its own database.
            env.put("GATEWAY_URL", gatewayUrl().toString());
            env.put("MINZHENG_PORTAL_KEY", portalKey);
            // Sessions are sealed with a key of this run: a restart asks everyone to log in again.
            env.put("PORTAL_SESSION_KEY", sessionKey);
            env.put("MONGODB_URI", mongo.uri(deployable.id()));
            env.put("SERVER_ADDRESS", "127.0.0.1");
            env.putAll(overrides.getOrDefault(deployable, Map.of()));
            return env;
        }
        env.put("OIDC_JWK_SET_URI", "http://127.0.0.1:" + settings.keycloakPort() + "/realms/"
                + KeycloakServer.REALM + "/protocol/openid-connect/certs");
        // The gateway marks the login-free writes it let through with this key; the services refuse others.
        env.put("MINZHENG_GATEWAY_KEY", gatewayKey);
        if (deployable == Deployable.GATEWAY) {
            env.put("MINZHENG_PORTAL_KEY", portalKey);
            for (Deployable service : Deployable.SERVICES) {
                env.put(service.id().toUpperCase() + "_URL", "http://127.0.0.1:" + settings.port(service));
            }
        } else {
            // Services are reached through the gateway only: on this machine they listen on loopback alone.
            env.put("SERVER_ADDRESS", "127.0.0.1");
            env.put("MONGODB_URI", mongo.uri(deployable.id()));
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            // Dev and test stacks only (production refuses it): an admin may move time forward, e.g. past a notice.
            env.put("MINZHENG_CLOCK_MOVABLE", "true");
            // The embedded store's adapter (a unique {_id, version} index that keeps conditional saves lookups);
            // the production profile refuses it.
            env.put("MINZHENG_STORE_EMBEDDED_ADAPTER", "true");
            // The body-handling echo (POST /ping) that the system tests and curl checks use; never in production.
            env.put("MINZHENG_PING_ECHO", "true");
            // Signed callbacks to a receiver on this machine (the system tests', the benchmarks', a developer's) on the
            // reserved receiver ports only, never a port of the platform; refused under prod.
            env.put("MINZHENG_FUNERAL_CALLBACKS_LOOPBACK_PORTS", CallbackReceivers.PORTS);
            if (settings.persistent() && deployable == Deployable.ASSISTANCE) {
                // The dev run's demo data, loaded once into its persistent store; test stacks start empty.
                env.put("ASSISTANCE_DEMO_DATA", "true");
            }
            if (settings.persistent() && deployable == Deployable.REGISTRY) {
                env.put("REGISTRY_DEMO_DATA", "true");
            }
            if (settings.persistent() && deployable == Deployable.ELDERCARE) {
                env.put("ELDERCARE_DEMO_DATA", "true");
            }
            if (settings.persistent() && deployable == Deployable.FUNERAL) {
                env.put("FUNERAL_DEMO_DATA", "true");
            }
            if (settings.persistent() && deployable == Deployable.ORGS) {
                env.put("ORGS_DEMO_DATA", "true");
            }
            if (settings.persistent()) {
                // The dev run reads the repository's schedules file itself: an edit is applied within a minute.
                env.put("MINZHENG_LEGAL_TIME_SCHEDULES", "file:" + settings.root().toAbsolutePath()
                        .resolve("platform/src/main/resources/minzheng/legal-time/holiday-schedules.yml"));
            }
        }
        env.putAll(overrides.getOrDefault(deployable, Map.of()));
        return env;
    }

    public URI gatewayUrl() {
        return URI.create("http://localhost:" + settings.gatewayPort());
    }

    /** The workbench's address, which browsers open (Keycloak sends them back to it after login). */
    public URI portalUrl() {
        return URI.create("http://localhost:" + settings.port(Deployable.PORTAL));
    }

    public URI keycloakUrl() {
        return URI.create(KeycloakServer.issuerBase(settings));
    }

    public String issuer() {
        return KeycloakServer.issuer(settings);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String mongoUri(String database) {
        return mongo.uri(database);
    }

    public Duration startupTime() {
        return startupTime;
    }

    public StackSettings settings() {
        return settings;
    }

    /** Stops one service or the gateway, to see how the rest of the platform copes. */
    public void stop(Deployable deployable) {
        apps.get(deployable).stop(STOP_GRACE);
    }

    public void restart(Deployable deployable) {
        ManagedProcess app = apps.get(deployable);
        app.stop(STOP_GRACE);
        app.start().awaitReady(Instant.now().plus(STARTUP_TIMEOUT));
    }

    /** Resident memory per process in MB; "infrastructure" is this JVM with Kafka and the store. */
    public Map<String, Long> residentMegabytes() {
        Map<String, Long> rss = new LinkedHashMap<>();
        rss.put("infrastructure (this JVM: Kafka, MongoDB-wire)", ResidentMemory.selfMegabytes());
        keycloak.residentMegabytes().ifPresent(mb -> rss.put(keycloak.name(), mb));
        apps.values().forEach(app -> app.residentMegabytes().ifPresent(mb -> rss.put(app.name(), mb)));
        return rss;
    }

    @Override
    public void close() {
        log.info("Stopping the platform");
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        apps.values().forEach(app -> stops.add(CompletableFuture.runAsync(() -> app.stop(STOP_GRACE))));
        extraInstances.forEach(app -> stops.add(CompletableFuture.runAsync(() -> app.stop(STOP_GRACE))));
        stops.add(CompletableFuture.runAsync(() -> keycloak.stop(STOP_GRACE)));
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        kafka.close();
        mongo.close();
        log.info("Stopped");
    }
}
