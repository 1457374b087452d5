package cn.minzheng.assistance.allowance.messaging;

import cn.minzheng.platform.events.DomainEvent;

/**
 * A category allowance was granted, from {@code startMonth} (months before the decision are paid as arrears). The
 * rule version and criterion say under which of the county's rules. Key: the personRef.
 */
public record AllowanceApproved(String allowanceId, String personRef, String programme, String division,
        String startMonth, String monthlyAmount, int ruleVersion, String criterionId, String band)
        implements DomainEvent {

    public static final String TYPE = "minzheng.assistance.allowance.approved.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
