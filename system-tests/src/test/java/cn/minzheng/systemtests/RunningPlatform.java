package cn.minzheng.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    private RunningPlatform() {
    }

    static synchronized Stack get() {
        if (stack == null) {
            try {
                Path root = StackSettings.findRoot(Path.of(""));
                Path data = Files.createDirectories(root.resolve("system-tests/target/stack"));
                stack = Stack.start(StackSettings.forTests(root, data));
                log.info("Platform up in {} s; resident memory {}", stack.startupTime().toSeconds(),
                        stack.residentMegabytes());
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "platform-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stack;
    }
}
