package cn.minzheng.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import cn.minzheng.devstack.Deployable;
import cn.minzheng.devstack.StackSettings;
import cn.minzheng.devstack.infra.KafkaBroker;
import cn.minzheng.devstack.infra.MongoStore;
import cn.minzheng.devstack.process.ManagedProcess;
import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;

/**
 * The funeral service, run as a child process as {@code ./mz run} runs it, stores 20 deaths while the broker is
 * away (so none can be published yet) and is then killed with SIGKILL: nothing in its code knows a test is
 * running. With the broker back and the service started again, its relay finds what the dead one stored and every
 * {@code death.recorded} reaches the broker, each death's once.
 */
class ServiceKilledBeforePublishingIT {

    private static final int DEATHS = 20;

    @Test
    void a_service_killed_between_its_writes_and_their_publication_loses_no_event() throws Exception {
        Path root = StackSettings.findRoot(Path.of(""));
        Path logDir = Files.createTempDirectory("killed-service-kafka");
        int brokerPort = StackSettings.freePort();
        int controllerPort = StackSettings.freePort();
        int servicePort = StackSettings.freePort();
        KafkaBroker broker = KafkaBroker.start(logDir, brokerPort, controllerPort);
        try (MongoStore store = MongoStore.inMemory()) {
            ManagedProcess service = funeralService(root, servicePort, store, broker.bootstrapServers());
            service.start().awaitReady(Instant.now().plus(Duration.ofMinutes(3)));
            HttpCalls http = new HttpCalls("http://127.0.0.1:" + servicePort);
            String operator = TestJwts.token("home-1", "320404", "funeral-home-operator");

            broker.close();
            Set<String> deathIds = new HashSet<>();
            for (int i = 0; i < DEATHS; i++) {
                String idNumber = TestIdNumbers.female("320404", LocalDate.of(1930, 1, 1).plusDays(i * 37L));
                var recorded = http.postJson("/api/funeral/deaths", operator, """
                        {"idNumber":"%s","name":"钱秀英","dateOfDeath":"2026-11-30","place":"常州市第一人民医院",
                         "cause":"DISEASE","divisionCode":"320404001007"}""".formatted(idNumber));
                assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
                deathIds.add(recorded.json().path("id").asString());
            }
            service.kill();

            broker = KafkaBroker.start(logDir, brokerPort, controllerPort);
            ManagedProcess again = funeralService(root, servicePort, store, broker.bootstrapServers());
            try {
                again.start().awaitReady(Instant.now().plus(Duration.ofMinutes(3)));
                Map<String, Integer> copies = deathsOnBroker(broker.bootstrapServers(), DEATHS);
                System.out.printf("killed service: %d deaths stored before the kill, %d on the broker after the "
                        + "restart, %d copies%n", deathIds.size(), copies.size(),
                        copies.values().stream().mapToInt(Integer::intValue).sum());
                assertThat(copies).hasSize(DEATHS);
                assertThat(copies.values()).as("each event once").containsOnly(1);
            } finally {
                again.stop(Duration.ofSeconds(20));
            }
        } finally {
            broker.close();
        }
    }

    private static ManagedProcess funeralService(Path root, int port, MongoStore store, String bootstrap) {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("MONGODB_URI", store.uri("funeral"));
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("OIDC_ISSUER_URI", TestJwts.ISSUER);
        env.put("OIDC_JWK_SET_URI", TestJwts.jwkSetUri());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:+UseSerialGC", "-jar",
                Deployable.FUNERAL.executableJar(root).toString()));
        return new ManagedProcess("funeral-" + UUID.randomUUID().toString().substring(0, 6), command, env,
                root.resolve("system-tests/target/killed-funeral-" + port + "-" + System.nanoTime() + ".log"),
                java.net.URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"));
    }

    /** death.recorded events on the broker (read committed), by event id, with how many copies of each. */
    private static Map<String, Integer> deathsOnBroker(String bootstrap, int expected) {
        Map<String, Integer> copies = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "killed-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("minzheng.funeral"));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(record -> {
                    String type = new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
                    if (type.equals("minzheng.funeral.death.recorded.v1")) {
                        copies.merge(new String(record.headers().lastHeader("ce_id").value(),
                                StandardCharsets.UTF_8), 1, Integer::sum);
                    }
                });
                return copies.size() >= expected;
            });
            // One more poll, so that a further copy already on the broker would be counted too.
            consumer.poll(Duration.ofSeconds(2)).forEach(record -> {
                String type = new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
                if (type.equals("minzheng.funeral.death.recorded.v1")) {
                    copies.merge(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8),
                            1, Integer::sum);
                }
            });
        }
        return copies;
    }
}
