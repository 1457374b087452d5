package cn.minzheng.orgs.organization.messaging;

import java.time.LocalDate;

import cn.minzheng.platform.events.DomainEvent;

/** An organisation's registration was revoked (撤销登记) from a day, for a reason (fields pinned in DESIGN.md §5). */
public record OrgRevoked(String orgId, String creditCode, LocalDate revokedOn, String reason)
        implements DomainEvent {

    public static final String TYPE = "minzheng.orgs.org.revoked.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
