package cn.minzheng.registry.marriage.messaging;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.minzheng.registry.marriage.Marriage;
import cn.minzheng.registry.marriage.Marriages;
import cn.minzheng.platform.onething.OneThingReports;
import cn.minzheng.platform.onething.OneThingStep;
import cn.minzheng.platform.onething.RetractionReport;
import cn.minzheng.registry.appointment.Appointment;
import cn.minzheng.registry.appointment.Appointments;
import cn.minzheng.registry.divorce.Divorce;
import cn.minzheng.registry.divorce.Divorces;
import cn.minzheng.platform.events.EventHandlers;
import cn.minzheng.platform.events.EventInbox;
import cn.minzheng.platform.events.IncomingEvent;
import cn.minzheng.registry.appointment.AppointmentService;
import cn.minzheng.registry.death.Deaths;
import cn.minzheng.registry.divorce.DivorceService;
import cn.minzheng.registry.marriage.MarriageService;
import cn.minzheng.platform.text.Text;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A death recorded by the funeral service (DESIGN.md §5, reactions): the registry remembers it (a deceased person is
 * no party to a new act), the person's marriage ends by death, so the
 * survivor may marry again, and the person's pending appointments are cancelled, freeing their places. The inbox
 * skips a redelivery before any work; both steps also save only what changed.
 */
@Component
class DeathListener {

    static final String DEATH_RECORDED = "minzheng.funeral.death.recorded.v1";
    static final String CASE_OPENED = "minzheng.funeral.one-thing.case-opened.v1";
    static final String DEATH_RETRACTED = "minzheng.funeral.death.retracted.v1";

    private static final Logger log = LoggerFactory.getLogger(DeathListener.class);

    private final MarriageService marriages;
    private final AppointmentService appointments;
    private final EventInbox inbox;
    private final Deaths deaths;
    private final DivorceService divorces;
    private final Marriages marriageRecords;
    private final OneThingReports reports;
    private final Divorces divorceRecords;
    private final Appointments appointmentRecords;
    private final Clock clock;
    final EventHandlers handlers = EventHandlers.create().on(DEATH_RECORDED, this::deathRecorded)
            .on(CASE_OPENED, this::caseOpened).on(DEATH_RETRACTED, this::deathRetracted);

    DeathListener(MarriageService marriages, DivorceService divorces, AppointmentService appointments,
            EventInbox inbox, Deaths deaths, Marriages marriageRecords, OneThingReports reports,
            Divorces divorceRecords, Appointments appointmentRecords, Clock clock) {
        this.divorceRecords = divorceRecords;
        this.appointmentRecords = appointmentRecords;
        this.marriageRecords = marriageRecords;
        this.reports = reports;
        this.clock = clock;
        this.deaths = deaths;
        this.divorces = divorces;
        this.marriages = marriages;
        this.appointments = appointments;
        this.inbox = inbox;
    }

    @KafkaListener(topics = "minzheng.funeral", containerFactory = "eventListenerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, handlers);
    }

    /** The reaction; with a case id (a death recorded for an after-death case), this office's step at once. */
    private void deathRecorded(IncomingEvent event) {
        handle(event, event.data().hasNonNull("caseId") ? event.requiredText("caseId") : null, false);
    }

    /**
     * 身后一件事: nothing when this office has reported on the case already (on the death.recorded that carried its
     * id); otherwise (a death recorded earlier, linked to the case) the same reaction, a no-op when it happened, then
     * the step.
     */
    private void caseOpened(IncomingEvent event) {
        String caseId = event.requiredText("caseId");
        if (!reports.stepReported(caseId)) {
            handle(event, caseId, true);
        }
    }

