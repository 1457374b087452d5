package cn.minzheng.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import cn.minzheng.devstack.Deployable;
import cn.minzheng.devstack.LocalPrometheus;
import cn.minzheng.devstack.process.ManagedProcess;
import cn.minzheng.testsupport.HttpCalls;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What {@code ./mz run --prometheus} starts, against the running platform: Debian's Prometheus scrapes every
 * deployable with the realm's metrics client (each target up: a scrape it cannot parse marks the target down) and
 * has the alert rules loaded and healthy.
 */
class LocalPrometheusIT extends ThroughTheGateway {

    @Test
    void prometheus_scrapes_every_deployable_and_evaluates_the_alert_rules() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ManagedProcess prometheus = LocalPrometheus.start(stack, port).orElseThrow(() -> new AssertionError(
                LocalPrometheus.BINARY + " is missing: ./mz test installs Debian's prometheus package"));
        try {
            HttpCalls api = new HttpCalls("http://127.0.0.1:" + port);
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                JsonNode targets = api.get("/api/v1/targets", null).json().path("data").path("activeTargets");
                assertThat(targets.size()).isEqualTo(Deployable.values().length);
                assertThat(targets.valueStream()).allSatisfy(target -> assertThat(target.path("health").asString())
                        .as("%s: %s", target.path("labels").path("job").asString(),
                                target.path("lastError").asString())
                        .isEqualTo("up"));
            });
            JsonNode rules = api.get("/api/v1/rules", null).json().path("data").path("groups");
            assertThat(rules.valueStream().flatMap(group -> group.path("rules").valueStream()))
                    .hasSize(8).allSatisfy(rule -> assertThat(rule.path("health").asString()).isEqualTo("ok"));
        } finally {
            prometheus.stop(Duration.ofSeconds(10));
        }
    }
}
