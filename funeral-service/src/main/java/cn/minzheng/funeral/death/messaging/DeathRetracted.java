package cn.minzheng.funeral.death.messaging;

import cn.minzheng.platform.events.DomainEvent;

/**
 * A death recorded in error was retracted (two funeral officers agreed): each office reverses what it did on
 * {@code death.recorded} where it can, and reports what needs a person. DESIGN.md §5 pins {personRef, deathId,
 * reason}; the date of death tells offices from which month to reinstate. Key: the personRef.
 */
public record DeathRetracted(String deathId, String personRef, String dateOfDeath, String residenceDivision,
        String caseId, String reason) implements DomainEvent {

    public static final String TYPE = "minzheng.funeral.death.retracted.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
