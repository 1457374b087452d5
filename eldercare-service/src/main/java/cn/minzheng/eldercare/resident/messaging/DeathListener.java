package cn.minzheng.eldercare.resident.messaging;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.minzheng.eldercare.resident.AdmissionService;
import cn.minzheng.platform.events.EventHandlers;
import cn.minzheng.platform.events.EventInbox;
import cn.minzheng.platform.events.IncomingEvent;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** funeral's {@code death.recorded}: the resident is discharged (DECEASED) and the bed freed, once per event. */
@Component
class DeathListener {

    static final String DEATH_RECORDED = "minzheng.funeral.death.recorded.v1";

    private static final Logger log = LoggerFactory.getLogger(DeathListener.class);

    private final AdmissionService admissions;
    private final EventInbox inbox;
    final EventHandlers handlers = EventHandlers.create().on(DEATH_RECORDED, this::deathRecorded);

    DeathListener(AdmissionService admissions, EventInbox inbox) {
        this.admissions = admissions;
        this.inbox = inbox;
    }

    @KafkaListener(topics = "minzheng.funeral", containerFactory = "eventListenerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, handlers);
    }

    private void deathRecorded(IncomingEvent event) {
        DeathRecorded death = DeathRecorded.from(event);
        int discharged = admissions.deceased(death.personRef(), death.dateOfDeath(), "event:" + event.id());
        log.info("Death event {}: {} resident(s) discharged", event.id(), discharged);
    }

    /** This service's own reading of funeral's event: only the two fields it needs. */
    record DeathRecorded(String personRef, LocalDate dateOfDeath) {

        static DeathRecorded from(IncomingEvent event) {
            return new DeathRecorded(event.requiredText("personRef"), event.requiredDate("dateOfDeath"));
        }
    }
}
