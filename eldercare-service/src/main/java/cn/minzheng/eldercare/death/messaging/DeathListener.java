package cn.minzheng.eldercare.death.messaging;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.minzheng.eldercare.death.Deaths;
import cn.minzheng.eldercare.resident.AdmissionService;
import cn.minzheng.eldercare.serviceorder.ServiceOrders;
import cn.minzheng.platform.onething.OneThingReports;
import cn.minzheng.platform.onething.OneThingStep;
import cn.minzheng.platform.onething.RetractionReport;
import cn.minzheng.eldercare.serviceorder.ServiceOrder;
import cn.minzheng.eldercare.resident.Residents;
import cn.minzheng.platform.events.EventHandlers;
import cn.minzheng.platform.events.EventInbox;
import cn.minzheng.platform.events.IncomingEvent;
import cn.minzheng.platform.text.Text;

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
    static final String CASE_OPENED = "minzheng.funeral.one-thing.case-opened.v1";
    static final String DEATH_RETRACTED = "minzheng.funeral.death.retracted.v1";

    private static final Logger log = LoggerFactory.getLogger(DeathListener.class);

    private final AdmissionService admissions;
    private final ServiceOrders orders;
    private final EventInbox inbox;
    private final Residents residents;
    private final OneThingReports reports;
    private final Clock clock;
    private final Deaths deaths;
    final EventHandlers handlers = EventHandlers.create().on(DEATH_RECORDED, this::deathRecorded)
            .on(CASE_OPENED, this::caseOpened).on(DEATH_RETRACTED, this::deathRetracted);

    DeathListener(AdmissionService admissions, ServiceOrders orders, Residents residents, OneThingReports reports,
            EventInbox inbox, Deaths deaths, Clock clock) {
        this.deaths = deaths;
        this.admissions = admissions;
        this.residents = residents;
        this.reports = reports;
        this.clock = clock;
        this.orders = orders;
        this.inbox = inbox;
    }

    @KafkaListener(topics = "minzheng.funeral", containerFactory = "eventListenerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, handlers);
    }

    /** The reaction; with a case id (a death recorded for an after-death case), this office's step at once. */
    private void deathRecorded(IncomingEvent event) {
        DeathRecorded death = DeathRecorded.from(event);
        int discharged = react(event, death);
        if (event.data().hasNonNull("caseId")) {
            report(event.requiredText("caseId"), death, discharged > 0);
        }
    }

    /**
     * 身后一件事: nothing when this office has reported on the case already (on the death.recorded that carried its
     * id); otherwise (a death recorded earlier, linked to the case) the same reaction, a no-op when it happened, then
     * the step.
     */
    private void caseOpened(IncomingEvent event) {
        String caseId = event.requiredText("caseId");
        if (reports.stepReported(caseId)) {
            return;
        }
        DeathRecorded death = DeathRecorded.from(event);
        react(event, death);
        report(caseId, death, !residents.deceasedOf(death.personRef()).isEmpty());
    }

    private int react(IncomingEvent event, DeathRecorded death) {
        deaths.recorded(death.personRef(), death.dateOfDeath(), event.id());
        int discharged = admissions.deceased(death.personRef(), death.dateOfDeath(), "event:" + event.id());
        int closed = orders.deceased(death.personRef());
        log.info("Death event {}: {} resident(s) discharged, {} home-care order(s) closed", event.id(), discharged,
                closed);
        return discharged;
    }

    /** DONE when the person lived in a care home here (now discharged), NOT_APPLICABLE otherwise. */
    private void report(String caseId, DeathRecorded death, boolean resident) {
        Text detail = Text.of(resident ? "onething.step.discharged" : "onething.step.no-stay");
        reports.reportStep(caseId, death.personRef(),
                resident ? OneThingStep.Status.DONE : OneThingStep.Status.NOT_APPLICABLE, detail);
    }

    /**
     * funeral's death.retracted: nothing here is undone by itself. The freed bed may be someone else's by now and a
     * closed home-care order had its day; so each discharge (by death) is reported as a re-admission a facility must
     * arrange, and each order closed by the death as one to order again. Once per death.
     */
    private void deathRetracted(IncomingEvent event) {
        String deathId = event.requiredText("deathId");
        String personRef = event.requiredText("personRef");
        deaths.retracted(personRef);
        if (reports.retractionReported(deathId)) {
            return;
        }
        List<RetractionReport.Item> actions = new ArrayList<>();
        residents.deceasedOf(personRef).forEach(r -> actions.add(new RetractionReport.Item("READMISSION_NEEDED",
                r.id())));
        orders.of(personRef).stream().filter(o -> o.status() == ServiceOrder.Status.CANCELLED
                && "DECEASED".equals(o.cancelReason()))
                .forEach(o -> actions.add(new RetractionReport.Item("SERVICE_ORDER_RENEW", o.id())));
        reports.reportRetraction(deathId, personRef, List.of(), actions);
        log.info("Retraction event {}: {} item(s) need a person", event.id(), actions.size());
    }

    /** This service's own reading of funeral's event: only the two fields it needs. */
    record DeathRecorded(String personRef, LocalDate dateOfDeath) {

        static DeathRecorded from(IncomingEvent event) {
            return new DeathRecorded(event.requiredText("personRef"), event.requiredDate("dateOfDeath"));
        }
    }
}
