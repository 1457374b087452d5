package cn.minzheng.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import cn.minzheng.devstack.Deployable;
import cn.minzheng.devstack.Stack;
import cn.minzheng.devstack.StackSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One platform per test JVM, started exactly as {@code ./mz run} starts it (same {@link Stack}), but on free ports
 * with a fresh Keycloak database and an in-memory store, so a developer's running platform is untouched.
 */
final class RunningPlatform {

    private static final Logger log = LoggerFactory.getLogger(RunningPlatform.class);
    private static Stack stack;
    private static OtlpReceiver traces;

    private RunningPlatform() {
    }

    static synchronized Stack get() {
        if (stack == null) {
            try {
                Path root = StackSettings.findRoot(Path.of(""));
                Path data = Files.createDirectories(root.resolve("system-tests/target/stack"));
                // Every process sends its spans to a receiver in this JVM (TracesIT reads them).
                traces = OtlpReceiver.start();
                Map<String, String> tracing = Map.of("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                        traces.endpoint(), "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "500ms");
                Map<Deployable, Map<String, String>> overrides = new EnumMap<>(Deployable.class);
                for (Deployable deployable : Deployable.values()) {
                    overrides.put(deployable, tracing);
                }
                stack = Stack.start(StackSettings.forTests(root, data), overrides);
                log.info("Platform up in {} s; resident memory {}", stack.startupTime().toSeconds(),
                        stack.residentMegabytes());
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "platform-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stack;
    }

    /** The spans the platform's processes have sent so far. */
    static synchronized OtlpReceiver traces() {
        get();
        return traces;
    }
}
