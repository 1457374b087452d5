package cn.minzheng.funeral.death.messaging;

import cn.minzheng.platform.events.DomainEvent;

/** The remains were laid to rest: the type, the cemetery (none at sea) and whether the eco reward applies. Key: personRef. */
public record BurialCompleted(String deathId, String personRef, String type, String cemeteryId, String date,
        boolean eco, String rewardAmount, String division) implements DomainEvent {

    public static final String TYPE = "minzheng.funeral.burial.completed.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
