package cn.minzheng.funeral.onething.messaging;

import cn.minzheng.platform.events.DomainEvent;

/**
 * An after-death case was opened: each office answers with its step for the person, whether its reaction happens
 * now or already happened (on an earlier death.recorded). Key: the personRef.
 */
public record CaseOpened(String caseId, String personRef, String deathId, String dateOfDeath,
        String residenceDivision) implements DomainEvent {

    public static final String TYPE = "minzheng.funeral.one-thing.case-opened.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
