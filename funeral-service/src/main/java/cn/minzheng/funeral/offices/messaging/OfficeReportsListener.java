package cn.minzheng.funeral.offices.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import cn.minzheng.funeral.onething.CaseReports;
import cn.minzheng.funeral.retraction.RetractionService;
import cn.minzheng.platform.events.EventHandlers;
import cn.minzheng.platform.events.EventInbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Eldercare's and registry's step reports and retraction reports (assistance's arrive on its topic, which
 * {@code AssistanceListener} already reads: one listener per topic, so that no two consumers of this service split a
 * topic's partitions).
 */
@Component
class OfficeReportsListener {

    private final EventInbox inbox;
    final EventHandlers handlers;

    OfficeReportsListener(CaseReports reports, RetractionService retractions, EventInbox inbox) {
        this.inbox = inbox;
        this.handlers = EventHandlers.create().on(CaseReports.TYPES, reports::apply)
                .on(RetractionService.REPORT_TYPES, retractions::reported);
    }

    @KafkaListener(topics = {"minzheng.eldercare", "minzheng.registry"}, containerFactory = "eventListenerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, handlers);
    }
}
