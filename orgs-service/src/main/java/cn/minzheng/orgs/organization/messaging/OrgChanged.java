package cn.minzheng.orgs.organization.messaging;

import java.time.LocalDate;

import cn.minzheng.platform.events.DomainEvent;

/**
 * Something registered about an organisation changed: a change filing ({@code change} AMENDMENT, {@code item} the
 * item changed), a status other than the ones with their own event ({@code change} STATUS, {@code item} the new
 * status), or a charity recognition ({@code change} CHARITY_RECOGNIZED). Carries no personal data: a new legal
 * representative is named by the item only.
 */
public record OrgChanged(String orgId, String creditCode, String change, String item, String status,
        LocalDate effectiveOn) implements DomainEvent {

    public static final String TYPE = "minzheng.orgs.org.changed.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
