package cn.minzheng.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.minzheng.devstack.Deployable;
import cn.minzheng.devstack.Stack;
import jdk.jfr.Recording;

/**
 * Where one event's cost goes (issue 34): for a measured phase, per process, the store round trips by command and
 * collection (the driver's {@code mongodb.driver.commands}), the relay's batches (each one Kafka transaction) and the
 * events it published, the events each consumer received, and the HTTP requests served and made, all read from each
 * service's own {@code /actuator/prometheus} before and after and divided by the cases; and a JFR recording of every
 * service and of this JVM (the store and the broker), summarised by the JDK's {@code jfr view hot-methods}.
 */
final class EventPathProfile {

    /** {@code name{labels} value}: one sample of the Prometheus text format. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\})? ([^ ]+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");
    private static final List<Deployable> PROCESSES = List.of(Deployable.GATEWAY, Deployable.FUNERAL,
            Deployable.ASSISTANCE, Deployable.ELDERCARE, Deployable.REGISTRY, Deployable.ORGS);

    private final HttpClient http = HttpClient.newHttpClient();
    private final Stack stack;
    private final String token;
    private final Path directory;
    private final Map<Deployable, Map<String, Double>> before;
    private final Map<Deployable, Long> pids = new LinkedHashMap<>();
    private final Recording infrastructure = new Recording();

    private EventPathProfile(Stack stack, String token, Path directory) throws Exception {
        this.stack = stack;
        this.token = token;
        this.directory = directory;
        Files.createDirectories(directory);
        this.before = counters();
        ProcessHandle.current().descendants().forEach(process -> PROCESSES.stream()
                .filter(d -> process.info().commandLine().orElse("").contains("/" + d.module() + "-"))
                .findFirst().ifPresent(d -> pids.put(d, process.pid())));
        for (Map.Entry<Deployable, Long> process : pids.entrySet()) {
            tool("jcmd", String.valueOf(process.getValue()), "JFR.start", "name=event-path", "settings=profile");
        }
        infrastructure.setSettings(jdk.jfr.Configuration.getConfiguration("profile").getSettings());
        infrastructure.start();
    }

    static EventPathProfile start(Stack stack, String metricsToken, Path directory) throws Exception {
        return new EventPathProfile(stack, metricsToken, directory);
    }

    /** The per-case table (Markdown) and the hot methods of every process written beside it. */
    String finish(int cases) throws Exception {
        Map<Deployable, Map<String, Double>> after = counters();
        for (Map.Entry<Deployable, Long> process : pids.entrySet()) {
            Path file = directory.resolve(process.getKey().id() + ".jfr").toAbsolutePath();
            tool("jcmd", String.valueOf(process.getValue()), "JFR.stop", "name=event-path", "filename=" + file);
            Files.writeString(directory.resolve(process.getKey().id() + "-hot-methods.txt"),
                    tool("jfr", "view", "--width", "160", "hot-methods", file.toString()));
        }
        infrastructure.stop();
        Path store = directory.resolve("infrastructure.jfr").toAbsolutePath();
        infrastructure.dump(store);
        infrastructure.close();
        Files.writeString(directory.resolve("infrastructure-hot-methods.txt"),
                tool("jfr", "view", "--width", "160", "hot-methods", store.toString()));
        StringBuilder table = new StringBuilder("| per case | " + PROCESSES.stream().map(Deployable::id)
                .collect(Collectors.joining(" | ")) + " |\n|---|" + "---|".repeat(PROCESSES.size()) + "\n");
        Map<String, Map<Deployable, Double>> rows = new TreeMap<>();
        for (Deployable process : PROCESSES) {
            Map<String, Double> start = before.getOrDefault(process, Map.of());
            after.getOrDefault(process, Map.of()).forEach((row, value) -> {
                double delta = (value - start.getOrDefault(row, 0.0)) / cases;
                if (delta >= 0.05) {
                    rows.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(process, delta);
                }
            });
        }
        rows.forEach((row, values) -> table.append("| ").append(row).append(" | ").append(PROCESSES.stream()
                .map(p -> values.containsKey(p) ? "%.1f".formatted(values.get(p)) : "")
                .collect(Collectors.joining(" | "))).append(" |\n"));
        return table.toString();
    }

    /** Every process's counters that say what an event costs, each row named by what it counts. */
    private Map<Deployable, Map<String, Double>> counters() throws Exception {
        Map<Deployable, Map<String, Double>> all = new LinkedHashMap<>();
        for (Deployable process : PROCESSES) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + stack.settings().port(process) + "/actuator/prometheus")).header("Authorization", "Bearer "
                    + token).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Double> rows = new TreeMap<>();
            if (response.statusCode() == 200) {
                response.body().lines().forEach(line -> row(line, rows));
            }
            all.put(process, rows);
        }
        return all;
    }

    private static void row(String line, Map<String, Double> rows) {
        Matcher sample = SAMPLE.matcher(line);
        if (line.startsWith("#") || !sample.find()) {
            return;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        Matcher label = LABEL.matcher(sample.group(3) == null ? "" : sample.group(3));
        while (label.find()) {
            labels.put(label.group(1), label.group(2));
        }
        double value = Double.parseDouble(sample.group(4));
        String row = switch (sample.group(1)) {
            case "mongodb_driver_commands_seconds_count" -> "store " + labels.get("command") + " "
                    + labels.getOrDefault("collection", "");
            case "minzheng_outbox_batches_total" -> "relay batches (Kafka transactions)";
            case "minzheng_outbox_published_total" -> "events published";
            case "minzheng_events_received_total" -> "events received, " + labels.get("outcome");
            case "http_server_requests_seconds_count" -> "HTTP requests served";
            case "http_client_requests_seconds_count" -> "HTTP requests made";
            default -> null;
        };
        if (row != null) {
            rows.merge(row, value, Double::sum);
            if (row.startsWith("store ")) {
                rows.merge("store round trips, all", value, Double::sum);
            }
        }
    }

    /** A JDK tool beside the java running this JVM; its output. */
    private static String tool(String name, String... arguments) throws IOException, InterruptedException {
        Path runtime = Path.of(ProcessHandle.current().info().command().orElseThrow());
        List<String> command = new ArrayList<>();
        command.add(runtime.resolveSibling(name).toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }
}
