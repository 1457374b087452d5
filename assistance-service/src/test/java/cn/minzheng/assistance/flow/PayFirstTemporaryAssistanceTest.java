package cn.minzheng.assistance.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** 小额先行: a township pays small temporary assistance at once, and a crash part-way never pays twice. */
@ServiceTest
class PayFirstTemporaryAssistanceTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    AssistanceApi api;

    @BeforeEach
    void setUp() {
        api = new AssistanceApi(port);
        api.standard("320404", "800.00", "2018-07-01");
    }

    private HttpCalls.Response submitTemporary(String householdId, String key) {
        return api.http.send(api.http.request("/api/assistance/applications", AssistanceApi.OFFICER)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"householdId":"%s","programme":"TEMPORARY","reason":"突发火灾，急需生活救助",
                         "requestedAmount":500.00}""".formatted(householdId))));
    }

    private long paymentsOf(String householdId) {
        return mongo.count(new Query(Criteria.where("householdId").is(householdId)), "payments");
    }

    @Test
    void a_retry_after_a_crash_between_the_application_and_its_payment_pays_exactly_once() {
        String householdId = api.register(api.family()).json().path("id").asString();
        String key = "temp-" + UUID.randomUUID();

        var first = submitTemporary(householdId, key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String applicationId = first.json().path("id").asString();
        assertThat(mongo.findById("pay-temp-" + applicationId, Document.class, "payments")).isNotNull();
        assertThat(paymentsOf(householdId)).isEqualTo(1);

        // The state a crash right after storing the application leaves: no payment, no remembered response.
        mongo.remove(new Query(Criteria.where("_id").is("pay-temp-" + applicationId)), "payments");
        mongo.remove(new Query(), "idempotency_keys");

        var retried = submitTemporary(householdId, key);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.json().path("id").asString()).isEqualTo(applicationId);
        assertThat(paymentsOf(householdId)).isEqualTo(1);
        assertThat(mongo.count(new Query(Criteria.where("householdId").is(householdId)), "applications"))
                .isEqualTo(1);
    }
}
