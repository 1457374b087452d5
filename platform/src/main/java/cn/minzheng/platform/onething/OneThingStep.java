package cn.minzheng.platform.onething;

import java.time.Clock;
import java.time.Instant;

import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.onething.messaging.StepReported;
import cn.minzheng.platform.text.Text;
import cn.minzheng.platform.text.Texts;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An office's report for one after-death case (collection {@code one_thing_steps}), stored with its event in one
 * write, so no report is published that was not stored.
 */
@Document("one_thing_steps")
public class OneThingStep extends OutboxAggregate {

    public enum Status {
        DONE, NOT_APPLICABLE,
        /** Not done, with the reason: the office's records contradict the death. */
        REFUSED
    }

    @Id
    private final String id;
    private final String caseId;
    private final String personRef;
    private final Status status;
    private final Text detail;
    private final Instant reportedAt;

    @PersistenceCreator
    OneThingStep(String id, String caseId, String personRef, Status status, Text detail, Instant reportedAt) {
        this.id = id;
        this.caseId = caseId;
        this.personRef = personRef;
        this.status = status;
        this.detail = detail;
        this.reportedAt = reportedAt;
    }

    public static String idFor(String caseId) {
        return "step-" + caseId;
    }

    /**
     * The step with what was done ({@code detail}, a key of the office's bundles); the event carries it worded in
     * both languages ({@code words}), since funeral, which shows it, cannot word another office's keys.
     */
    static OneThingStep report(String office, String caseId, String personRef, Status status, Text detail,
            Texts.Wordings words, Clock clock) {
        OneThingStep step = new OneThingStep(idFor(caseId), caseId, personRef, status, detail, clock.instant());
        step.register(new StepReported(caseId, personRef, office, status.name(), words.chinese(), words.english()),
                clock);
        return step;
    }

    @Override
    public String id() {
        return id;
    }

    public String caseId() {
        return caseId;
    }

    public Status status() {
        return status;
    }

    public Text detail() {
        return detail;
    }
}