    /**
     * The death is remembered, the marriage ends, divorce applications end and bookings are cancelled; and the step
     * when there is a case: DONE when the marriage ended by this death, NOT_APPLICABLE when none is registered here,
     * REFUSED (nothing changed) when the person registered a marriage in person after the reported date of death.
     */
    private void handle(IncomingEvent event, String caseId, boolean handledBefore) {
        DeathRecorded death = DeathRecorded.from(event);
        // The current marriage by _id (the spouse claim): the one a death would end, and the one it could contradict.
        var contradiction = marriages.currentMarriage(death.personRef()).flatMap(marriageRecords::find)
                .filter(m -> m.registeredOn() != null && m.registeredOn().isAfter(death.dateOfDeath()));
        if (contradiction.isPresent()) {
            log.warn("Death event {}: not applied, the person registered marriage {} in person on {}, after the "
                    + "reported date of death", event.id(), contradiction.get().id(),
                    contradiction.get().registeredOn());
            if (caseId != null) {
                // The registry's own record says the person was alive after that day: nothing ended, a person checks.
                Text detail = Text.of("onething.step.alive-after-death", contradiction.get().registeredOn(),
                        contradiction.get().id(), death.dateOfDeath());
                reports.reportStep(caseId, death.personRef(), OneThingStep.Status.REFUSED, detail);
            }
            return;
        }
        // First, so that no act is registered for the person from now on, even if a later step fails and repeats.
        deaths.recorded(death.personRef(), death.dateOfDeath(), event.id());
        // A death linked to a case later may have ended the marriage before: only then is it looked for by a query.
        boolean widowed = marriages.endedByDeath(death.personRef(), death.dateOfDeath()) || handledBefore
                && marriageRecords.of(death.personRef()).stream().anyMatch(m -> m.status()
                        == Marriage.Status.ENDED_BY_DEATH && death.personRef().equals(m.deceasedRef()));
        int applications = divorces.endedByDeath(death.personRef(), death.dateOfDeath(), "event:" + event.id());
        int cancelled = appointments.cancelAllOf(death.personRef(), "event:" + event.id());
        log.info("Death event {}: marriage ended {}, {} divorce applications ended, {} appointments cancelled",
                event.id(), widowed, applications, cancelled);
        if (caseId != null) {
            Text detail = Text.of(widowed ? "onething.step.marriage-ended" : "onething.step.no-marriage", cancelled);
            reports.reportStep(caseId, death.personRef(),
                    widowed ? OneThingStep.Status.DONE : OneThingStep.Status.NOT_APPLICABLE, detail);
        }
    }

    /**
     * funeral's death.retracted: the person is alive again here; a marriage the death ended is restored (unless a
     * spouse has married since); divorce applications the death ended and appointments it cancelled cannot be put
     * back (their periods and places have moved on), so they are reported for the people to act. Once per death.
     */
    private void deathRetracted(IncomingEvent event) {
        String deathId = event.requiredText("deathId");
        String personRef = event.requiredText("personRef");
        if (reports.retractionReported(deathId)) {
            return;
        }
        deaths.retracted(personRef);
        List<RetractionReport.Item> reversed = new ArrayList<>();
        List<RetractionReport.Item> actions = new ArrayList<>();
        marriages.deathRetracted(personRef).forEach((marriageId, restored) -> (restored ? reversed : actions)
                .add(new RetractionReport.Item(restored ? "MARRIAGE_RESTORED" : "MARRIAGE_NOT_RESTORED", marriageId)));
        divorceRecords.of(personRef).stream().filter(d -> d.status() == Divorce.Status.ENDED_BY_DEATH)
                .forEach(d -> actions.add(new RetractionReport.Item("DIVORCE_APPLICATION_ENDED", d.id())));
        LocalDate today = LocalDate.now(clock);
        appointmentRecords.of(personRef).stream().filter(a -> a.status() == Appointment.Status.CANCELLED
                && "DECEASED".equals(a.cancelReason()) && !a.date().isBefore(today))
                .forEach(a -> actions.add(new RetractionReport.Item("APPOINTMENT_REBOOK", a.id())));
        reports.reportRetraction(deathId, personRef, reversed, actions);
        log.info("Retraction event {}: {} reversed, {} need a person", event.id(), reversed.size(), actions.size());
    }

    /** This service's own reading of funeral's event: only the two fields it needs. */
    record DeathRecorded(String personRef, LocalDate dateOfDeath) {

        static DeathRecorded from(IncomingEvent event) {
            return new DeathRecorded(event.requiredText("personRef"), event.requiredDate("dateOfDeath"));
        }
    }
}
