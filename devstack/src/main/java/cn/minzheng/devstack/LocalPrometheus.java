package cn.minzheng.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.minzheng.devstack.process.ManagedProcess;

/**
 * {@code ./mz run --prometheus}: Debian's Prometheus beside the dev platform, scraping every deployable's
 * {@code /actuator/prometheus} with the realm's metrics-scraper client (OAuth2 client credentials, as a cluster's
 * Prometheus does) and evaluating deploy/prometheus/alerts.yml, so a developer sees the alerts a province would.
 */
public final class LocalPrometheus {

    public static final String BINARY = "/usr/bin/prometheus";

    private LocalPrometheus() {
    }

    /** Started and ready, or empty with the reason logged by the caller when Prometheus is not installed. */
    public static Optional<ManagedProcess> start(Stack stack, int port) {
        if (!Files.isExecutable(Path.of(BINARY))) {
            return Optional.empty();
        }
        Path home = stack.settings().dataDir().resolve("prometheus");
        Path config = home.resolve("prometheus.yml");
        try {
            Files.createDirectories(home);
            Files.writeString(config, configuration(stack.settings()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ManagedProcess prometheus = new ManagedProcess("prometheus", List.of(BINARY,
                "--config.file=" + config, "--storage.tsdb.path=" + home.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--storage.tsdb.retention.time=2d"), Map.of(),
                stack.settings().logDir().resolve("prometheus.log"),
                URI.create("http://127.0.0.1:" + port + "/-/ready")).start();
        prometheus.awaitReady(Instant.now().plus(Duration.ofSeconds(60)));
        return Optional.of(prometheus);
    }

    /** One job per deployable (job minzheng-<module>, as the alert rules expect), every target on the loopback. */
    public static String configuration(StackSettings settings) {
        StringBuilder text = new StringBuilder("""
                # Written by ./mz run --prometheus; the cluster's Prometheus is configured the same way.
                global: {scrape_interval: 15s, evaluation_interval: 15s}
                rule_files: ["%s"]
                scrape_configs:
                """.formatted(settings.root().resolve("deploy/prometheus/alerts.yml").toAbsolutePath()));
        for (Deployable deployable : Deployable.values()) {
            text.append("""
                      - job_name: minzheng-%s
                        metrics_path: /actuator/prometheus
                        oauth2:
                          client_id: %s
                          client_secret: %s
                          token_url: %s/realms/minzheng/protocol/openid-connect/token
                        static_configs: [{targets: ["127.0.0.1:%d"]}]
                    """.formatted(deployable.module(), KeycloakServer.METRICS_CLIENT, KeycloakServer.DEV_METRICS_SECRET,
                    KeycloakServer.issuerBase(settings), settings.port(deployable)));
        }
        return text.toString();
    }
}
