package cn.minzheng.assistance.application.messaging;

import java.util.List;

import cn.minzheng.platform.events.DomainEvent;

/** 乡镇审核: the township reviewed an application (PASS opens the public notice); the household is frozen in a snapshot. */
public record HouseholdReviewed(String applicationId, String householdId, String programme, String division,
        List<String> personRefs, String decision, String snapshotId, String reviewedBy) implements DomainEvent {

    public static final String TYPE = "minzheng.assistance.household.reviewed.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
