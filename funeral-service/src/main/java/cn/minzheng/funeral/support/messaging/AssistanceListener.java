package cn.minzheng.funeral.support.messaging;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import cn.minzheng.funeral.onething.CaseReports;
import cn.minzheng.funeral.retraction.RetractionService;
import cn.minzheng.funeral.support.HouseholdSupport;
import cn.minzheng.platform.events.EventHandlers;
import cn.minzheng.platform.events.EventInbox;
import cn.minzheng.platform.events.IncomingEvent;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * assistance-service's enrolment events read into {@link HouseholdSupport}. Only the monthly household
 * programmes count (DIBAO, TEKUN); category allowances have their own event types and are never read as poverty.
 * Through the platform's inbox: once per event.
 */
@Component
class AssistanceListener {

    static final String APPROVED = "minzheng.assistance.assistance.approved.v1";
    static final String CHANGED = "minzheng.assistance.assistance.changed.v1";
    static final String TERMINATED = "minzheng.assistance.assistance.terminated.v1";
    private static final Set<String> PROGRAMMES = Set.of("DIBAO", "TEKUN");

    private final HouseholdSupport support;
    private final EventInbox inbox;
    final EventHandlers handlers = EventHandlers.create().on(APPROVED, this::approved).on(CHANGED, this::changed)
            .on(TERMINATED, this::terminated);

    AssistanceListener(HouseholdSupport support, CaseReports reports, RetractionService retractions,
            EventInbox inbox) {
        this.support = support;
        this.inbox = inbox;
        // assistance's step and retraction reports arrive on the same topic (one listener per topic).
        this.handlers.on(CaseReports.TYPES, reports::apply).on(RetractionService.REPORT_TYPES, retractions::reported);
    }

    @KafkaListener(topics = "minzheng.assistance", containerFactory = "eventListenerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, handlers);
    }

    private void approved(IncomingEvent event) {
        if (!counts(event) || !event.data().hasNonNull("enrolmentId")) {
            return;
        }
        support.members(event.requiredText("enrolmentId"), event.requiredText("programme"),
                YearMonth.parse(event.requiredText("startMonth")), personRefs(event), true);
    }

    private void changed(IncomingEvent event) {
        if (!counts(event)) {
            return;
        }
        if ("TERMINATED".equals(event.requiredText("status")) && event.data().hasNonNull("lastMonth")) {
            support.ended(event.requiredText("enrolmentId"), event.requiredText("programme"),
                    YearMonth.parse(event.requiredText("lastMonth")));
            return;
        }
        support.members(event.requiredText("enrolmentId"), event.requiredText("programme"),
                YearMonth.parse(event.requiredText("fromMonth")), personRefs(event), false);
    }

    private void terminated(IncomingEvent event) {
        if (counts(event)) {
            support.ended(event.requiredText("enrolmentId"), event.requiredText("programme"),
                    YearMonth.parse(event.requiredText("lastMonth")));
        }
    }

    private static boolean counts(IncomingEvent event) {
        return PROGRAMMES.contains(event.data().path("programme").asString(""));
    }

    private static List<String> personRefs(IncomingEvent event) {
        List<String> refs = new ArrayList<>();
        event.data().path("personRefs").valueStream().filter(node -> node.isString())
                .forEach(node -> refs.add(node.asString()));
        return refs;
    }
}
