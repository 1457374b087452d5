package cn.minzheng.orgs.organization.messaging;

import java.time.LocalDate;

import cn.minzheng.platform.events.DomainEvent;

/** An organisation was put on the abnormal-activity list (活动异常名录) from a day, for a reason. */
public record OrgListedAbnormal(String orgId, String creditCode, String division, LocalDate listedOn, String reason)
        implements DomainEvent {

    public static final String TYPE = "minzheng.orgs.org.listed-abnormal.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
