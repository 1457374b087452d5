package cn.minzheng.eldercare.support.messaging;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.minzheng.eldercare.support.AssistanceStatus;
import cn.minzheng.platform.events.EventHandlers;
import cn.minzheng.platform.events.EventInbox;
import cn.minzheng.platform.events.IncomingEvent;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * assistance-service's enrolment events, read into {@link AssistanceStatus}: approved (from a month), changed
 * (members, or terminated from a month), terminated (the last month paid). Temporary assistance and marginal
 * status are no monthly support and are left out. Through the platform's inbox: once per event.
 */
@Component
class AssistanceListener {

    static final String APPROVED = "minzheng.assistance.assistance.approved.v1";
    static final String CHANGED = "minzheng.assistance.assistance.changed.v1";
    static final String TERMINATED = "minzheng.assistance.assistance.terminated.v1";

    private final AssistanceStatus status;
    private final EventInbox inbox;
    final EventHandlers handlers = EventHandlers.create().on(APPROVED, this::approved).on(CHANGED, this::changed)
            .on(TERMINATED, this::terminated);

    AssistanceListener(AssistanceStatus status, EventInbox inbox) {
        this.status = status;
        this.inbox = inbox;
    }

    @KafkaListener(topics = "minzheng.assistance", containerFactory = "eventListenerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, handlers);
    }

    private void approved(IncomingEvent event) {
        Optional<AssistanceStatus.Programme> programme = programme(event);
        if (programme.isEmpty() || event.data().path("enrolmentId").isMissingNode()) {
            return;
        }
        status.approved(event.requiredText("enrolmentId"), programme.get(),
                YearMonth.parse(event.requiredText("startMonth")), personRefs(event));
    }

    private void changed(IncomingEvent event) {
        Optional<AssistanceStatus.Programme> programme = programme(event);
        if (programme.isEmpty()) {
            return;
        }
        if ("TERMINATED".equals(event.requiredText("status")) && event.data().hasNonNull("lastMonth")) {
            status.ended(event.requiredText("enrolmentId"), programme.get(),
                    YearMonth.parse(event.requiredText("lastMonth")), personRefs(event));
        } else {
            status.members(event.requiredText("enrolmentId"), programme.get(),
                    YearMonth.parse(event.requiredText("fromMonth")), personRefs(event));
        }
    }

    private void terminated(IncomingEvent event) {
        programme(event).ifPresent(programme -> status.ended(event.requiredText("enrolmentId"), programme,
                YearMonth.parse(event.requiredText("lastMonth")), personRefs(event)));
    }

    private static Optional<AssistanceStatus.Programme> programme(IncomingEvent event) {
        String programme = event.requiredText("programme");
        return switch (programme) {
            case "DIBAO" -> Optional.of(AssistanceStatus.Programme.DIBAO);
            case "TEKUN" -> Optional.of(AssistanceStatus.Programme.TEKUN);
            default -> Optional.empty();
        };
    }

    private static List<String> personRefs(IncomingEvent event) {
        List<String> refs = new ArrayList<>();
        event.data().path("personRefs").forEach(ref -> refs.add(ref.asString()));
        if (refs.isEmpty()) {
            throw new IncomingEvent.InvalidEventException(event.type() + " " + event.id() + " lacks personRefs");
        }
        return refs;
    }
}
