package cn.minzheng.funeral.death.messaging;

import cn.minzheng.platform.events.DomainEvent;

/** A cremation was done, with its unique certificate number. Key: the personRef. */
public record CremationCompleted(String deathId, String personRef, String certificateNo, String date,
        String division) implements DomainEvent {

    public static final String TYPE = "minzheng.funeral.cremation.completed.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
