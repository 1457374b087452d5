package cn.minzheng.eldercare.death.messaging;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.minzheng.eldercare.resident.AdmissionService;
import cn.minzheng.eldercare.serviceorder.ServiceOrders;
import cn.minzheng.platform.events.EventHandlers;
import cn.minzheng.platform.events.EventInbox;
import cn.minzheng.platform.events.IncomingEvent;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * funeral's {@code death.recorded}: the resident is discharged (DECEASED) and the bed freed, and home-care orders
 * not yet served are closed; once per event.
 */
@Component
class DeathListener {

    static final String DEATH_RECORDED = "minzheng.funeral.death.recorded.v1";

    private static final Logger log = LoggerFactory.getLogger(DeathListener.class);

    private final AdmissionService admissions;
    private final ServiceOrders orders;
    private final EventInbox inbox;
    final EventHandlers handlers = EventHandlers.create().on(DEATH_RECORDED, this::deathRecorded);

    DeathListener(AdmissionService admissions, ServiceOrders orders, EventInbox inbox) {
        this.admissions = admissions;
        this.orders = orders;
        this.inbox = inbox;
    }

    @KafkaListener(topics = "minzheng.funeral", containerFactory = "eventListenerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, handlers);
    }

    private void deathRecorded(IncomingEvent event) {
        DeathRecorded death = DeathRecorded.from(event);
        int discharged = admissions.deceased(death.personRef(), death.dateOfDeath(), "event:" + event.id());
        int closed = orders.deceased(death.personRef());
        log.info("Death event {}: {} resident(s) discharged, {} home-care order(s) closed", event.id(), discharged,
                closed);
    }

    /** This service's own reading of funeral's event: only the two fields it needs. */
    record DeathRecorded(String personRef, LocalDate dateOfDeath) {

        static DeathRecorded from(IncomingEvent event) {
            return new DeathRecorded(event.requiredText("personRef"), event.requiredDate("dateOfDeath"));
        }
    }
}
