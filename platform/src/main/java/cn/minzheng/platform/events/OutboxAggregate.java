package cn.minzheng.platform.events;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Transient;

/**
 * The persistence side of an aggregate that emits events: its document version (for {@code ETag} and optimistic
 * writes) and the events its last state change registered, which {@link OutboxWrites} appends to the document's
 * {@code outbox} in the same single-document write as the change (DESIGN.md §5). Plumbing only: the domain
 * methods of the subclass decide what happened.
 */
public abstract class OutboxAggregate {

    @Transient
    private final List<OutboxEvent> registered = new ArrayList<>();

    /** 0 until first saved; each save adds one. */
    protected long version;

    /** The document id, assigned by the application before the first save. */
    public abstract String id();

    /** Announces a fact about this aggregate (the Kafka key is its id, so its events stay in order). */
    protected void register(DomainEvent event, Clock clock) {
        register(event, id(), clock);
    }

    /** The same, keyed by another id whose events must stay in order with these (a household's payments). */
    protected void register(DomainEvent event, String subject, Clock clock) {
        registered.add(OutboxEvent.of(event, subject, clock));
    }

    public long version() {
        return version;
    }

    /** The events registered since the last save (tests and listeners may look; only the store clears them). */
    public List<OutboxEvent> registeredEvents() {
        return List.copyOf(registered);
    }

    void saved(long newVersion) {
        version = newVersion;
        registered.clear();
    }
}
