package cn.minzheng.funeral.offices.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import cn.minzheng.funeral.marriage.messaging.RegistryMarriages;
import cn.minzheng.funeral.onething.CaseReports;
import cn.minzheng.funeral.retraction.RetractionService;
import cn.minzheng.platform.events.EventHandlers;
import cn.minzheng.platform.events.EventInbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Eldercare's and registry's step reports and retraction reports, and registry's marriages and divorces for the
 * spouse records (assistance's reports arrive on its topic, which
 * {@code AssistanceListener} already reads: one listener per topic, so that no two consumers of this service split a
 * topic's partitions).
 */
@Component
class OfficeReportsListener {

    private final EventInbox inbox;
    final EventHandlers handlers;

    OfficeReportsListener(CaseReports reports, RetractionService retractions, RegistryMarriages marriages,
            EventInbox inbox) {
        this.inbox = inbox;
        this.handlers = EventHandlers.create().on(CaseReports.TYPES, reports::apply)
                .on(RetractionService.REPORT_TYPES, retractions::reported)
                .on(RegistryMarriages.TYPES, marriages::apply);
    }

    @KafkaListener(topics = {"minzheng.eldercare", "minzheng.registry"}, containerFactory = "eventListenerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, handlers);
    }
}
