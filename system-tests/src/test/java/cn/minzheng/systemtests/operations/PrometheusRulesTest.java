package cn.minzheng.systemtests.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.minzheng.devstack.StackSettings;
import org.junit.jupiter.api.Test;

/**
 * The alert rules in deploy/prometheus are checked and unit tested by Prometheus's own promtool (Debian's
 * {@code prometheus} package; {@code ./mz test} installs it when missing), and every platform metric a rule reads is
 * one the code registers, so a renamed meter cannot silence an alert.
 */
class PrometheusRulesTest {

    private static final Pattern RULE_METRIC = Pattern.compile("\\b(minzheng_[a-z_]+?)(_total|_seconds_bucket)?\\b");
    private static final Pattern REGISTERED = Pattern.compile("\"(minzheng\\.[a-z.]+)\"");

    private final Path root = StackSettings.findRoot(Path.of(""));
    private final Path rules = root.resolve("deploy/prometheus");

    @Test
    void the_rules_are_valid() throws Exception {
        assertThat(promtool("check", "rules", "alerts.yml")).contains("SUCCESS");
    }

    @Test
    void each_alert_fires_on_what_should_wake_someone_and_not_below_it() throws Exception {
        assertThat(promtool("test", "rules", "alerts-test.yml")).contains("SUCCESS");
    }

    /** What ./mz run --prometheus starts Prometheus with: every deployable scraped, the rules loaded. */
    @Test
    void the_dev_runs_prometheus_configuration_is_valid_and_scrapes_every_deployable() throws Exception {
        var settings = cn.minzheng.devstack.StackSettings.forTests(root, Files.createTempDirectory("prometheus"));
        String configuration = cn.minzheng.devstack.LocalPrometheus.configuration(settings);
        Path file = Files.createTempFile("prometheus", ".yml");
        Files.writeString(file, configuration);
        assertThat(promtool("check", "config", file.toString())).contains("SUCCESS", "alerts.yml");
        for (var deployable : cn.minzheng.devstack.Deployable.values()) {
            assertThat(configuration).contains("job_name: minzheng-" + deployable.module(),
                    "127.0.0.1:" + settings.port(deployable));
        }
    }

    /**
     * A Grafana dashboard per deployable (deploy/grafana): each panel reads that deployable's series only, and its
     * PromQL is valid (promtool checks the queries as recording rules) over metrics the code registers.
     */
    @Test
    void every_deployable_has_a_dashboard_of_valid_queries_over_its_own_series() throws Exception {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        StringBuilder recording = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        Set<String> registered = registeredMetrics();
        for (var deployable : cn.minzheng.devstack.Deployable.values()) {
            var dashboard = json.readTree(root.resolve("deploy/grafana/" + deployable.module() + ".json").toFile());
            assertThat(dashboard.path("uid").asString()).isEqualTo("minzheng-" + deployable.module());
            assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(4);
            for (var panel : dashboard.path("panels")) {
                String expr = panel.path("targets").path(0).path("expr").asString();
                assertThat(expr).as(panel.path("title").asString())
                        .contains("application=\"" + deployable.module() + "\"");
                RULE_METRIC.matcher(expr).results().forEach(m -> assertThat(registered).contains(m.group(1)));
                recording.append("      - record: dashboard:").append(deployable.id()).append('_')
                        .append(panel.path("id").asInt()).append("\n        expr: '").append(expr.replace("'", "''"))
                        .append("'\n");
            }
        }
        Path file = Files.createTempFile("dashboards", ".yml");
        Files.writeString(file, recording);
        assertThat(promtool("check", "rules", file.toString())).contains("SUCCESS");
    }

    @Test
    void every_platform_metric_a_rule_reads_is_registered_by_the_code() throws IOException {
        Set<String> registered = registeredMetrics();
        Matcher read = RULE_METRIC.matcher(Files.readString(rules.resolve("alerts.yml")));
        List<String> names = read.results().map(m -> m.group(1)).distinct().toList();
        assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(registered).as("meters in the code")
                .contains(name));
    }

    private Set<String> registeredMetrics() throws IOException {
        Set<String> registered = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(root)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java") && p.toString().contains("src/main"))
                    .toList()) {
                Matcher names = REGISTERED.matcher(Files.readString(source));
                while (names.find()) {
                    registered.add(names.group(1).replace('.', '_'));
                }
            }
        }
        return registered;
    }

    private String promtool(String... arguments) throws Exception {
        Path promtool = Stream.of("/usr/bin/promtool", "/usr/local/bin/promtool").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError(
                        "promtool is missing: ./mz test installs Debian's prometheus package (apt-get install prometheus)"));
        List<String> command = new java.util.ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(rules.toFile()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
