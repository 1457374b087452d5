package cn.minzheng.assistance.household.messaging;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import cn.minzheng.assistance.allowance.AllowanceService;
import cn.minzheng.assistance.household.Household;
import cn.minzheng.platform.onething.OneThingReports;
import cn.minzheng.platform.onething.OneThingStep;
import cn.minzheng.platform.onething.RetractionReport;
import cn.minzheng.assistance.enrolment.Enrolment;
import cn.minzheng.assistance.enrolment.Enrolments;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.assistance.household.HouseholdRegistry;
import cn.minzheng.assistance.household.Households;
import cn.minzheng.platform.events.EventHandlers;
import cn.minzheng.platform.events.EventInbox;
import cn.minzheng.platform.events.IncomingEvent;
import cn.minzheng.platform.text.Text;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What other offices' registrations mean for a household (DESIGN.md §5, reactions): a death recorded by the funeral
 * service removes the person from the next month (the enrolment is recalculated, or ended when nobody is left) and
 * ends their category allowances with the month of death; a
 * marriage, divorce or adoption flags the household for an early review. The inbox skips a redelivered event before
 * any work; each reaction also saves only what changed, so even a redelivery after a crash mid-work changes nothing.
 */
@Component
class LifeEventListener {

    static final String DEATH_RECORDED = "minzheng.funeral.death.recorded.v1";
    static final String CASE_OPENED = "minzheng.funeral.one-thing.case-opened.v1";
    static final String DEATH_RETRACTED = "minzheng.funeral.death.retracted.v1";
    static final Set<String> FAMILY_CHANGES = Set.of("minzheng.registry.marriage.registered.v1",
            "minzheng.registry.divorce.registered.v1", "minzheng.registry.adoption.registered.v1");

    private static final Logger log = LoggerFactory.getLogger(LifeEventListener.class);

    private final HouseholdRegistry registry;
    private final AllowanceService allowances;
    private final OneThingReports reports;
    private final Households households;
    private final EventInbox inbox;
    private final Enrolments enrolments;
    private final Clock clock;
    final EventHandlers handlers = EventHandlers.create()
            .on(DEATH_RECORDED, this::deathRecorded)
            .on(CASE_OPENED, this::caseOpened)
            .on(DEATH_RETRACTED, this::deathRetracted)
            .on(FAMILY_CHANGES, this::familyChanged);

    LifeEventListener(HouseholdRegistry registry, AllowanceService allowances, OneThingReports reports,
            Households households, Enrolments enrolments, EventInbox inbox, Clock clock) {
        this.enrolments = enrolments;
        this.registry = registry;
        this.allowances = allowances;
        this.reports = reports;
        this.households = households;
        this.inbox = inbox;
        this.clock = clock;
    }

    @KafkaListener(topics = {"minzheng.funeral", "minzheng.registry"}, containerFactory = "eventListenerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, handlers);
    }

    /** The reaction; with a case id (a death recorded for an after-death case), this office's step at once. */
    private void deathRecorded(IncomingEvent event) {
        DeathRecorded death = DeathRecorded.from(event);
        Reaction reaction = react(event, death);
        if (event.data().hasNonNull("caseId")) {
            report(event.requiredText("caseId"), death.personRef(), reaction);
        }
    }

    /**
     * 身后一件事: nothing when this office has reported on the case already (on the death.recorded that carried its
     * id); otherwise (a death recorded earlier, linked to the case) the same reaction, a no-op when it happened,
     * then the step.
     */
    private void caseOpened(IncomingEvent event) {
        String caseId = event.requiredText("caseId");
        if (reports.stepReported(caseId)) {
            return;
        }
        DeathRecorded death = DeathRecorded.from(event);
        report(caseId, death.personRef(), react(event, death));
    }

    /**
     * The member leaves their household from the next month; allowances end. 1 when they were an active member (the
     * household read by {@code _id} through the membership claim), else the households they were ever in (a query,
     * only on this rarer path: a death handled before).
     */
    private Reaction react(IncomingEvent event, DeathRecorded death) {
        boolean allowance = allowances.died(death.personRef(), death.dateOfDeath());
        var active = registry.activeHouseholdOf(death.personRef());
        if (active.isEmpty()) {
            return new Reaction(households.withMember(death.personRef()).size(), allowance);
        }
        registry.memberLeaves(active.get(), death.personRef(), death.dateOfDeath(), "DECEASED",
                "event:" + event.id());
        log.info("Death event {}: a member leaves household {} after {}", event.id(), active.get().id(),
                death.dateOfDeath());
        return new Reaction(1, allowance);
    }

