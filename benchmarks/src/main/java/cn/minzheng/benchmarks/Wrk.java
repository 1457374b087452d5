package cn.minzheng.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator: wrk from Debian's packages ({@code ./mz bench} installs it when it is missing). It is written
 * in C and costs a small fraction of what a JVM client costs per request, which matters when the generator shares
 * two cores with the platform it measures: with Java's HttpClient the generator, not the gateway, was the limit.
 * Each run ends with one line from {@code wrk/common.lua}, parsed into a {@link Result}.
 */
final class Wrk {

    private static final Pattern RESULT = Pattern.compile("WRK-RESULT (.*)");
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\d+)");

    private final Path scripts;

    private Wrk(Path scripts) {
        this.scripts = scripts;
    }

    /**
     * Fails at once with what to do when wrk is not installed, before any platform is started. The scripts a run
     * uses are written under {@code benchmarks/target/wrk}.
     */
    static Wrk installed() throws IOException {
        try {
            Process probe = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            probe.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("wrk is not installed: run the benchmark with ./mz bench, which installs "
                    + "it from Debian's packages, or apt-get install wrk");
        }
        return new Wrk(Files.createDirectories(Path.of("benchmarks/target/wrk")));
    }

    /** {@code byStatus} only where the script counted answers by status (a burst). */
    record Result(long requests, Duration took, long non2xx, long socketErrors, long p50Micros, long p95Micros,
            long p99Micros, long maxMicros, Map<Integer, Long> byStatus) {

        double perSecond() {
            return requests / (took.toNanos() / 1e9);
        }

        double millis(long micros) {
            return micros / 1000.0;
        }
    }

    /** As many requests as {@code connections} clients can send, each the moment its last one was answered. */
    Result closedLoop(String url, String token, int connections, Duration length) throws Exception {
        return run(url, token, connections, length, null, Map.of());
    }

    /** Requests sent on a fixed schedule of {@code perSecond} (open loop), so slow answers show as latency. */
    Result paced(String url, String token, int perSecond, int connections, Duration length) throws Exception {
        return run(url, token, connections, length, "paced.lua", Map.of("WRK_RATE", String.valueOf(perSecond)));
    }

    /**
     * One request per connection, all connections at once: {@code bodies} POSTed, the i-th body on the i-th request,
     * with {@code Idempotency-Key: <keyPrefix><i>}. The run ends when every request was answered or after
     * {@code limit}.
     */
    Result burst(String url, String token, List<String> bodies, String keyPrefix, Duration limit) throws Exception {
        StringBuilder data = new StringBuilder("bodies = {\n");
        for (String body : bodies) {
            data.append("  [==[").append(body).append("]==],\n");
        }
        data.append("}\nkey_prefix = [==[").append(keyPrefix).append("]==]\n");
        Path dataFile = scripts.resolve("burst-data.lua");
        Files.writeString(dataFile, data);
        return run(url, token, bodies.size(), limit, "burst.lua", Map.of("WRK_BURST_DATA", dataFile.toString()));
    }

    /**
     * Every item POSTed once, the i-th body to the i-th path of {@code baseUrl}, over {@code connections} (closed
     * loop), or paced at {@code perSecond} when it is above 0. Ends when every item was answered or after
     * {@code limit}.
     */
    Result sequence(String baseUrl, String token, List<String> paths, List<String> bodies, int connections,
            int perSecond, Duration limit) throws Exception {
        StringBuilder data = new StringBuilder("paths = {\n");
        for (String path : paths) {
            data.append("  [==[").append(path).append("]==],\n");
        }
        data.append("}\nbodies = {\n");
        for (String body : bodies) {
            data.append("  [==[").append(body).append("]==],\n");
        }
        data.append("}\n");
        Path dataFile = scripts.resolve("sequence-data.lua");
        Files.writeString(dataFile, data);
        return run(baseUrl, token, connections, limit, "sequence.lua", Map.of("WRK_SEQ_DATA", dataFile.toString(),
                "WRK_RATE", String.valueOf(perSecond)));
    }

    private Result run(String url, String token, int connections, Duration length, String script,
            Map<String, String> environment) throws Exception {
        Path file = scripts.resolve(script == null ? "closed-loop.lua" : script);
        Files.writeString(file, (script == null ? "" : resource(script) + "\n") + resource("common.lua"));
        // one thread: the scripts keep their counters and schedules per thread, and one is plenty at these rates
        ProcessBuilder builder = new ProcessBuilder("wrk", "-t1", "-c" + connections,
                "-d" + Math.max(1, length.toSeconds()) + "s", "--timeout", "30s", "-s", file.toString(), url)
                .redirectErrorStream(true);
        // the token goes through the environment (common.lua reads it), not the command line that ps shows
        builder.environment().put("WRK_AUTHORIZATION", "Bearer " + token);
        builder.environment().putAll(environment);
        Process wrk = builder.start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(length.toSeconds() + 60, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            wrk.destroyForcibly();
            throw new IllegalStateException("wrk failed: " + output);
        }
        Matcher line = RESULT.matcher(output);
        if (!line.find()) {
            throw new IllegalStateException("no result from wrk: " + output);
        }
        Map<String, Long> fields = new HashMap<>();
        Map<Integer, Long> byStatus = new TreeMap<>();
        Matcher field = FIELD.matcher(line.group(1));
        while (field.find()) {
            fields.put(field.group(1), Long.parseLong(field.group(2)));
            if (field.group(1).startsWith("status_")) {
                byStatus.put(Integer.parseInt(field.group(1).substring("status_".length())),
                        Long.parseLong(field.group(2)));
            }
        }
        return new Result(fields.get("requests"), Duration.ofNanos(fields.get("duration_us") * 1_000),
                fields.get("non2xx"), fields.get("connect") + fields.get("read") + fields.get("write")
                        + fields.get("timeout"), fields.get("p50_us"), fields.get("p95_us"), fields.get("p99_us"),
                fields.get("max_us"), byStatus);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Wrk.class.getResourceAsStream("/wrk/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing wrk script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
