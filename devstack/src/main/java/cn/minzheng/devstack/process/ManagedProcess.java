package cn.minzheng.devstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A child process the stack owns: started with its own log file, ready when an HTTP check answers 200, and
 * stopped together with everything it started itself (Keycloak's launcher script starts a JVM), so that Ctrl-C
 * leaves no orphan holding a port.
 */
public final class ManagedProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logFile;
    private final URI readyCheck;
    private volatile Process process;

    public ManagedProcess(String name, List<String> command, Map<String, String> environment, Path logFile,
            URI readyCheck) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
        this.readyCheck = readyCheck;
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized ManagedProcess start() {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Waits until the ready check answers 200; fails early, with the log's location, if the process died. */
    public void awaitReady(Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited during startup; see " + logFile);
            }
            if (answers200()) {
                return;
            }
            pause();
        }
        throw new IllegalStateException(name + " was not ready in time; see " + logFile);
    }

    public boolean answers200() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(readyCheck).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Killed at once (SIGKILL), as a crash or an out-of-memory kill would end it: no shutdown hooks run. */
    public synchronized void kill() {
        Process running = process;
        if (running == null) {
            return;
        }
        running.descendants().forEach(ProcessHandle::destroyForcibly);
        running.destroyForcibly();
        try {
            running.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Graceful stop (SIGTERM) of the process and its descendants; forced after the grace period. */
    public synchronized void stop(Duration grace) {
        Process running = process;
        if (running == null) {
            return;
        }
        List<ProcessHandle> tree = running.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        running.destroy();
        try {
            if (!running.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                running.destroyForcibly();
                running.waitFor(5, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : tree) {
                child.onExit().completeOnTimeout(child, grace.toMillis(), TimeUnit.MILLISECONDS).join();
                if (child.isAlive()) {
                    child.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
        }
        process = null;
    }

    /** Resident memory of the process and its descendants in MB, where /proc tells (Linux). */
    public Optional<Long> residentMegabytes() {
        Process running = process;
        if (running == null) {
            return Optional.empty();
        }
        long kb = ResidentMemory.kilobytes(running.pid())
                + running.descendants().mapToLong(child -> ResidentMemory.kilobytes(child.pid())).sum();
        return kb > 0 ? Optional.of(kb / 1024) : Optional.empty();
    }

    private static void pause() {
        try {
            // Polling a local HTTP check: the wait is bounded by the deadline, the interval only spaces the polls.
            TimeUnit.MILLISECONDS.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
