package cn.minzheng.eldercare.facility.messaging;

import java.time.LocalDate;

import cn.minzheng.platform.events.DomainEvent;

/** A facility was given a star rating (等级评定) on a day. */
public record FacilityRated(String facilityId, String division, int stars, LocalDate ratedOn) implements DomainEvent {

    public static final String TYPE = "minzheng.eldercare.facility.rated.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
