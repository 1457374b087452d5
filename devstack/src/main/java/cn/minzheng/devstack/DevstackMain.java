package cn.minzheng.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import cn.minzheng.devstack.process.ManagedProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./mz run}: starts the platform, prints where everything is, and stops every process it started on
 * Ctrl-C (SIGINT/SIGTERM).
 */
public final class DevstackMain {

    private static final int PROMETHEUS_PORT = Integer.parseInt(System.getenv().getOrDefault("MZ_PROMETHEUS_PORT",
            "9090"));

    private DevstackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("logback.configurationFile", "devstack-logback.xml");
        Logger log = LoggerFactory.getLogger(DevstackMain.class);
        Path root = StackSettings.findRoot(Path.of(""));
        StackSettings settings = StackSettings.fromEnvironment(root);
        Stack stack;
        try {
            stack = Stack.start(settings);
        } catch (RuntimeException e) {
            log.error("The platform did not start: {}", e.getMessage());
            System.exit(1);
            return;
        }
        Optional<ManagedProcess> prometheus = Arrays.asList(args).contains("--prometheus") ? prometheus(stack, log)
                : Optional.empty();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            prometheus.ifPresent(p -> p.stop(Duration.ofSeconds(10)));
            stack.close();
            stopped.countDown();
        }, "devstack-shutdown"));
        log.info("\n{}", Banner.of(stack, rss(stack)));
        prometheus.ifPresent(p -> log.info("Prometheus (alerts: deploy/prometheus/alerts.yml): "
                + "http://127.0.0.1:{}/classic/alerts (Debian's package serves the classic UI)", PROMETHEUS_PORT));
        stopped.await();
    }

    /** {@code ./mz run --prometheus}: started after the platform; the platform runs on if it cannot start. */
    private static Optional<ManagedProcess> prometheus(Stack stack, Logger log) {
        try {
            var started = LocalPrometheus.start(stack, PROMETHEUS_PORT);
            if (started.isEmpty()) {
                log.warn("--prometheus: {} is not installed (./mz run installs Debian's prometheus package when it "
                        + "can); the platform runs without it", LocalPrometheus.BINARY);
            }
            return started;
        } catch (RuntimeException e) {
            log.warn("--prometheus: Prometheus did not start ({}); the platform runs without it", e.getMessage());
            return Optional.empty();
        }
    }

    private static String rss(Stack stack) {
        StringBuilder text = new StringBuilder();
        long total = 0;
        for (Map.Entry<String, Long> entry : stack.residentMegabytes().entrySet()) {
            text.append(String.format("    %-48s %5d MB%n", entry.getKey(), entry.getValue()));
            total += entry.getValue();
        }
        return text.append(String.format("    %-48s %5d MB%n", "total", total)).toString();
    }
}
