package cn.minzheng.eldercare.facility.messaging;

import cn.minzheng.platform.events.DomainEvent;

/** A facility was registered: what it is, where, its beds, and its operator's credit code when it has one. */
public record FacilityRegistered(String facilityId, String name, String facilityType, String ownership, String division,
        int totalBeds, int nursingBeds, String operatorCreditCode) implements DomainEvent {

    public static final String TYPE = "minzheng.eldercare.facility.registered.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
