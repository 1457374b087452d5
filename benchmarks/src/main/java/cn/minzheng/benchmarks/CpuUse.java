package cn.minzheng.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where the machine's cores went during a measured phase: CPU time per process of the platform (this JVM hosts the
 * store, the broker and the load generator; each service, the gateway and Keycloak are child processes).
 */
final class CpuUse {

    private static final Pattern JAR = Pattern.compile("([a-z-]+)-[0-9][^/]*-exec\\.jar");

    private final Map<String, Duration> before;

    private CpuUse(Map<String, Duration> before) {
        this.before = before;
    }

    static CpuUse start() {
        return new CpuUse(snapshot());
    }

    /** CPU seconds used by each process since {@link #start()}, largest first. */
    String since() {
        Map<String, Duration> after = snapshot();
        Map<String, Double> used = new TreeMap<>();
        after.forEach((name, total) -> used.put(name,
                total.minus(before.getOrDefault(name, Duration.ZERO)).toMillis() / 1000.0));
        return used.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> "%s %.1f s".formatted(e.getKey(), e.getValue())).collect(Collectors.joining(", "));
    }

    private static Map<String, Duration> snapshot() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        ProcessHandle self = ProcessHandle.current();
        cpu.put("benchmark JVM (store, broker, generator)", self.info().totalCpuDuration().orElse(Duration.ZERO));
        self.descendants().forEach(process -> cpu.put(name(process),
                process.info().totalCpuDuration().orElse(Duration.ZERO)));
        return cpu;
    }

    private static String name(ProcessHandle process) {
        String command = process.info().arguments().map(arguments -> String.join(" ", Arrays.asList(arguments)))
                .orElse("");
        Matcher jar = JAR.matcher(command);
        String name = jar.find() ? jar.group(1) : command.contains("keycloak") ? "keycloak"
                : process.info().command().orElse("process");
        return name + " (pid " + process.pid() + ")";
    }
}
