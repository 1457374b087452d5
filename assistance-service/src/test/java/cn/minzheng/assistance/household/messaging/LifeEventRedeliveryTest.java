package cn.minzheng.assistance.household.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.minzheng.assistance.flow.AssistanceApi;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Every event type the real listener handles, delivered twice on the real broker: the second delivery changes
 * nothing, not even the household's version (an officer's pending {@code If-Match} stays valid).
 */
@ServiceTest
class LifeEventRedeliveryTest {

    @LocalServerPort
    int port;

    @Autowired
    LifeEventListener listener;

    @Autowired
    MongoTemplate mongo;

    @Test
    void a_redelivered_death_marriage_divorce_or_adoption_changes_no_household() {
        AssistanceApi api = new AssistanceApi(port);
        var registered = api.register(api.family());
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        JsonNode household = registered.json();
        String householdId = household.path("id").asString();
        // The platform stores a DivisionCode as its plain digits, which within(division)'s prefix query reads.
        assertThat(stored(householdId).get("division")).isEqualTo("320404001007");
        Map<String, String> refs = new java.util.HashMap<>();
        household.path("members").forEach(m -> refs.put(m.path("relation").asString(), m.path("personRef").asString()));

        // The retraction last: it undoes the child's death, which must have happened first.
        List<String> types = listener.handlers.types().stream()
                .sorted(java.util.Comparator.comparing(t -> t.equals(LifeEventListener.DEATH_RETRACTED))).toList();
        assertThat(types).contains(LifeEventListener.DEATH_RETRACTED);
        for (String type : types) {
            String body = type.equals(LifeEventListener.DEATH_RETRACTED)
                    ? "{\"deathId\":\"death-" + refs.get("CHILD") + "\",\"personRef\":\"" + refs.get("CHILD")
                            + "\",\"dateOfDeath\":\"2026-11-20\",\"residenceDivision\":\"320404001007\",\"reason\":\"x\"}"
                    : type.equals(LifeEventListener.DEATH_RECORDED)
                    ? "{\"personRef\":\"" + refs.get("CHILD") + "\",\"dateOfDeath\":\"2026-11-20\"}"
                    : type.equals(LifeEventListener.CASE_OPENED)
                    ? "{\"caseId\":\"case-" + householdId + "\",\"personRef\":\"" + refs.get("HEAD")
                            + "\",\"deathId\":\"d-1\",\"dateOfDeath\":\"2026-11-21\",\"residenceDivision\":\"320404001007\"}"
                    : "{\"partyA\":{\"personRef\":\"" + refs.get("HEAD") + "\"},\"personRefs\":[\""
                            + refs.get("SPOUSE") + "\"]}";
            String topic = "minzheng." + type.split("\\.")[1];
            String id = UUID.randomUUID().toString();

            long versionBefore = stored(householdId).get("version", Number.class).longValue();
            TopicRecords.sendCloudEvent(topic, householdId, type, id, body);
            awaitHandled(id);
            Document before = stored(householdId);
            assertThat(before.get("version", Number.class).longValue()).as("first delivery of " + type + " acted")
                    .isGreaterThan(versionBefore);

            TopicRecords.sendCloudEvent(topic, householdId, type, id, body);
            // A later event on the same key (same partition) is handled only after the redelivery was.
            String after = UUID.randomUUID().toString();
            TopicRecords.sendCloudEvent(topic, householdId, type, after,
                    type.equals(LifeEventListener.DEATH_RETRACTED)
                            ? "{\"deathId\":\"death-nobody\",\"personRef\":\"nobody\",\"dateOfDeath\":\"2026-11-20\"}"
                            : type.equals(LifeEventListener.DEATH_RECORDED)
                            ? "{\"personRef\":\"nobody\",\"dateOfDeath\":\"2026-11-20\"}"
                            : type.equals(LifeEventListener.CASE_OPENED)
                            ? "{\"caseId\":\"case-nobody\",\"personRef\":\"nobody\",\"dateOfDeath\":\"2026-11-20\"}"
                            : "{\"personRefs\":[]}");
            awaitHandled(after);

            assertThat(stored(householdId)).as("after redelivering " + type).isEqualTo(before);
        }
    }

    private void awaitHandled(String eventId) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> mongo.exists(new Query(Criteria.where("_id").is(eventId)), "processed_events"));
    }

    /** The household as stored, without the outbox fields the relay empties meanwhile. */
    private Document stored(String householdId) {
        Document document = mongo.findById(householdId, Document.class, "households");
        document.remove("outbox");
        document.remove("outboxLease");
        return document;
    }
}
