package cn.minzheng.platform.events;

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

    protected void register(OutboxEvent event) {
        registered.add(event);
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
