package cn.minzheng.platform.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a service does with each event type it consumes: a table from CloudEvents type to the work. Types not in
 * the table are other consumers' business and are passed over without a ledger entry.
 */
public final class EventHandlers {

    private final Map<String, Consumer<IncomingEvent>> byType = new LinkedHashMap<>();

    private EventHandlers() {
    }

    public static EventHandlers create() {
        return new EventHandlers();
    }

    public EventHandlers on(String type, Consumer<IncomingEvent> work) {
        if (byType.putIfAbsent(type, work) != null) {
            throw new IllegalStateException("Two handlers for " + type);
        }
        return this;
    }

    public EventHandlers on(Collection<String> types, Consumer<IncomingEvent> work) {
        types.forEach(type -> on(type, work));
        return this;
    }

    Optional<Consumer<IncomingEvent>> handlerOf(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** The types handled, for tests that redeliver each of them. */
    public Set<String> types() {
        return Set.copyOf(byType.keySet());
    }
}
