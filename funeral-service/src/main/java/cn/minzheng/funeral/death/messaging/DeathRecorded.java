package cn.minzheng.funeral.death.messaging;

import cn.minzheng.platform.events.DomainEvent;

/**
 * A death was recorded: the fact assistance (the member leaves), eldercare (the bed is freed) and registry (the
 * marriage ends) react to. {@code residenceDivision} is the household-registration division recorded on the death
 * (DESIGN.md §5); {@code caseId} names the after-death one-thing case when there is one. Key: the personRef.
 */
public record DeathRecorded(String deathId, String personRef, String dateOfDeath, String residenceDivision,
        String caseId) implements DomainEvent {

    public static final String TYPE = "minzheng.funeral.death.recorded.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
