package cn.minzheng.devstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./mz run}: starts the platform, prints where everything is, and stops every process it started on
 * Ctrl-C (SIGINT/SIGTERM).
 */
public final class DevstackMain {

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
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "devstack-shutdown"));
        log.info("\n{}", Banner.of(stack, rss(stack)));
        stopped.await();
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
