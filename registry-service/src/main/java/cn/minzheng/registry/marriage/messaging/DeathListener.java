package cn.minzheng.registry.marriage.messaging;

import java.time.LocalDate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.minzheng.platform.events.IncomingEvent;
import cn.minzheng.platform.events.ProcessedEvents;
import cn.minzheng.registry.appointment.AppointmentService;
import cn.minzheng.registry.marriage.MarriageService;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A death recorded by the funeral service (DESIGN.md §5, reactions): the person's marriage ends by death, so the
 * survivor may marry again, and the person's pending appointments are cancelled, freeing their places. Both steps
 * are idempotent; the ledger lets redeliveries skip the work.
 */
@Component
class DeathListener {

    static final String DEATH_RECORDED = "minzheng.funeral.death.recorded.v1";

    private static final Logger log = LoggerFactory.getLogger(DeathListener.class);

    private final MarriageService marriages;
    private final AppointmentService appointments;
    private final ProcessedEvents processed;

    DeathListener(MarriageService marriages, AppointmentService appointments, ProcessedEvents processed) {
        this.marriages = marriages;
        this.appointments = appointments;
        this.processed = processed;
    }

    @KafkaListener(topics = "minzheng.funeral", containerFactory = "eventListenerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!DEATH_RECORDED.equals(event.type())) {
            return;
        }
        DeathRecorded death = DeathRecorded.from(event);
        boolean widowed = marriages.endedByDeath(death.personRef(), death.dateOfDeath());
        int cancelled = appointments.cancelAllOf(death.personRef(), "event:" + event.id());
        log.info("Death event {}: marriage ended {}, {} appointments cancelled", event.id(), widowed, cancelled);
        processed.firstDelivery(event);
    }

    /** This service's own reading of funeral's event: only the two fields it needs. */
    record DeathRecorded(String personRef, LocalDate dateOfDeath) {

        static DeathRecorded from(IncomingEvent event) {
            return new DeathRecorded(event.requiredText("personRef"), event.requiredDate("dateOfDeath"));
        }
    }
}
