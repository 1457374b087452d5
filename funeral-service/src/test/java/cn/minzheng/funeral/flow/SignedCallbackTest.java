package cn.minzheng.funeral.flow;

import static cn.minzheng.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.minzheng.devstack.CallbackReceivers;
import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;
import cn.minzheng.testsupport.TopicRecords;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Signed callbacks to a receiver on this machine (loopback allowed here, as on the dev stack): registered by an
 * admin, refused outside the allow-list or on a private address, sent on every status change with the Standard
 * Webhooks headers, verified here by the receiver's own HMAC (not the service's code), retried after a receiver
 * error with the same webhook-id, and logged on the case.
 */
@ServiceTest
@TestPropertySource(properties = {"minzheng.funeral.callbacks.loopback-ports=" + CallbackReceivers.PORTS,
        "minzheng.funeral.callbacks.interval=PT0.2S"})
class SignedCallbackTest {

    static final String ADMIN = TestJwts.token("admin-a", "320404", "admin");
    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "a-test-key-of-32-bytes-long-1234".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    HttpCalls http;
    HttpServer receiver;
    final List<Map<String, String>> received = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger refuseNext = new AtomicInteger(1);

    @BeforeEach
    void setUp() throws IOException {
        http = new HttpCalls("http://127.0.0.1:" + port);
        receiver = CallbackReceivers.bind();
        receiver.createContext("/hooks", exchange -> {
            Map<String, String> call = new LinkedHashMap<>();
            call.put("id", exchange.getRequestHeaders().getFirst("webhook-id"));
            call.put("timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"));
            call.put("signature", exchange.getRequestHeaders().getFirst("webhook-signature"));
            call.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            boolean refuse = refuseNext.getAndDecrement() > 0;
            call.put("answered", refuse ? "500" : "204");
            received.add(call);
            exchange.sendResponseHeaders(refuse ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    String hooks() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    }

    /** The receiver's own check of the Standard Webhooks signature. */
    static boolean verified(Map<String, String> call) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal((call.get("id") + "."
                + call.get("timestamp") + "." + call.get("body")).getBytes(StandardCharsets.UTF_8)));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                call.get("signature").getBytes(StandardCharsets.UTF_8));
    }

    HttpCalls.Response open(String client, String callbackUrl, String deceased) {
        String token = TestJwts.builder().user("service-account-" + client).roles("integration")
                .claim("azp", client).build();
        return http.postJson("/api/funeral/one-thing/after-death", token, """
                {"deceased":{"idNumber":"%s","name":"钱老太","dateOfDeath":"%s","place":"家中",
                  "divisionCode":"320404001007"},
                 "applicant":{"idNumber":"%s","name":"钱建","relation":"儿子"},"callbackUrl":"%s"}""".formatted(
                deceased, LocalDate.now(ZoneId.of("Asia/Shanghai")),
                TestIdNumbers.male("320404", LocalDate.of(1966, 6, 16)), callbackUrl));
    }

    private HttpCalls.Response register(String client, String allowList) {
        return http.send(http.request("/api/funeral/integration-clients/" + client, ADMIN)
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"divisions\":[\"320404\"],\"secret\":\"" + SECRET + "\",\"allowList\":[\"" + allowList
                                + "\"]}")));
    }

    /**
     * The allow-list compares a parsed, normalised URL (scheme, host, port, whole path segments): dot segments, encoded
     * dots, user info, fragments and look-alike paths are refused; loopback only on the test receivers' ports.
     */
    @Test
    void a_callback_url_must_lie_under_the_allow_list_as_parsed_and_loopback_only_on_a_receivers_port() {
        String client = "platform-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(register(client, hooks()).status()).isEqualTo(200);
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        int n = 0;
        for (String url : List.of(base + "/hooks/../../admin", base + "/hooks/%2e%2e/admin",
                base + "/hooks/%2E%2E%2Fadmin", base + "/hooks/./x", base + "/hooks/@169.254.169.254/",
                "http://user:pw@127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/x", base + "/hooks#frag",
                base + "/hooksevil", base + "/hooks\\..\\x", "HTTP://127.0.0.1:" + receiver.getAddress().getPort()
                        + "/hooks/../admin")) {
            var refused = open(client, url, TestIdNumbers.male("320404", LocalDate.of(1929, 1, 1).plusDays(n++)));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.json().path("errors").get(0).path("field").asString()).as(url).isEqualTo("callbackUrl");
        }
        // The platform's own port on loopback is never a callback target, whatever the allow-list says.
        var ownPort = register(client, "http://127.0.0.1:" + port + "/api");
        assertThat(ownPort.status()).isEqualTo(400);
        assertThat(ownPort.json().path("errors").get(0).path("field").asString()).isEqualTo("allowList[0]");
        assertThat(register(client, "http://localhost:" + port + "/api").status()).isEqualTo(400);
    }

    @Test
    void status_changes_are_called_back_signed_retried_and_logged() throws Exception {
        String client = "platform-" + UUID.randomUUID().toString().substring(0, 6);
        var registered = http.send(http.request("/api/funeral/integration-clients/" + client, ADMIN)
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"divisions\":[\"320404\"],\"secret\":\"" + SECRET + "\",\"allowList\":[\"" + hooks()
                                + "\"]}")));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(registered.body()).doesNotContain(SECRET.substring(8));

        var outside = open(client, "http://127.0.0.1:9/elsewhere", TestIdNumbers.male("320404",
                LocalDate.of(1930, 10, 10)));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().path("errors").get(0).path("field").asString()).isEqualTo("callbackUrl");
        var unregistered = open("nobody", hooks(), TestIdNumbers.male("320404", LocalDate.of(1930, 10, 11)));
        assertThat(unregistered.status()).as("an unregistered client acts nowhere").isEqualTo(403);
        var privateAddress = http.send(http.request("/api/funeral/integration-clients/" + client, ADMIN)
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"divisions\":[\"320404\"],\"secret\":\"" + SECRET
                                + "\",\"allowList\":[\"http://10.1.2.3/hooks\"]}")));
        assertThat(privateAddress.status()).isEqualTo(400);

        JsonNode opened = open(client, hooks() + "/after-death", TestIdNumbers.female("320404",
                LocalDate.of(1931, 1, 31))).json();
        String caseId = opened.path("id").asString();
        String personRef = opened.path("personRef").asString();
        for (String office : List.of("assistance", "eldercare", "registry")) {
            TopicRecords.sendCloudEvent("minzheng." + office, caseId, "minzheng." + office
                    + ".one-thing.step-reported.v1", UUID.randomUUID().toString(), """
                    {"caseId":"%s","personRef":"%s","office":"%s","status":"DONE"}""".formatted(caseId, personRef,
                    office.toUpperCase()));
        }
        // Opened, then one change per office: four callbacks, the first refused once and sent again.
        await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().filter(c -> "204".equals(
                c.get("answered"))).map(c -> c.get("id")).distinct().count() == 4);
        List<Map<String, String>> calls = List.copyOf(received);
        assertThat(calls.get(0).get("answered")).isEqualTo("500");
        assertThat(calls.get(1).get("id")).as("the retry keeps its webhook-id").isEqualTo(calls.get(0).get("id"));
        for (Map<String, String> call : calls) {
            assertThat(verified(call)).as("signature of " + call.get("id")).isTrue();
        }
        JsonNode last = JsonMapper.builder().build().readTree(calls.getLast().get("body"));
        assertThat(last.path("status").asString()).isEqualTo("COMPLETE");
        assertThat(last.path("steps").get(3).path("detail").asString()).as("the provincial platform reads Chinese")
                .isEqualTo("已核算惠民殡葬费用减免");
        assertThat(calls).map(c -> c.get("body")).noneMatch(body -> body.contains("idNumber"));

        JsonNode log = http.get("/api/funeral/one-thing/cases/" + caseId + "/deliveries", ADMIN).json();
        assertThat(log).hasSize(4);
        assertThat(log.get(0).path("attempts").asInt()).isEqualTo(2);
        assertThat(log.get(0).path("log").get(0).path("httpStatus").asInt()).isEqualTo(500);
        assertThat(log.valueStream().map(n -> n.path("state").asString())).containsOnly("DELIVERED");
    }

    @Test
    void a_death_subscription_notifies_the_platform_of_deaths_in_its_divisions_signed_and_once() throws Exception {
        refuseNext.set(0);
        String client = "dci-" + UUID.randomUUID().toString().substring(0, 6);
        String token = TestJwts.builder().user("service-account-" + client).roles("integration")
                .claim("azp", client).build();
        var registered = http.send(http.request("/api/funeral/integration-clients/" + client, ADMIN)
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"divisions\":[\"320413\"],\"secret\":\"" + SECRET + "\",\"allowList\":[\"" + hooks()
                                + "\"]}")));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        String subscribe = "{\"eventType\":\"DEATH\",\"divisions\":[\"%s\"],\"notifyUrl\":\"%s\"}";
        assertProblem(http.postJson("/api/funeral/subscriptions", token, subscribe.formatted("320404",
                hooks() + "/dci")), 403, "outside-division");
        assertProblem(http.postJson("/api/funeral/subscriptions", token, subscribe.formatted("320413",
                "http://127.0.0.1:1/elsewhere")), 400, "invalid-request", "notifyUrl");
        assertProblem(http.postJson("/api/funeral/subscriptions", token, subscribe.formatted("320413",
                hooks() + "/dci").replace("DEATH", "BIRTH")), 400, "invalid-request", "eventType");
        var subscribed = http.postJson("/api/funeral/subscriptions", token, subscribe.formatted("320413",
                hooks() + "/dci"));
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
        String code = subscribed.json().path("subscriptionCode").asString();

        String home = TestJwts.token("home-j", "320413", "funeral-home-operator");
        String idNumber = TestIdNumbers.female("320413", LocalDate.of(1937, 3, 3));
        var recorded = http.postJson("/api/funeral/deaths", home, """
                {"idNumber":"%s","name":"蒋桂芳","dateOfDeath":"%s","place":"家中","divisionCode":"320413001001"}"""
                .formatted(idNumber, LocalDate.now(ZoneId.of("Asia/Shanghai"))));
        assertThat(recorded.status()).isEqualTo(201);
        String deathId = recorded.json().path("id").asString();
        // A death elsewhere (钟楼区) is not sent to this subscriber.
        assertThat(http.postJson("/api/funeral/deaths", TestJwts.token("home-a", "320404", "funeral-home-operator"),
                """
                {"idNumber":"%s","name":"某人","dateOfDeath":"%s","place":"家中","divisionCode":"320404001001"}"""
                .formatted(TestIdNumbers.male("320404", LocalDate.of(1936, 6, 6)), LocalDate.now(ZoneId.of(
                        "Asia/Shanghai")))).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> received.stream()
                .anyMatch(call -> call.get("body").contains(deathId)));
        List<Map<String, String>> ours = received.stream().filter(call -> call.get("body").contains(code)).toList();
        assertThat(ours).hasSize(1);
        Map<String, String> notice = ours.get(0);
        assertThat(verified(notice)).isTrue();
        assertThat(notice.get("id")).isEqualTo(code + "-" + deathId + "-recorded");
        assertThat(notice.get("body")).contains("\"change\":\"RECORDED\"", "\"residenceDivision\":\"320413001001\"",
                "蒋桂芳").doesNotContain(idNumber);

        List<String> mine = http.get("/api/funeral/subscriptions", token).json().valueStream()
                .map(s -> s.path("subscriptionCode").asString()).toList();
        assertThat(mine).containsExactly(code);
        String other = TestJwts.builder().user("service-account-other").roles("integration").claim("azp", "other")
                .build();
        assertThat(http.get("/api/funeral/subscriptions/" + code + "/deliveries", other).status()).isEqualTo(404);
        assertThat(http.get("/api/funeral/subscriptions/" + code + "/deliveries", token).json().get(0)
                .path("state").asString()).isEqualTo("DELIVERED");
        assertThat(http.send(http.request("/api/funeral/subscriptions/" + code, token).DELETE()).json()
                .path("status").asString()).isEqualTo("CANCELLED");
        assertProblem(http.send(http.request("/api/funeral/subscriptions/" + code, token).DELETE()), 409,
                "subscription-cancelled");
    }
}
