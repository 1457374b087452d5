package cn.minzheng.platform.onething.messaging;

import java.util.List;
import java.util.Locale;

import cn.minzheng.platform.events.DomainEvent;

/**
 * An office handled funeral's {@code death.retracted}: what it reversed and what needs a person to act, each a code
 * and the record it concerns. Key: the personRef. The type names the office's service.
 */
public record RetractionHandled(String deathId, String personRef, String office, List<Item> reversed,
        List<Item> actionsNeeded) implements DomainEvent {

    public record Item(String code, String ref) {
    }

    /** The type for a service, e.g. {@code registry}. */
    public static String typeFor(String service) {
        return "minzheng." + service + ".death.retraction-handled.v1";
    }

    @Override
    public String type() {
        return typeFor(office.toLowerCase(Locale.ROOT));
    }
}
