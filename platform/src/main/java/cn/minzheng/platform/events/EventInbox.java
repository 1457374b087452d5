package cn.minzheng.platform.events;

import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a service consumes another's events. Each {@code @KafkaListener} hands its record and its
 * {@link EventHandlers} here: the record is read as a CloudEvent (a poison record goes to the DLT), the ledger is
 * checked BEFORE the work, so a redelivered event changes nothing, not even an aggregate's version, and the event
 * is recorded only AFTER the work, so a crash in between repeats the work rather than losing it. Handlers must
 * therefore still be idempotent for that one case (a redelivery after a crash mid-work), which they achieve by
 * saving only when the aggregate actually changed.
 */
public class EventInbox {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    private final ProcessedEvents ledger;
    private final MeterRegistry meters;

    public EventInbox(ProcessedEvents ledger) {
        this(ledger, new SimpleMeterRegistry());
    }

    /** Counts what it received ({@code minzheng.events.received}): handled, a redelivery skipped, or not its work. */
    public EventInbox(ProcessedEvents ledger, MeterRegistry meters) {
        this.ledger = ledger;
        this.meters = meters;
    }

    public void receive(ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
        // Most records on a topic are another consumer's work: judged by the type header alone, before the body is
        // read (a record without one is read, and refused to the dead-letter topic).
        String type = IncomingEvent.typeOf(record);
        if (type != null && handlers.handlerOf(type).isEmpty()) {
            count("ignored");
            return;
        }
        IncomingEvent event = IncomingEvent.from(record);
        Consumer<IncomingEvent> work = handlers.handlerOf(event.type()).orElse(null);
        if (work == null) {
            count("ignored");
            return;
        }
        if (ledger.seen(event.id())) {
            log.debug("Event {} ({}) was handled before; redelivery skipped", event.id(), event.type());
            count("redelivered");
            return;
        }
        work.accept(event);
        ledger.record(event);
        count("handled");
    }

    private void count(String outcome) {
        meters.counter("minzheng.events.received", "outcome", outcome).increment();
    }
}
