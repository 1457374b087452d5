package cn.minzheng.registry.marriage.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonRefs;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.registry.flow.RegistryApi;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Every event type the real death listener handles, delivered twice: the second delivery changes no marriage. Then
 * the death is retracted: the marriage is married again, the report names it, and a redelivery changes nothing.
 */
@ServiceTest
class DeathRedeliveryTest {

    @LocalServerPort
    int port;

    @Autowired
    DeathListener listener;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PersonalDataCipher cipher;

    @Test
    void a_redelivered_death_changes_neither_the_marriage_nor_its_version() {
        RegistryApi api = new RegistryApi(port);
        String office = api.office("[{\"slot\":\"09:00-10:00\",\"capacity\":5}]");
        String husband = TestIdNumbers.male("320404", LocalDate.of(1948, 4, 4));
        String marriageId = api.married(office, husband, TestIdNumbers.female("320404", LocalDate.of(1949, 4, 4)))
                .path("id").asString();
        String personRef = PersonRefs.of(ResidentIdNumber.of(husband), cipher);
        // The day the marriage was registered: a death reported before it would contradict the registry.
        String died = api.serviceToday().toString();

        assertThat(listener.handlers.types()).containsExactlyInAnyOrder(DeathListener.DEATH_RECORDED,
                DeathListener.CASE_OPENED, DeathListener.DEATH_RETRACTED);
        for (String type : java.util.List.of(DeathListener.DEATH_RECORDED, DeathListener.CASE_OPENED)) {
            String id = UUID.randomUUID().toString();
            String body = "{\"caseId\":\"case-" + id + "\",\"personRef\":\"" + personRef
                    + "\",\"dateOfDeath\":\"" + died + "\"}";
            TopicRecords.sendCloudEvent("minzheng.funeral", "death-" + id, type, id, body);
            awaitHandled(id);
            Document before = stored(marriageId);
            assertThat(before.getString("status")).isEqualTo("ENDED_BY_DEATH");

            TopicRecords.sendCloudEvent("minzheng.funeral", "death-" + id, type, id, body);
            String after = UUID.randomUUID().toString();
            TopicRecords.sendCloudEvent("minzheng.funeral", "death-" + id, type, after,
                    "{\"caseId\":\"case-" + after + "\",\"personRef\":\"nobody\",\"dateOfDeath\":\"2026-11-20\"}");
            awaitHandled(after);

            assertThat(stored(marriageId)).isEqualTo(before);
            if (type.equals(DeathListener.CASE_OPENED)) {
                // The office's step for the case: the marriage ended by this death (already, on death.recorded).
                assertThat(mongo.findById("step-case-" + id, Document.class, "one_thing_steps").getString("status"))
                        .isEqualTo("DONE");
                assertThat(mongo.findById("step-case-" + after, Document.class, "one_thing_steps")
                        .getString("status")).isEqualTo("NOT_APPLICABLE");
            }
        }

        String retraction = UUID.randomUUID().toString();
        String body = "{\"deathId\":\"death-" + personRef + "\",\"personRef\":\"" + personRef
                + "\",\"dateOfDeath\":\"" + died + "\",\"residenceDivision\":\"320404\",\"reason\":\"错录\"}";
        TopicRecords.sendCloudEvent("minzheng.funeral", personRef, DeathListener.DEATH_RETRACTED, retraction, body);
        awaitHandled(retraction);
        Document restored = stored(marriageId);
        assertThat(restored.getString("status")).isEqualTo("MARRIED");
        assertThat(restored.get("deceasedRef")).isNull();
        Document report = mongo.findById("retraction-death-" + personRef, Document.class, "retraction_reports");
        assertThat(report.getList("reversed", Document.class)).extracting(d -> d.getString("code"),
                d -> d.getString("ref")).containsExactly(org.assertj.core.groups.Tuple.tuple("MARRIAGE_RESTORED",
                        marriageId));
        assertThat(mongo.exists(new Query(Criteria.where("_id").is(personRef)), "deaths")).isFalse();

        String again = UUID.randomUUID().toString();
        TopicRecords.sendCloudEvent("minzheng.funeral", personRef, DeathListener.DEATH_RETRACTED, again, body);
        awaitHandled(again);
        assertThat(stored(marriageId)).isEqualTo(restored);
    }

    @Test
    void a_death_before_a_marriage_the_person_registered_in_person_is_refused_and_changes_nothing() {
        RegistryApi api = new RegistryApi(port);
        String office = api.office("[{\"slot\":\"09:00-10:00\",\"capacity\":5}]");
        String wife = TestIdNumbers.female("320404", LocalDate.of(1951, 5, 5));
        String marriageId = api.married(office, TestIdNumbers.male("320404", LocalDate.of(1950, 5, 5)), wife)
                .path("id").asString();
        String personRef = PersonRefs.of(ResidentIdNumber.of(wife), cipher);
        String before = api.serviceToday().minusDays(3).toString();
        String recorded = UUID.randomUUID().toString();
        TopicRecords.sendCloudEvent("minzheng.funeral", personRef, DeathListener.DEATH_RECORDED, recorded,
                "{\"caseId\":\"case-" + personRef + "\",\"personRef\":\"" + personRef + "\",\"dateOfDeath\":\""
                        + before + "\"}");
        String opened = UUID.randomUUID().toString();
        TopicRecords.sendCloudEvent("minzheng.funeral", personRef, DeathListener.CASE_OPENED, opened,
                "{\"caseId\":\"case-" + personRef + "\",\"personRef\":\"" + personRef + "\",\"dateOfDeath\":\""
                        + before + "\"}");
        awaitHandled(opened);
        assertThat(stored(marriageId).getString("status")).isEqualTo("MARRIED");
        assertThat(mongo.exists(new Query(Criteria.where("_id").is(personRef)), "deaths")).isFalse();
        Document step = mongo.findById("step-case-" + personRef, Document.class, "one_thing_steps");
        assertThat(step.getString("status")).isEqualTo("REFUSED");
        // The detail is a stored text (key and arguments, worded when read): it names the marriage and the date.
        assertThat(step.get("detail", Document.class).getList("args", String.class)).contains(marriageId,
                before.toString());
    }

    private void awaitHandled(String eventId) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> mongo.exists(new Query(Criteria.where("_id").is(eventId)), "processed_events"));
    }

    private Document stored(String marriageId) {
        Document document = mongo.findById(marriageId, Document.class, "marriages");
        document.remove("outbox");
        document.remove("outboxLease");
        return document;
    }
}
