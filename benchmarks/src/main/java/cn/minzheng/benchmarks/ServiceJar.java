package cn.minzheng.benchmarks;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.minzheng.devstack.infra.KafkaBroker;
import cn.minzheng.devstack.infra.MongoStore;
import cn.minzheng.testsupport.TestJwts;

/**
 * One service's real jar as its own process ({@code -Xmx512m}, SerialGC) against the embedded store and broker of
 * the benchmark's JVM, trusting the test token issuer; its output goes to {@code benchmarks/target/<module>.log}.
 */
final class ServiceJar {

    private ServiceJar() {
    }

    static Process start(String module, String database, MongoStore store, KafkaBroker broker, int port,
            String... jvmOptions) throws Exception {
        File jar;
        try (var files = Files.list(Path.of(module + "/target"))) {
            jar = files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build " + module + " first")).toFile();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:+UseSerialGC"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", jar.getPath()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("benchmarks/target/" + module + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("MONGODB_URI", store.uri(database));
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("OIDC_ISSUER_URI", TestJwts.ISSUER);
        env.put("OIDC_JWK_SET_URI", TestJwts.jwkSetUri());
        // The benchmark's store is the embedded one: its adapter, as devstack gives it (EmbeddedStoreAdapter).
        env.put("MINZHENG_STORE_EMBEDDED_ADAPTER", "true");
        return builder.start();
    }

    /** Polls the readiness probe (the benchmark's own status check, not a wait for work) for two minutes. */
    static void awaitReady(HttpClient http, String module, int port) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health/readiness")).GET().build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        throw new IllegalStateException(module + " did not become ready; see benchmarks/target/" + module + ".log");
    }
}
