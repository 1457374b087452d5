package cn.minzheng.assistance.application.messaging;

import java.time.LocalDate;

import cn.minzheng.platform.events.DomainEvent;

/**
 * A running public notice (公示) now ends later: a holiday schedule was loaded or corrected and its last day became
 * a holiday or rest day. The notice page and the approvers' worklists show the new end. Never shortened.
 */
public record PublicNoticeExtended(String applicationId, String householdId, String division, LocalDate noticeFrom,
        LocalDate noticeUntil, LocalDate previousNoticeUntil, String reason) implements DomainEvent {

    public static final String TYPE = "minzheng.assistance.public-notice.extended.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
