package cn.minzheng.registry.onething.messaging;

import java.util.List;

import cn.minzheng.platform.events.DomainEvent;

/**
 * This office handled funeral's {@code death.retracted}: what it reversed and what needs a person to act, each a
 * code and the record it concerns. Key: the personRef.
 */
public record RetractionHandled(String deathId, String personRef, String office, List<Item> reversed,
        List<Item> actionsNeeded) implements DomainEvent {

    public static final String TYPE = "minzheng.registry.death.retraction-handled.v1";

    public record Item(String code, String ref) {
    }

    @Override
    public String type() {
        return TYPE;
    }
}