    /** What the reaction found: the households the person left, and whether they had allowances here. */
    private record Reaction(int households, boolean allowance) {
    }

    /** DONE when the person was a household member or had allowances here, NOT_APPLICABLE otherwise. */
    private void report(String caseId, String personRef, Reaction reaction) {
        int households = reaction.households();
        boolean known = households > 0 || reaction.allowance();
        Text detail = !known ? Text.of("onething.step.no-record")
                : reaction.allowance() ? Text.of("onething.step.left-households-and-allowances", households)
                : Text.of("onething.step.left-households", households);
        reports.reportStep(caseId, personRef,
                known ? OneThingStep.Status.DONE : OneThingStep.Status.NOT_APPLICABLE, detail);
    }

    /**
     * funeral's death.retracted: the member returns to each household the death took them out of, counted from the
     * month after the date of death (active enrolments are recalculated from then), and the allowances the death
     * ended are active again. An enrolment the death terminated, a person who has joined another household since and
     * months no payroll paid are reported for an officer. Once per death.
     */
    private void deathRetracted(IncomingEvent event) {
        String deathId = event.requiredText("deathId");
        DeathRecorded death = DeathRecorded.from(event);
        if (reports.retractionReported(deathId)) {
            return;
        }
        List<RetractionReport.Item> reversed = new ArrayList<>();
        List<RetractionReport.Item> actions = new ArrayList<>();
        String by = "event:" + event.id();
        for (Household household : households.withMember(death.personRef())) {
            try {
                if (registry.memberReturns(household.id(), death.personRef(), death.dateOfDeath(), by)) {
                    reversed.add(new RetractionReport.Item("MEMBER_REINSTATED", household.id()));
                }
            } catch (Refusal otherHousehold) {
                actions.add(new RetractionReport.Item("MEMBER_IN_OTHER_HOUSEHOLD", household.id()));
            }
            enrolments.ofHousehold(household.id()).stream()
                    .filter(e -> e.status() == Enrolment.Status.TERMINATED && e.termination() != null
                            && e.termination().reason().startsWith("NO_MEMBER_LEFT: DECEASED"))
                    .forEach(e -> actions.add(new RetractionReport.Item("ENROLMENT_REINSTATEMENT", e.id())));
        }
        boolean monthsMissed = YearMonth.from(death.dateOfDeath()).isBefore(YearMonth.now(clock));
        for (String allowanceId : allowances.deathRetracted(death.personRef())) {
            reversed.add(new RetractionReport.Item("ALLOWANCE_REINSTATED", allowanceId));
            if (monthsMissed) {
                actions.add(new RetractionReport.Item("ALLOWANCE_ARREARS", allowanceId));
            }
        }
        reports.reportRetraction(deathId, death.personRef(), reversed, actions);
        log.info("Retraction event {}: {} reversed, {} for an officer", event.id(), reversed.size(), actions.size());
    }

    private void familyChanged(IncomingEvent event) {
        String kind = event.type().split("\\.")[2];
        for (String personRef : personRefs(event.data())) {
            for (Household household : households.withMember(personRef)) {
                if (household.hasActiveMember(personRef)
                        && household.flagForReview(kind + " registered", event.id(), clock.instant())) {
                    households.save(household);
                }
            }
        }
    }

    /** Any {@code personRef} or {@code ...PersonRef} field and any {@code personRefs} array, at any depth. */
    static Set<String> personRefs(JsonNode data) {
        Set<String> refs = new LinkedHashSet<>();
        collect(data, refs);
        return refs;
    }

    private static void collect(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                JsonNode value = node.get(name);
                boolean named = name.toLowerCase().endsWith("personref") || name.toLowerCase().endsWith("personrefs");
                if (named && value.isString()) {
                    refs.add(value.asString());
                } else if (named && value.isArray()) {
                    value.valueStream().filter(JsonNode::isString).forEach(v -> refs.add(v.asString()));
                } else {
                    collect(value, refs);
                }
            }
        } else if (node.isArray()) {
            node.valueStream().forEach(child -> collect(child, refs));
        }
    }

    /** This service's own reading of funeral's event: only the two fields it needs. */
    record DeathRecorded(String personRef, LocalDate dateOfDeath) {

        static DeathRecorded from(IncomingEvent event) {
            return new DeathRecorded(event.requiredText("personRef"), event.requiredDate("dateOfDeath"));
        }
    }
}
